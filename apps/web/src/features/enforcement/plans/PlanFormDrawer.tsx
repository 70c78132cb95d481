import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Select,
  Switch,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  createPlanSchema,
  ErrorCode,
  PLAN_KIND_LABELS,
  PLAN_KIND_SELECTION,
  PLAN_KINDS,
  SECTOR_LABELS,
  SECTORS,
  updatePlanSchema,
  type FieldError,
  type PlanDetail,
  type PlanKind,
  type Sector,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { createPlan, planKeys, updatePlan } from '../../../api/inspection-plans-api';
import { useSession } from '../../../auth/session-context';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-enforcement-plans';

type Values = {
  name?: string;
  kind?: PlanKind;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  sectors?: Sector[];
  departments?: string[];
  enterpriseCount?: number | null;
  inspectorsPerTarget?: number | null;
  unannounced?: boolean;
  crossArea?: boolean;
  note?: string;
};

const FIELDS = [
  'name',
  'kind',
  'startDate',
  'endDate',
  'sectors',
  'departments',
  'enterpriseCount',
  'inspectorsPerTarget',
  'unannounced',
  'crossArea',
  'note',
] as const;

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

function initialValues(plan: PlanDetail | undefined): Values {
  if (!plan) {
    const today = dayjs();
    return {
      kind: 'random',
      startDate: today,
      endDate: today.endOf('month'),
      sectors: [],
      departments: [],
      inspectorsPerTarget: 2,
      unannounced: false,
      crossArea: false,
    };
  }
  return {
    name: plan.name,
    kind: plan.kind,
    startDate: dayjs(plan.startDate),
    endDate: dayjs(plan.endDate),
    sectors: plan.sectors,
    departments: plan.departments,
    enterpriseCount: plan.enterpriseCount,
    inspectorsPerTarget: plan.inspectorsPerTarget,
    unannounced: plan.unannounced,
    crossArea: plan.crossArea,
    note: plan.note ?? undefined,
  };
}

/**
 * Making or editing a draft plan: kind, period, sectors, how many enterprises the draw picks,
 * 四不两直 and cross-area flags. Checked with the domain schema before sending.
 */
export function PlanFormDrawer({
  open,
  onClose,
  plan,
}: {
  open: boolean;
  onClose: () => void;
  /** The plan to edit; a new plan when absent. */
  plan?: PlanDetail;
}) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? plan?.kind ?? 'random';
  const drawn = PLAN_KIND_SELECTION[kind] !== 'manual';

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: Values): Promise<PlanDetail | null> => {
      const body = {
        name: v.name?.trim() ?? '',
        kind: v.kind,
        startDate: iso(v.startDate),
        endDate: iso(v.endDate),
        sectors: v.sectors ?? [],
        departments: v.kind === 'joint' ? (v.departments ?? []).map((d) => d.trim()) : [],
        unannounced: Boolean(v.unannounced),
        crossArea: Boolean(v.crossArea),
        enterpriseCount:
          v.kind && PLAN_KIND_SELECTION[v.kind] !== 'manual' ? (v.enterpriseCount ?? null) : null,
        inspectorsPerTarget: v.inspectorsPerTarget ?? 2,
        note: v.note?.trim() ? v.note.trim() : null,
      };
      if (plan) {
        const parsed = updatePlanSchema.safeParse({ ...body, version: plan.version });
        if (!parsed.success) {
          showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
          return null;
        }
        return updatePlan(plan.id, parsed.data);
      }
      const parsed = createPlanSchema.safeParse(body);
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return createPlan(parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t(plan ? 'plans.saved' : 'plans.created'));
      queryClient.setQueryData(planKeys.one(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: [...planKeys.all, 'list'] });
      onClose();
      if (!plan) void navigate(`/inspection-plans/${saved.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        if (e.code === ErrorCode.StaleVersion) setFormError(t('common.staleContent'));
        else showErrors(e.fields, e.message);
      } else setFormError(t('common.unexpectedError'));
    },
  });

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('plans.required', { field }),
  });
  const select = (field: string) => ({ required: true, message: t('plans.select', { field }) });
  const sectorChoices = me?.sectors && me.sectors.length > 0 ? me.sectors : SECTORS;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t(plan ? 'plans.editTitle' : 'plans.createTitle')}
      size={screens.md ? 600 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        name="inspection-plan"
        layout="vertical"
        initialValues={initialValues(plan)}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <Form.Item label={t('plans.name')} name="name" rules={[required(t('plans.name'))]}>
          <Input maxLength={100} showCount placeholder={t('plans.namePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('plans.kind')} name="kind" rules={[select(t('plans.kind'))]}>
          <Select
            options={PLAN_KINDS.map((k) => ({ value: k, label: label(PLAN_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            label={t('plans.startDate')}
            name="startDate"
            rules={[select(t('plans.startDate'))]}
            style={{ flex: 1, minWidth: 150 }}
          >
            <DatePicker style={{ width: '100%' }} inputReadOnly={!screens.md} />
          </Form.Item>
          <Form.Item
            label={t('plans.endDate')}
            name="endDate"
            rules={[select(t('plans.endDate'))]}
            style={{ flex: 1, minWidth: 150 }}
          >
            <DatePicker style={{ width: '100%' }} inputReadOnly={!screens.md} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('plans.sectors')} name="sectors" rules={[select(t('plans.sectors'))]}>
          <Select
            mode="multiple"
            options={sectorChoices.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
          />
        </Form.Item>
        {kind === 'joint' ? (
          <Form.Item
            label={t('plans.departments')}
            name="departments"
            extra={t('plans.departmentsHint')}
          >
            <Select mode="tags" open={false} suffixIcon={null} />
          </Form.Item>
        ) : null}
        <Flex gap={12} wrap>
          {drawn ? (
            <Form.Item
              label={t('plans.enterpriseCount')}
              name="enterpriseCount"
              extra={t('plans.enterpriseCountHint')}
              style={{ flex: 1, minWidth: 180 }}
            >
              <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          <Form.Item
            label={t('plans.inspectorsPerTarget')}
            name="inspectorsPerTarget"
            style={{ flex: 1, minWidth: 180 }}
          >
            <InputNumber min={2} max={5} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item
          label={t('plans.unannounced')}
          name="unannounced"
          valuePropName="checked"
          extra={t('plans.unannouncedHint')}
        >
          <Switch />
        </Form.Item>
        <Form.Item
          label={t('plans.crossArea')}
          name="crossArea"
          valuePropName="checked"
          extra={t('plans.crossAreaHint')}
        >
          <Switch />
        </Form.Item>
        <Form.Item label={t('plans.note')} name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
