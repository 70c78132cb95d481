import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  AutoComplete,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Grid,
  Input,
  Row,
} from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { ErrorCode, type FieldError, type HazardDetail } from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { saveHazardPlan } from '../../api/hazards-api';
import { formatDateTime } from '../../components/format';
import { applyFieldErrors } from '../../components/form-errors';
import { InfoNote } from '../../components/InfoNote';
import { useLocale } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/messages';
import { applyHazardDetail, useOfferReload } from './hazard-cache';
import {
  PLAN_FIELDS,
  planValuesOf,
  toPlanPayload,
  type PlanField,
  type PlanValues,
} from './hazard-form';
import { DeadlineText, formatYuan } from './hazard-labels';

export const PLAN_FIELD_KEYS: Record<PlanField, MessageKey> = {
  responsiblePerson: 'hazards.plan.responsiblePerson',
  measures: 'hazards.plan.measures',
  fundsYuan: 'hazards.plan.funds',
  fundsSource: 'hazards.plan.fundsSource',
  deadline: 'hazards.plan.deadline',
  emergencyMeasures: 'hazards.plan.emergencyMeasures',
};

const FUND_SOURCES = ['安全生产费用', '企业自有资金', '专项整治资金'];

/** The names of the plan items the server says are missing (plan.missing). */
export function missingLabels(missing: readonly string[], t: (k: MessageKey) => string): string[] {
  return missing.map((m) => (m in PLAN_FIELD_KEYS ? t(PLAN_FIELD_KEYS[m as PlanField]) : m));
}

/** Which items are missing, as a warning (major hazards cannot submit the plan without them). */
function MissingItems({ hazard }: { hazard: HazardDetail }) {
  const { t } = useLocale();
  if (hazard.treatment === 'immediate' && hazard.plan.missing.length === PLAN_FIELDS.length) {
    return <InfoNote>{t('hazards.plan.immediate')}</InfoNote>;
  }
  if (hazard.plan.missing.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('hazards.plan.complete')}
        style={{ marginBottom: 16 }}
      />
    );
  }
  return (
    <Alert
      type={hazard.level === 'major' ? 'warning' : 'info'}
      showIcon
      data-testid="plan-missing"
      title={t('hazards.plan.missing', { items: missingLabels(hazard.plan.missing, t).join('、') })}
      description={hazard.level === 'major' ? t('hazards.plan.majorGate') : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}

/** The five-item plan (五落实): a form while the hazard is being registered, else read-only. */
export function HazardPlanSection({
  hazard,
  editable,
}: {
  hazard: HazardDetail;
  editable: boolean;
}) {
  const { t } = useLocale();
  const screens = Grid.useBreakpoint();
  const p = hazard.plan;
  return (
    <>
      <MissingItems hazard={hazard} />
      {editable ? (
        // A new version (saved here or by another action) starts the form from the stored plan.
        <PlanForm key={hazard.version} hazard={hazard} />
      ) : (
        <Descriptions
          column={1}
          layout={screens.sm ? 'horizontal' : 'vertical'}
          size="small"
          bordered
          items={[
            {
              key: 'responsiblePerson',
              label: t('hazards.plan.responsiblePerson'),
              children: p.responsiblePerson ?? '—',
            },
            {
              key: 'measures',
              label: t('hazards.plan.measures'),
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{p.measures ?? '—'}</span>,
            },
            {
              key: 'funds',
              label: t('hazards.plan.funds'),
              children: p.fundsYuan
                ? t('hazards.plan.yuan', { amount: formatYuan(p.fundsYuan) })
                : '—',
            },
            {
              key: 'fundsSource',
              label: t('hazards.plan.fundsSource'),
              children: p.fundsSource ?? '—',
            },
            {
              key: 'deadline',
              label: t('hazards.plan.deadline'),
              children: <DeadlineText deadline={p.deadline} overdue={hazard.overdue} />,
            },
            {
              key: 'emergencyMeasures',
              label: t('hazards.plan.emergencyMeasures'),
              children: (
                <span style={{ whiteSpace: 'pre-wrap' }}>{p.emergencyMeasures ?? '—'}</span>
              ),
            },
            {
              key: 'approvedAt',
              label: t('hazards.plan.approvedAt'),
              children: p.approvedAt ? formatDateTime(p.approvedAt) : t('hazards.plan.notApproved'),
            },
          ]}
        />
      )}
    </>
  );
}

function PlanForm({ hazard }: { hazard: HazardDetail }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const offerReload = useOfferReload(hazard.id);
  const [form] = Form.useForm<PlanValues>();
  const [formError, setFormError] = useState<string | null>(null);

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const unmatched = applyFieldErrors(form, errors, PLAN_FIELDS);
    setFormError(unmatched.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (values: PlanValues): Promise<HazardDetail | null> => {
      const parsed = toPlanPayload(values, hazard.version, t('common.invalidField'));
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return null;
      }
      return saveHazardPlan(hazard.id, parsed.data);
    },
    onSuccess: async (detail) => {
      if (!detail) return;
      void message.success(t('hazards.plan.saved'));
      await applyHazardDetail(queryClient, detail);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setFormError(t('common.unexpectedError'));
        return;
      }
      if (e.code === ErrorCode.StaleVersion) {
        setFormError(e.message);
        offerReload();
        return;
      }
      showErrors(e.fields, e.fields.length ? undefined : e.message);
    },
  });

  const size = screens.md ? undefined : ('large' as const);
  const half = { xs: 24, md: 12 };

  return (
    <>
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<PlanValues>
        form={form}
        name="hazardPlan"
        layout="vertical"
        initialValues={planValuesOf(hazard)}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('hazards.plan.responsiblePerson')} name="responsiblePerson">
              <Input size={size} maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('hazards.plan.deadline')} name="deadline">
              <DatePicker
                size={size}
                style={{ width: '100%' }}
                inputReadOnly={!screens.md}
                disabledDate={(d) => d.isBefore(dayjs(hazard.foundAt), 'day')}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('hazards.plan.measures')} name="measures">
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('hazards.plan.fundsYuan')} name="fundsYuan">
              <Input
                size={size}
                inputMode="decimal"
                suffix={t('hazards.plan.yuanSuffix')}
                maxLength={16}
                placeholder="0.00"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('hazards.plan.fundsSource')} name="fundsSource">
              <AutoComplete
                size={size}
                maxLength={100}
                placeholder={t('hazards.plan.fundsSourcePlaceholder')}
                options={FUND_SOURCES.map((s) => ({ value: s }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('hazards.plan.emergencyMeasures')} name="emergencyMeasures">
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          </Col>
        </Row>
        <Button
          type="primary"
          htmlType="submit"
          size={size}
          block={!screens.md}
          loading={mutation.isPending}
        >
          {t('hazards.plan.save')}
        </Button>
      </Form>
    </>
  );
}
