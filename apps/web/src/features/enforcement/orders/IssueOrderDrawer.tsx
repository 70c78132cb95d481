import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  Select,
  Spin,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  issueOrderSchema,
  ORDER_DEFAULT_BASIS,
  ORDER_DEFAULT_REQUIREMENT,
  type FieldError,
  type IssuableRecord,
  type OrderDetail,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { issueOrder, listIssuableRecords, orderKeys } from '../../../api/enforcement-orders-api';
import { queryKeys } from '../../../api/query-keys';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import { HazardLevelTag, HazardStatusTag } from '../../hazards/hazard-labels';
import '../../../i18n/messages-enforcement-orders';

type Values = {
  inspectionRecordId?: number;
  hazardIds?: number[];
  requirements?: Record<string, string>;
  deadline?: Dayjs | null;
  basis?: string;
  note?: string;
};

const FIELDS = ['inspectionRecordId', 'hazardIds', 'deadline', 'basis', 'note'] as const;

/** The hazards of a record that can go on a new order (open and on no open order). */
function orderable(record: IssuableRecord | undefined) {
  return (record?.findings ?? []).filter((f) => f.status !== 'verified' && !f.openOrderNo);
}

/**
 * Issuing a 责令限期整改指令书 from one of the enterprise's signed inspection records: choose
 * the record, the hazards of its findings (each with its requirement), the deadline and basis.
 */
