import { type ReactNode, useState } from 'react';
import {
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import {
  ASSESSMENT_RESULT_LABELS,
  ASSESSMENT_RESULTS,
  assessmentInputSchema,
  type EnrolmentView,
  OPERATION_CATEGORY_LABELS,
  voidTrainingSchema,
} from '@hazard-ledger/domain';
import {
  assessEnrolment,
  cancelOperationTraining,
  getOperationTraining,
  getStaffTraining,
  staffKeys,
  voidStaffTraining,
} from '../../api/staff-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InfoNote } from '../../components/InfoNote';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { blankToNull, FormModal, numberOrUndefined } from './FormModal';
import { OperationTrainingModal, StaffTrainingModal } from './training-forms';
import { TrainingStateTag } from './TrainingsPage';

/**
 * /trainings/:id — a special-operation training session with every enrolment and the
 * assessment (a pass records the certificate in the enterprise's list); with `?kind=staff`, a
 * staff training session with its attendees.
 */
export function TrainingPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const trainingId = Number(id);
  return search.get('kind') === 'staff' ? (
    <StaffTrainingDetail id={trainingId} />
  ) : (
    <OperationTrainingDetail id={trainingId} />
  );
}

/** A reason form (void / cancel). */
function ReasonModal({
  title,
  reasonLabel,
  version,
  submit,
  onClose,
}: {
  title: string;
  reasonLabel: string;
  version: number;
  submit: (body: { reason: string; version: number }) => Promise<unknown>;
  onClose: () => void;
}) {
  return (
    <FormModal<{ reason?: string }, typeof voidTrainingSchema>
      title={title}
      onClose={onClose}
      schema={voidTrainingSchema}
      toInput={(v) => ({ reason: v.reason ?? '', version })}
      submit={submit}
      fields={['reason']}
    >
      <Form.Item name="reason" label={reasonLabel}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

function StaffTrainingDetail({ id }: { id: number }) {
  const { t } = useLocale();
  const training = useQuery({
    queryKey: staffKeys.training(id),
    queryFn: ({ signal }) => getStaffTraining(id, signal),
  });
  const [editing, setEditing] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const r = training.data;
  return (
    <>
      <PageHeader
        title={r?.topic ?? t('nav.training')}
        extra={
          r && !r.voidedAt ? (
            <Space>
              <Button onClick={() => setEditing(true)}>{t('training.editAttendees')}</Button>
              <Button danger onClick={() => setVoiding(true)}>
                {t('staff.void')}
              </Button>
            </Space>
          ) : null
        }
      />
      <ErrorAlert error={training.error} />
      {r ? (
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('training.heldOn')}>{r.heldOn}</Descriptions.Item>
            <Descriptions.Item label={t('training.hours')}>{r.hours}</Descriptions.Item>
            <Descriptions.Item label={t('training.trainer')}>{r.trainer}</Descriptions.Item>
            <Descriptions.Item label={t('training.place')}>{r.place ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('training.content')} span={2}>
              {r.content ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('training.attendees')} span={2}>
              {r.attendees.map((a) => `${a.name}（${a.orgUnitName}）`).join('、') || '—'}
            </Descriptions.Item>
            {r.voidedAt ? (
              <Descriptions.Item label={t('training.voided')} span={2}>
                {r.voidReason}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
      ) : null}
      {r && editing ? <StaffTrainingModal record={r} onClose={() => setEditing(false)} /> : null}
      {r && voiding ? (
        <ReasonModal
          title={t('staff.void')}
          reasonLabel={t('staff.voidReason')}
          version={r.version}
          submit={(body) => voidStaffTraining(r.id, body)}
          onClose={() => setVoiding(false)}
        />
      ) : null}
    </>
  );
}

function OperationTrainingDetail({ id }: { id: number }) {
  const { t, label } = useLocale();
  const training = useQuery({
    queryKey: staffKeys.operationTraining(id),
    queryFn: ({ signal }) => getOperationTraining(id, signal),
  });
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [assessing, setAssessing] = useState<EnrolmentView | null>(null);
  const r = training.data;
  return (
    <>
      <PageHeader
        title={r?.title ?? t('nav.training')}
        extra={
          r && !r.voidedAt ? (
            <Space>
              <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
              <Button danger onClick={() => setCancelling(true)}>
                {t('training.cancel')}
              </Button>
            </Space>
          ) : null
        }
      />
      <ErrorAlert error={training.error} />
      {r ? (
        <Flex vertical gap={16}>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
              <Descriptions.Item label={t('training.category')}>
                {label(OPERATION_CATEGORY_LABELS[r.category])} {r.operationItem ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('training.startsOn')}>{r.startsOn}</Descriptions.Item>
              <Descriptions.Item label={t('training.place')}>{r.place}</Descriptions.Item>
              <Descriptions.Item label={t('training.enrolDeadline')}>
                {r.enrolDeadline}
              </Descriptions.Item>
              <Descriptions.Item label={t('training.enrolled')}>
                <Space>
                  {`${r.enrolled}/${r.capacity}`}
                  <TrainingStateTag training={r} />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('training.note')}>{r.note ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('training.enrolments')}>
            <InfoNote>{t('training.assessHint')}</InfoNote>
            <EnrolmentTable
              items={r.enrolments}
              action={(e) =>
                e.withdrawnAt || e.result ? null : (
                  <Button size="small" type="link" onClick={() => setAssessing(e)}>
                    {t('training.assess')}
                  </Button>
                )
              }
            />
          </Card>
        </Flex>
      ) : null}
      {r && editing ? (
        <OperationTrainingModal record={r} onClose={() => setEditing(false)} />
      ) : null}
      {r && cancelling ? (
        <ReasonModal
          title={t('training.cancel')}
          reasonLabel={t('training.cancelReason')}
          version={r.version}
          submit={(body) => cancelOperationTraining(r.id, body)}
          onClose={() => setCancelling(false)}
        />
      ) : null}
      {assessing ? <AssessModal enrolment={assessing} onClose={() => setAssessing(null)} /> : null}
    </>
  );
}

/** Enrolments with their state and result (the bureau's and the enterprise's pages). */
export function EnrolmentTable({
  items,
  action,
}: {
  items: EnrolmentView[];
  action: (e: EnrolmentView) => ReactNode;
}) {
  const { t, label } = useLocale();
  return (
    <Table<EnrolmentView>
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('training.enterprise'), dataIndex: 'enterpriseName' },
        { title: t('training.person'), dataIndex: 'personName' },
        { title: t('training.idNumber'), dataIndex: 'idNumber' },
        { title: t('training.post'), render: (_, e) => e.post ?? '—' },
        { title: t('training.enrolledBy'), dataIndex: 'enrolledByName' },
        {
          title: t('training.result'),
          render: (_, e) =>
            e.withdrawnAt ? (
              <Tag>{t('training.withdrawn')}</Tag>
            ) : e.result ? (
              <Space size={4}>
                <Tag color={e.result === 'pass' ? 'green' : 'red'}>
                  {label(ASSESSMENT_RESULT_LABELS[e.result])}
                </Tag>
                {e.score ?? ''}
                {e.certificateNo ? `（${e.certificateNo}）` : ''}
              </Space>
            ) : (
              <Tag color="blue">{t('training.pending')}</Tag>
            ),
        },
        { title: t('common.actions'), render: (_, e) => action(e) },
      ]}
    />
  );
}

