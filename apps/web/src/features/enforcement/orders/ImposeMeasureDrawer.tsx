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
  Radio,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ON_SITE_MEASURE_BASIS,
  ON_SITE_MEASURE_KINDS,
  ON_SITE_MEASURE_LABELS,
  onSiteMeasureSchema,
  type FieldError,
  type OnSiteMeasureKind,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { imposeMeasure, listIssuableRecords, orderKeys } from '../../../api/enforcement-orders-api';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-enforcement-orders';

type Values = {
  kind?: OnSiteMeasureKind;
  subject?: string;
  imposedOn?: Dayjs | null;
  basis?: string;
  documentNo?: string;
  inspectionRecordId?: number | null;
  hazardId?: number | null;
};

const FIELDS = [
  'kind',
  'subject',
  'imposedOn',
  'basis',
  'documentNo',
  'inspectionRecordId',
  'hazardId',
] as const;

/**
 * Imposing an on-site measure (安全生产法第六十五条): evacuate, suspend operations or stop using
 * equipment, with the area or equipment, the date and basis, linked to the inspection record of
 * the visit and the major hazard concerned.
 */
export function ImposeMeasureDrawer({
  enterpriseId,
  open,
  onClose,
}: {
  enterpriseId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const phone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const recordId = Form.useWatch('inspectionRecordId', form);

  const records = useQuery({
    queryKey: orderKeys.issuable(enterpriseId),
    queryFn: ({ signal }) => listIssuableRecords(enterpriseId, signal),
    enabled: open,
  });
  // Major hazards still open, of the chosen record or else of every signed record.
  const hazards = (records.data ?? [])
    .filter((r) => !recordId || r.id === recordId)
    .flatMap((r) => r.findings)
    .filter((f) => f.level === 'major' && f.status !== 'verified')
    .filter((f, i, all) => all.findIndex((g) => g.hazardId === f.hazardId) === i);

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      const parsed = onSiteMeasureSchema.safeParse({
        kind: v.kind,
        enterpriseId,
        inspectionRecordId: v.inspectionRecordId ?? null,
        hazardId: v.hazardId ?? null,
        subject: v.subject ?? '',
        basis: v.basis?.trim() || ON_SITE_MEASURE_BASIS,
        documentNo: v.documentNo?.trim() ? v.documentNo.trim() : null,
        imposedOn: v.imposedOn ? v.imposedOn.format('YYYY-MM-DD') : '',
      });
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return imposeMeasure(parsed.data);
    },
    onSuccess: async (m) => {
      if (!m) return;
      void message.success(t('orders.measure.imposed', { no: m.documentNo }));
      await queryClient.invalidateQueries({ queryKey: orderKeys.measures });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  const today = dayjs().startOf('day');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('orders.measure.imposeTitle')}
      size={phone ? '100%' : 600}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" danger loading={mutation.isPending} onClick={() => form.submit()}>
            {t('orders.measure.imposeOk')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('orders.measure.lawHint')}
      </Typography.Paragraph>
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        name="impose-measure"
        layout="vertical"
        initialValues={{ kind: 'stop_use', imposedOn: today, basis: ON_SITE_MEASURE_BASIS }}
        onFinish={(v) => {
          setFormError(null);
          mutation.mutate(v);
        }}
        onValuesChange={(changed: Values) => {
          setFormError(null);
          if ('inspectionRecordId' in changed) form.setFieldsValue({ hazardId: null });
        }}
      >
        <Form.Item
          label={t('orders.measure.kind')}
          name="kind"
          rules={[
            { required: true, message: t('orders.select', { field: t('orders.measure.kind') }) },
          ]}
        >
          <Radio.Group>
            <Flex vertical gap={8}>
              {ON_SITE_MEASURE_KINDS.map((k) => (
                <Radio key={k} value={k}>
                  {label(ON_SITE_MEASURE_LABELS[k])}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label={t('orders.measure.subject')}
          name="subject"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('orders.required', { field: t('orders.measure.subject') }),
            },
          ]}
        >
          <Input maxLength={200} placeholder={t('orders.measure.subjectPlaceholder')} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            label={t('orders.measure.imposedOn')}
            name="imposedOn"
            rules={[
              {
                required: true,
                message: t('orders.select', { field: t('orders.measure.imposedOn') }),
              },
            ]}
            style={{ flex: 1, minWidth: 160 }}
          >
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly={phone}
              disabledDate={(d) => d.isAfter(today, 'day')}
            />
          </Form.Item>
          <Form.Item
            label={t('orders.measure.documentNo')}
            name="documentNo"
            extra={t('orders.measure.documentNoHint')}
            style={{ flex: 1, minWidth: 180 }}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('orders.measure.basis')} name="basis">
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label={t('orders.measure.record')} name="inspectionRecordId">
          <Select
            allowClear
            loading={records.isPending}
            placeholder={t('orders.measure.none')}
            options={(records.data ?? []).map((r) => ({
              value: r.id,
              label: `${r.recordNo}（${dayjs(r.startedAt).format('YYYY-MM-DD')}）`,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('orders.measure.hazard')} name="hazardId">
          <Select
            allowClear
            placeholder={t('orders.measure.none')}
            options={hazards.map((h) => ({
              value: h.hazardId,
              label: `${h.hazardNumber} ${h.title}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