export function IssueOrderDrawer({
  enterpriseId,
  open,
  onClose,
}: {
  enterpriseId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const phone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const recordId = Form.useWatch('inspectionRecordId', form);
  const chosen = Form.useWatch('hazardIds', form) ?? [];

  const records = useQuery({
    queryKey: orderKeys.issuable(enterpriseId),
    queryFn: ({ signal }) => listIssuableRecords(enterpriseId, signal),
    enabled: open,
  });
  const record = records.data?.find((r) => r.id === recordId);

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: Values): Promise<OrderDetail | null> => {
      const selected = new Set(v.hazardIds ?? []);
      const items = (record?.findings ?? [])
        .filter((f) => selected.has(f.hazardId))
        .map((f) => ({
          hazardId: f.hazardId,
          requirement: (v.requirements?.[String(f.hazardId)] ?? '').trim(),
        }));
      const parsed = issueOrderSchema.safeParse({
        inspectionRecordId: v.inspectionRecordId ?? 0,
        deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : '',
        basis: v.basis ?? '',
        items,
        note: v.note?.trim() ? v.note.trim() : null,
      });
      if (!parsed.success) {
        showErrors(
          zodFieldErrors(parsed.error, t('common.invalidField')).map((e) =>
            e.path.startsWith('items') ? { ...e, path: 'hazardIds' } : e,
          ),
        );
        return null;
      }
      return issueOrder(parsed.data);
    },
    onSuccess: async (order) => {
      if (!order) return;
      void message.success(t('orders.issued', { no: order.orderNo }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orderKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.hazardAll }),
      ]);
      onClose();
      void navigate(`/orders/${order.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  const today = dayjs().startOf('day');
  const noRecords = records.isSuccess && records.data.length === 0;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('orders.issueTitle')}
      size={phone ? '100%' : 680}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={mutation.isPending}
            disabled={noRecords || (record !== undefined && !record.mine)}
            onClick={() => form.submit()}
          >
            {t('orders.issueOk')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={records.error} />
      {records.isPending ? (
        <Flex justify="center" style={{ padding: 32 }}>
          <Spin />
        </Flex>
      ) : noRecords ? (
        <Empty description={t('orders.noSignedRecords')} />
      ) : (
        <>
          {formError ? (
            <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
          ) : null}
          <Form<Values>
            form={form}
            name="issue-order"
            layout="vertical"
            initialValues={{
              deadline: today.add(15, 'day'),
              basis: ORDER_DEFAULT_BASIS,
              hazardIds: [],
              requirements: {},
            }}
            onFinish={(v) => {
              setFormError(null);
              mutation.mutate(v);
            }}
            onValuesChange={(changed: Values) => {
              setFormError(null);
              if ('hazardIds' in changed) {
                // A newly ticked hazard starts with the usual requirement.
                const requirements = {
                  ...(form.getFieldValue('requirements') as Values['requirements']),
                };
                for (const id of changed.hazardIds ?? [])
                  requirements[String(id)] ||= ORDER_DEFAULT_REQUIREMENT;
                form.setFieldsValue({ requirements });
              }
              if ('inspectionRecordId' in changed) {
                // A new record: preselect its open hazards, each with the usual requirement.
                const next = records.data?.find((r) => r.id === changed.inspectionRecordId);
                const open = orderable(next);
                form.setFieldsValue({
                  hazardIds: open.map((f) => f.hazardId),
                  requirements: Object.fromEntries(
                    open.map((f) => [String(f.hazardId), ORDER_DEFAULT_REQUIREMENT]),
                  ),
                });
              }
            }}
          >
            <Form.Item
              label={t('orders.chooseRecord')}
              name="inspectionRecordId"
              rules={[
                {
                  required: true,
                  message: t('orders.select', { field: t('orders.chooseRecord') }),
                },
              ]}
            >
              <Select
                options={(records.data ?? []).map((r) => ({
                  value: r.id,
                  label: t('orders.recordOption', {
                    no: r.recordNo,
                    date: dayjs(r.startedAt).format('YYYY-MM-DD'),
                    place: r.place,
                  }),
                }))}
              />
            </Form.Item>
            {record && !record.mine ? (
              <Alert
                type="warning"
                showIcon
                title={t('orders.notMyRecord')}
                style={{ marginBottom: 16 }}
              />
            ) : null}
            {record && record.findings.length === 0 ? (
              <Form.Item label={t('orders.chooseHazards')}>
                <Typography.Text type="secondary">{t('orders.noFindings')}</Typography.Text>
              </Form.Item>
            ) : null}
            {record && record.findings.length > 0 ? (
              <Form.Item label={t('orders.chooseHazards')} name="hazardIds">
                <Checkbox.Group style={{ width: '100%' }}>
                  <Flex vertical gap={12} style={{ width: '100%' }}>
                    {record.findings.map((f) => {
                      const blocked = f.status === 'verified' || f.openOrderNo !== null;
                      return (
                        <Flex key={f.hazardId} vertical gap={6}>
                          <Checkbox value={f.hazardId} disabled={blocked}>
                            <Flex gap={6} wrap align="center">
                              <span>
                                {f.seq}. {f.hazardNumber} {f.title}
                              </span>
                              <HazardLevelTag level={f.level} />
                              <HazardStatusTag status={f.status} />
                              {f.openOrderNo ? (
                                <Tag style={{ marginInlineEnd: 0 }}>
                                  {t('orders.hazardOnOrder', { no: f.openOrderNo })}
                                </Tag>
                              ) : null}
                            </Flex>
                          </Checkbox>
                          {chosen.includes(f.hazardId) ? (
                            <Form.Item name={['requirements', String(f.hazardId)]} noStyle>
                              <Input.TextArea
                                aria-label={`${f.hazardNumber} ${t('orders.requirement')}`}
                                placeholder={t('orders.requirement')}
                                autoSize={{ minRows: 1, maxRows: 5 }}
                                maxLength={1000}
                                style={{ marginInlineStart: 24, width: 'calc(100% - 24px)' }}
                              />
                            </Form.Item>
                          ) : null}
                        </Flex>
                      );
                    })}
                  </Flex>
                </Checkbox.Group>
              </Form.Item>
            ) : null}
            <Form.Item
              label={t('orders.deadline')}
              name="deadline"
              extra={t('orders.deadlineHint')}
              rules={[
                { required: true, message: t('orders.select', { field: t('orders.deadline') }) },
              ]}
              style={{ maxWidth: 260 }}
            >
              <DatePicker
                style={{ width: '100%' }}
                inputReadOnly={phone}
                disabledDate={(d) => d.isBefore(today, 'day')}
              />
            </Form.Item>
            <Form.Item label={t('orders.basis')} name="basis">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} />
            </Form.Item>
            <Form.Item label={t('orders.note')} name="note">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}
