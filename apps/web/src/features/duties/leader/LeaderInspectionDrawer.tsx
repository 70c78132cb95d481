import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  List,
  Radio,
  Select,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  HAZARD_LEVEL_LABELS,
  leaderInspectionInputSchema,
  leaderInspectionUpdateSchema,
  TREATMENT_LABELS,
  type FieldError,
  type HazardLevel,
  type LeaderInspectionView,
  type Treatment,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { getEnterpriseChecklist } from '../../../api/hazards-api';
import {
  leaderDutyKeys,
  recordLeaderInspection,
  signLeaderInspection,
  updateLeaderInspection,
} from '../../../api/leader-duties-api';
import { queryKeys } from '../../../api/query-keys';
import { applyNestedFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { CatalogItemSelect } from '../../hazards/CatalogItemSelect';
import { InspectionStatusTag } from './labels';

type FindingValues = {
  title?: string;
  description?: string;
  place?: string;
  hazardLevel?: HazardLevel | 'none';
  catalogItemCode?: string | null;
  noCatalogReason?: string;
  treatment?: Treatment;
};

type Values = {
  inspectedOn?: Dayjs | null;
  participants?: string;
  places?: string;
  content?: string;
  itemCodes?: string[];
  findings?: FindingValues[];
};

const FIELDS = [
  'inspectedOn',
  'participants',
  'places',
  'content',
  'itemCodes',
  'findings.*.title',
  'findings.*.description',
  'findings.*.place',
  'findings.*.hazardLevel',
  'findings.*.catalogItemCode',
  'findings.*.noCatalogReason',
  'findings.*.treatment',
];

const text = (v: string | undefined) => v?.trim() ?? '';
const orNull = (v: string | undefined | null) => (v?.trim() ? v.trim() : null);

function valuesOf(v: LeaderInspectionView): Values {
  return {
    inspectedOn: dayjs(v.inspectedOn),
    participants: v.participants,
    places: v.places,
    content: v.content,
    itemCodes: v.items.map((i) => i.code),
    findings: v.findings.map((f) => ({
      title: f.title,
      description: f.description,
      place: f.place ?? undefined,
      hazardLevel: f.hazardLevel ?? 'none',
      catalogItemCode: f.catalogItemCode,
      noCatalogReason: f.noCatalogReason ?? undefined,
      treatment: f.treatment,
    })),
  };
}

function payloadOf(v: Values) {
  return {
    inspectedOn: v.inspectedOn ? v.inspectedOn.format('YYYY-MM-DD') : '',
    participants: text(v.participants),
    places: text(v.places),
    content: text(v.content),
    itemCodes: v.itemCodes ?? [],
    findings: (v.findings ?? []).map((f) => ({
      title: text(f.title),
      description: text(f.description),
      place: orNull(f.place),
      hazardLevel: !f.hazardLevel || f.hazardLevel === 'none' ? null : f.hazardLevel,
      catalogItemCode: orNull(f.catalogItemCode),
      noCatalogReason: f.catalogItemCode ? null : orNull(f.noCatalogReason),
      treatment: f.treatment ?? 'deadline',
    })),
  };
}

/** The checked items: several items of the enterprise's checklist. */
function ChecklistItemsSelect({
  enterpriseId,
  value,
  onChange,
  id,
}: {
  enterpriseId: number;
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
}) {
  const { t } = useLocale();
  const checklist = useQuery({
    queryKey: queryKeys.checklist(enterpriseId),
    queryFn: ({ signal }) => getEnterpriseChecklist(enterpriseId, signal),
    staleTime: 5 * 60_000,
  });
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={checklist.isFetching}
      placeholder={t('leaderDuty.form.itemsPlaceholder')}
      showSearch={{
        filterOption: (input, option) =>
          ((option as { search?: string } | undefined)?.search ?? '').includes(
            input.trim().toLowerCase(),
          ),
      }}
      options={(checklist.data?.items ?? []).map((i) => ({
        value: i.code,
        label: `${i.code} ${i.title}`,
        search: `${i.code} ${i.title} ${i.clause}`.toLowerCase(),
      }))}
    />
  );
}

