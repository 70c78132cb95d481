import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Drawer,
  Flex,
  Form,
  Grid,
  Select,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  assignTargetsSchema,
  crossAreaAllows,
  SECTOR_LABELS,
  type FieldError,
  type PlanCandidates,
  type PlanDetail,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { assignTargets, getCandidates, planKeys } from '../../../api/inspection-plans-api';
import { applyNestedFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { useLocale } from '../../../i18n/locale-context';
import { usePlanUpdates } from './plan-cache';
import '../../../i18n/messages-enforcement-plans';

type Candidate = PlanCandidates['enterprises'][number];
type Row = { enterpriseId?: number; inspectorIds?: number[] };
type Values = { targets: Row[] };

const KNOWN = ['targets', 'targets.*.enterpriseId', 'targets.*.inspectorIds'] as const;

/** Picks an enterprise among the plan's candidates, searching by name on the server. */
function CandidateSelect({
  planId,
  value,
  onChange,
  remember,
  known,
}: {
  planId: number;
  value?: number;
  onChange?: (v: number | undefined) => void;
  remember: (items: Candidate[]) => void;
  known: Map<number, Candidate>;
}) {
  const { t, label } = useLocale();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);
  const { data, isFetching } = useQuery({
    queryKey: planKeys.candidates(planId, q),
    queryFn: ({ signal }) => getCandidates(planId, q, signal),
    staleTime: 60_000,
  });
  useEffect(() => {
    if (data) remember(data.enterprises);
  }, [data, remember]);
  const options = (data?.enterprises ?? []).map((e) => ({
    value: e.id,
    label: `${e.name}（${label(SECTOR_LABELS[e.sector])} · ${e.districtName}）`,
  }));
  const current = value !== undefined ? known.get(value) : undefined;
  if (current && !options.some((o) => o.value === current.id)) {
    options.unshift({ value: current.id, label: current.name });
  }
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setInput }}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={isFetching}
      placeholder={t('plans.searchEnterprise')}
      aria-label={t('plans.enterprise')}
    />
  );
}

/**
 * Fixing the targets of a hand-picked plan (重点检查, 帮扶, 投诉举报, 联合检查): each enterprise
 * with its certified inspectors. For a cross-area plan the inspectors of the enterprise's own
 * district are not offered (the same rule the server checks).
 */
export function AssignTargetsDrawer({
  plan,
  open,
  onClose,
}: {
  plan: PlanDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const { apply, fail } = usePlanUpdates(plan.id);
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const known = useRef(new Map<number, Candidate>()).current;
  const [, setKnownSize] = useState(0);
  const remember = useRef((items: Candidate[]) => {
    let added = false;
    for (const e of items) {
      if (!known.has(e.id)) {
        known.set(e.id, e);
        added = true;
      }
    }
    if (added) setKnownSize(known.size);
  }).current;
  const rows = Form.useWatch('targets', form) ?? [];

  const candidates = useQuery({
    queryKey: planKeys.candidates(plan.id, ''),
    queryFn: ({ signal }) => getCandidates(plan.id, '', signal),
    staleTime: 60_000,
  });
  const inspectors = candidates.data?.inspectors ?? [];

  const inspectorOptions = (enterpriseId: number | undefined) => {
    const enterprise = enterpriseId !== undefined ? known.get(enterpriseId) : undefined;
    return inspectors
      .filter(
        (i) =>
          !plan.crossArea ||
          !enterprise ||
          crossAreaAllows({ districtId: enterprise.districtId }, i),
      )
      .map((i) => ({
        value: i.userId,
        label: `${i.name}（${i.certificateNo} · ${i.orgUnitName}）`,
      }));
  };

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyNestedFieldErrors(form, errors, KNOWN);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      const parsed = assignTargetsSchema.safeParse({
        version: plan.version,
        targets: (v.targets ?? []).map((r) => ({
          enterpriseId: r.enterpriseId ?? 0,
          inspectorIds: r.inspectorIds ?? [],
        })),
      });
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return assignTargets(plan.id, parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      await apply(saved);
      void message.success(t('plans.assigned'));
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length > 0) showErrors(e.fields, e.message);
      else fail(e);
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('plans.assignTitle')}
      size={screens.md ? 640 : '100%'}
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
      <Typography.Paragraph type="secondary">
        {t('plans.assignHint', {
          n: plan.inspectorsPerTarget,
          cross: plan.crossArea ? t('plans.assignCrossHint') : '',
        })}
      </Typography.Paragraph>
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        name="plan-targets"
        layout="vertical"
        initialValues={{ targets: [{}] }}
        onFinish={(v) => {
          setFormError(null);
          mutation.mutate(v);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`${t('plans.seq')} ${index + 1}`}
                  extra={
                    fields.length > 1 ? (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                      >
                        {t('plans.removeTarget')}
                      </Button>
                    ) : null
                  }
                >
                  <Form.Item label={t('plans.enterprise')} name={[field.name, 'enterpriseId']}>
                    <CandidateSelect planId={plan.id} remember={remember} known={known} />
                  </Form.Item>
                  <Form.Item
                    label={t('plans.inspectors')}
                    name={[field.name, 'inspectorIds']}
                    style={{ marginBottom: 0 }}
                  >
                    <Select
                      mode="multiple"
                      aria-label={t('plans.inspectors')}
                      loading={candidates.isFetching}
                      options={inspectorOptions(rows[index]?.enterpriseId)}
                      optionFilterProp="label"
                    />
                  </Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} block>
                {t('plans.addTarget')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