type AssessValues = {
  result?: string;
  score?: number | null;
  certificateNo?: string;
  issuedOn?: string;
  validUntil?: string;
};

function AssessModal({ enrolment, onClose }: { enrolment: EnrolmentView; onClose: () => void }) {
  const { t, label } = useLocale();
  return (
    <FormModal<AssessValues, typeof assessmentInputSchema>
      title={`${t('training.assess')}：${enrolment.personName}`}
      onClose={onClose}
      schema={assessmentInputSchema}
      toInput={(v) => ({
        result: v.result,
        score: numberOrUndefined(v.score) ?? null,
        certificateNo: blankToNull(v.certificateNo),
        issuedOn: blankToNull(v.issuedOn),
        validUntil: blankToNull(v.validUntil),
        version: enrolment.version,
      })}
      submit={(input) => assessEnrolment(enrolment.id, input)}
      fields={['result', 'score', 'certificateNo', 'issuedOn', 'validUntil']}
    >
      <Flex gap={12}>
        <Form.Item name="result" label={t('training.result')} style={{ flex: 1 }}>
          <Select
            options={ASSESSMENT_RESULTS.map((r) => ({
              value: r,
              label: label(ASSESSMENT_RESULT_LABELS[r]),
            }))}
          />
        </Form.Item>
        <Form.Item name="score" label={t('training.score')} style={{ flex: 1 }}>
          <InputNumber min={0} max={100} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="certificateNo" label={t('training.certificateNo')}>
        <Input />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="issuedOn" label={t('training.issuedOn')} style={{ flex: 1 }}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="validUntil" label={t('training.validUntil')} style={{ flex: 1 }}>
          <Input type="date" />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}
