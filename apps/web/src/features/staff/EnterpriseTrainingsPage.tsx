import { useState } from 'react';
import { Button, Card, Flex, Form, Input, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import {
  enrolmentInputSchema,
  type EnrolmentView,
  OPERATION_CATEGORY_LABELS,
  type OperationTrainingView,
  withdrawEnrolmentSchema,
} from '@hazard-ledger/domain';
import {
  enrol,
  getMyTraining,
  listMyTrainings,
  staffKeys,
  withdrawEnrolment,
} from '../../api/staff-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InfoNote } from '../../components/InfoNote';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { blankToNull, FormModal } from './FormModal';
import { OperationTrainingTable, TrainingStateTag } from './TrainingsPage';
import { EnrolmentTable } from './TrainingPage';

/**
 * /my-trainings — for enterprise users: the special-operation training sessions the bureau
 * announced to the enterprise's district, enrolment of the enterprise's own people before the
 * deadline, and the results (a pass appears in the enterprise's certificate list).
 */
export function EnterpriseTrainingsPage() {
  const { t, label } = useLocale();
  const list = useQuery({
    queryKey: staffKeys.myTrainings,
    queryFn: ({ signal }) => listMyTrainings(signal),
  });
  const [search] = useSearchParams();
  // The table links here with ?training=<id>: the chosen session opens below the list.
  const selected = search.get('training') ? Number(search.get('training')) : null;
  return (
    <>
      <PageHeader title={t('nav.myTrainings')} />
      <InfoNote>{t('training.personalData')}</InfoNote>
      <ErrorAlert error={list.error} />
      <Flex vertical gap={16}>
        <OperationTrainingTable
          loading={list.isPending}
          items={list.data?.items ?? []}
          linkOf={(r) => `/my-trainings?training=${r.id}`}
          categoryLabel={(r) => label(OPERATION_CATEGORY_LABELS[r.category])}
        />
        {selected !== null ? <MyTraining id={selected} /> : null}
      </Flex>
    </>
  );
}

function MyTraining({ id }: { id: number }) {
  const { t } = useLocale();
  const detail = useQuery({
    queryKey: staffKeys.myTraining(id),
    queryFn: ({ signal }) => getMyTraining(id, signal),
  });
  const [enrolling, setEnrolling] = useState(false);
  const [withdrawing, setWithdrawing] = useState<EnrolmentView | null>(null);
  const r = detail.data;
  return (
    <Card
      size="small"
      title={
        r ? (
          <Space>
            {r.title}
            <TrainingStateTag training={r} />
          </Space>
        ) : (
          t('training.myEnrolments')
        )
      }
      extra={
        r?.open ? (
          <Button type="primary" onClick={() => setEnrolling(true)}>
            {t('training.enrol')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={detail.error} />
      {r ? (
        <>
          <Typography.Paragraph type="secondary">{summary(r, t)}</Typography.Paragraph>
          <EnrolmentTable
            items={r.enrolments}
            action={(e) =>
              e.withdrawnAt || e.result ? null : (
                <Button size="small" type="link" danger onClick={() => setWithdrawing(e)}>
                  {t('training.withdraw')}
                </Button>
              )
            }
          />
        </>
      ) : null}
      {enrolling ? <EnrolModal trainingId={id} onClose={() => setEnrolling(false)} /> : null}
      {withdrawing ? (
        <FormModal<{ reason?: string }, typeof withdrawEnrolmentSchema>
          title={`${t('training.withdraw')}：${withdrawing.personName}`}
          onClose={() => setWithdrawing(null)}
          schema={withdrawEnrolmentSchema}
          toInput={(v) => ({ reason: v.reason ?? '', version: withdrawing.version })}
          submit={(body) => withdrawEnrolment(withdrawing.id, body)}
          fields={['reason']}
        >
          <Form.Item name="reason" label={t('training.withdrawReason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      ) : null}
    </Card>
  );
}

function summary(r: OperationTrainingView, t: ReturnType<typeof useLocale>['t']): string {
  return `${t('training.startsOn')} ${r.startsOn} · ${t('training.place')} ${r.place} · ${t(
    'training.enrolDeadline',
  )} ${r.enrolDeadline} · ${t('training.enrolled')} ${r.enrolled}/${r.capacity}`;
}

type EnrolValues = { personName?: string; idNumber?: string; phone?: string; post?: string };

function EnrolModal({ trainingId, onClose }: { trainingId: number; onClose: () => void }) {
  const { t } = useLocale();
  return (
    <FormModal<EnrolValues, typeof enrolmentInputSchema>
      title={t('training.enrolTitle')}
      onClose={onClose}
      schema={enrolmentInputSchema}
      toInput={(v) => ({
        personName: v.personName ?? '',
        idNumber: v.idNumber ?? '',
        phone: blankToNull(v.phone),
        post: blankToNull(v.post),
      })}
      submit={(input) => enrol(trainingId, input)}
      fields={['personName', 'idNumber', 'phone', 'post']}
      okText={t('training.enrol')}
    >
      <Form.Item name="personName" label={t('training.person')}>
        <Input />
      </Form.Item>
      <Form.Item name="idNumber" label={t('training.idNumber')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="phone" label={t('training.phone')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
        <Form.Item name="post" label={t('training.post')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}