type Props = {
  enterpriseId: number;
  /** The record to show or edit; null to record a new one. */
  inspection: LeaderInspectionView | null;
  open: boolean;
  onClose: () => void;
};

/**
 * A leader inspection: the form to record or edit a draft, or the archived record with the
 * leader's signature. Signing makes it read-only and enters the findings marked as hazards in
 * the ledger.
 */
export function LeaderInspectionDrawer({ enterpriseId, inspection, open, onClose }: Props) {
  const { t, label } = useLocale();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [current, setCurrent] = useState(inspection);
  const [editing, setEditing] = useState(inspection === null);
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const findings = Form.useWatch('findings', form) ?? [];

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyNestedFieldErrors(form, errors, FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: leaderDutyKeys.all });

  const save = useMutation({
    mutationFn: async (v: Values): Promise<LeaderInspectionView | null> => {
      const body = payloadOf(v);
      if (current) {
        const parsed = leaderInspectionUpdateSchema.safeParse({
          ...body,
          version: current.version,
        });
        if (!parsed.success) {
          showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
          return null;
        }
        return updateLeaderInspection(current.id, parsed.data);
      }
      const parsed = leaderInspectionInputSchema.safeParse(body);
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return recordLeaderInspection(enterpriseId, parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('leaderDuty.saved'));
      setCurrent(saved);
      setEditing(false);
      await refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  const sign = useMutation({
    mutationFn: (v: LeaderInspectionView) => signLeaderInspection(v.id, v.version),
    onSuccess: async (signed) => {
      void message.success(t('leaderDuty.signedOk'));
      setCurrent(signed);
      await refresh();
      await queryClient.invalidateQueries({ queryKey: queryKeys.hazardAll });
    },
  });

  const confirmSign = (v: LeaderInspectionView) => {
    const n = v.findings.filter((f) => f.hazardLevel).length;
    void modal.confirm({
      title: t('leaderDuty.signConfirmTitle'),
      content: n > 0 ? t('leaderDuty.signConfirmHazards', { n }) : t('leaderDuty.signConfirm'),
      okText: t('leaderDuty.sign'),
      cancelText: t('common.cancel'),
      onOk: () => sign.mutateAsync(v),
    });
  };

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('leaderDuty.form.required', { field }),
  });
  const today = dayjs().startOf('day');
  const title = editing
    ? current
      ? t('leaderDuty.editTitle')
      : t('leaderDuty.recordTitle')
    : t('leaderDuty.viewTitle');

  const footer = editing ? (
    <Flex justify="flex-end" gap={8}>
      <Button onClick={() => (current ? setEditing(false) : onClose())}>
        {t('common.cancel')}
      </Button>
      <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
        {t('common.save')}
      </Button>
    </Flex>
  ) : current ? (
    <Flex justify="flex-end" gap={8} wrap>
      {current.can.edit ? (
        <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
      ) : null}
      {current.can.sign ? (
        <Button type="primary" loading={sign.isPending} onClick={() => confirmSign(current)}>
          {t('leaderDuty.sign')}
        </Button>
      ) : null}
      <Button onClick={onClose}>{t('leaderDuty.close')}</Button>
    </Flex>
  ) : null;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={screens.md ? 720 : '100%'}
      destroyOnHidden
      footer={footer}
    >
      {sign.error ? (
        <Alert
          type="error"
          showIcon
          title={
            sign.error instanceof ApiError
              ? (sign.error.fields[0]?.message ?? sign.error.message)
              : t('common.unexpectedError')
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {!editing && current ? (
        <InspectionRecord inspection={current} />
      ) : (
        <>
          {formError ? (
            <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
          ) : null}
          <Form<Values>
            form={form}
            name="leaderInspection"
            layout="vertical"
            initialValues={
              current ? valuesOf(current) : { inspectedOn: today, itemCodes: [], findings: [] }
            }
            onFinish={(values) => {
              setFormError(null);
              save.mutate(values);
            }}
            onValuesChange={() => setFormError(null)}
          >
            <Form.Item
              label={t('leaderDuty.inspectedOn')}
              name="inspectedOn"
              rules={[
                {
                  required: true,
                  message: t('leaderDuty.form.required', { field: t('leaderDuty.inspectedOn') }),
                },
              ]}
              style={{ maxWidth: 240 }}
            >
              <DatePicker
                style={{ width: '100%' }}
                inputReadOnly={!screens.md}
                disabledDate={(d) => d.isAfter(today, 'day')}
              />
            </Form.Item>
            <Form.Item
              label={t('leaderDuty.participants')}
              name="participants"
              rules={[required(t('leaderDuty.participants'))]}
              extra={t('leaderDuty.participantsHint')}
            >
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item
              label={t('leaderDuty.places')}
              name="places"
              rules={[required(t('leaderDuty.places'))]}
            >
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item
              label={t('leaderDuty.content')}
              name="content"
              rules={[required(t('leaderDuty.content'))]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount />
            </Form.Item>
            <Form.Item
              label={t('leaderDuty.items')}
              name="itemCodes"
              extra={t('leaderDuty.itemsHint')}
            >
              <ChecklistItemsSelect enterpriseId={enterpriseId} />
            </Form.Item>
            <Typography.Title level={5}>{t('leaderDuty.findings')}</Typography.Title>
            <Form.List name="findings">
              {(fields, { add, remove }) => (
                <Flex vertical gap={12}>
                  {fields.map((field, index) => {
                    const f = findings[index] ?? {};
                    const asHazard = f.hazardLevel === 'general' || f.hazardLevel === 'major';
                    return (
                      <Card
                        key={field.key}
                        size="small"
                        title={t('leaderDuty.findingN', { n: index + 1 })}
                        extra={
                          <Button
                            type="text"
                            danger
                            size="small"
                            icon={<DeleteOutlined />}
                            aria-label={t('leaderDuty.removeFinding')}
                            onClick={() => remove(field.name)}
                          />
                        }
                      >
                        <Form.Item
                          label={t('leaderDuty.findingTitle')}
                          name={[field.name, 'title']}
                          rules={[required(t('leaderDuty.findingTitle'))]}
                        >
                          <Input maxLength={100} />
                        </Form.Item>
                        <Form.Item
                          label={t('leaderDuty.findingDescription')}
                          name={[field.name, 'description']}
                          rules={[required(t('leaderDuty.findingDescription'))]}
                        >
                          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
                        </Form.Item>
                        <Form.Item
                          label={t('leaderDuty.findingPlace')}
                          name={[field.name, 'place']}
                        >
                          <Input maxLength={200} />
                        </Form.Item>
                        <Form.Item
                          label={t('leaderDuty.findingLevel')}
                          name={[field.name, 'hazardLevel']}
                          extra={t('leaderDuty.findingLevelHint')}
                        >
                          <Select
                            options={[
                              { value: 'none', label: t('leaderDuty.notAHazard') },
                              { value: 'general', label: label(HAZARD_LEVEL_LABELS.general) },
                              { value: 'major', label: label(HAZARD_LEVEL_LABELS.major) },
                            ]}
                          />
                        </Form.Item>
                        {asHazard ? (
                          <>
                            <Form.Item
                              label={t('leaderDuty.findingItem')}
                              name={[field.name, 'catalogItemCode']}
                            >
                              <CatalogItemSelect
                                enterpriseId={enterpriseId}
                                placeholder={t('leaderDuty.findingItemPlaceholder')}
                              />
                            </Form.Item>
                            {f.catalogItemCode ? null : (
                              <Form.Item
                                label={t('leaderDuty.noCatalogReason')}
                                name={[field.name, 'noCatalogReason']}
                                rules={[required(t('leaderDuty.noCatalogReason'))]}
                              >
                                <Input maxLength={200} />
                              </Form.Item>
                            )}
                            <Form.Item
                              label={t('leaderDuty.treatment')}
                              name={[field.name, 'treatment']}
                            >
                              <Radio.Group
                                options={(['deadline', 'immediate'] as const).map((v) => ({
                                  value: v,
                                  label: label(TREATMENT_LABELS[v]),
                                }))}
                              />
                            </Form.Item>
                          </>
                        ) : null}
                      </Card>
                    );
                  })}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ hazardLevel: 'none', treatment: 'deadline' })}
                  >
                    {t('leaderDuty.addFinding')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form>
        </>
      )}
    </Drawer>
  );
}

/** The archived record as it reads (the 检查记录 kept for review). */
function InspectionRecord({ inspection: v }: { inspection: LeaderInspectionView }) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  return (
    <Flex vertical gap={16}>
      <Descriptions
        bordered
        size="small"
        column={1}
        layout={screens.sm ? 'horizontal' : 'vertical'}
        items={[
          { key: 'ent', label: t('leaderDuty.enterprise'), children: v.enterpriseName },
          { key: 'date', label: t('leaderDuty.inspectedOn'), children: v.inspectedOn },
          { key: 'who', label: t('leaderDuty.participants'), children: v.participants },
          { key: 'where', label: t('leaderDuty.places'), children: v.places },
          {
            key: 'what',
            label: t('leaderDuty.content'),
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{v.content}</span>,
          },
          {
            key: 'items',
            label: t('leaderDuty.items'),
            children: v.items.length ? (
              <Flex vertical gap={2}>
                {v.items.map((i) => (
                  <span key={i.code}>
                    <Typography.Text strong>{i.code}</Typography.Text> {i.title}
                  </span>
                ))}
              </Flex>
            ) : (
              t('common.none')
            ),
          },
          {
            key: 'status',
            label: t('leaderDuty.status'),
            children: (
              <Flex vertical gap={4} align="flex-start">
                <InspectionStatusTag status={v.status} />
                <Typography.Text type="secondary">
                  {t('leaderDuty.recordedBy', {
                    name: v.recordedByName,
                    at: formatDateTime(v.recordedAt),
                  })}
                </Typography.Text>
                {v.signedAt ? (
                  <Typography.Text>
                    {t('leaderDuty.signedBy', {
                      name: v.signedByName ?? '',
                      at: formatDateTime(v.signedAt),
                    })}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('leaderDuty.findings')}</Typography.Title>
        {v.findings.length === 0 ? (
          <Typography.Text type="secondary">{t('leaderDuty.noFindings')}</Typography.Text>
        ) : (
          <List
            size="small"
            bordered
            dataSource={v.findings}
            renderItem={(f, i) => (
              <List.Item>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong>
                      {i + 1}. {f.title}
                    </Typography.Text>
                    {f.hazardLevel ? (
                      <Tag color={f.hazardLevel === 'major' ? 'red' : 'orange'}>
                        {label(HAZARD_LEVEL_LABELS[f.hazardLevel])}
                      </Tag>
                    ) : (
                      <Tag>{t('leaderDuty.notAHazard')}</Tag>
                    )}
                    {f.hazardId ? (
                      <Link to={`/hazards/${f.hazardId}`}>
                        {t('leaderDuty.hazardLink', {
                          number: f.hazardNumber ?? String(f.hazardId),
                        })}
                      </Link>
                    ) : f.hazardLevel && v.status === 'draft' ? (
                      <Typography.Text type="secondary">
                        {t('leaderDuty.hazardOnSign')}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{f.description}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[
                      f.place,
                      f.catalogItemCode ?? f.noCatalogReason,
                      f.hazardLevel ? label(TREATMENT_LABELS[f.treatment]) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </div>
    </Flex>
  );
}
