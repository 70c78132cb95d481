import { useState } from 'react';
import { Alert, App as AntApp, DatePicker, Form, Grid, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  liftOnSiteMeasureSchema,
  type FieldError,
  type OnSiteMeasureView,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { liftMeasure, orderKeys } from '../../../api/enforcement-orders-api';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-enforcement-orders';

type Values = { liftedOn?: Dayjs | null; liftNote?: string };
const FIELDS = ['liftedOn', 'liftNote'] as const;

/** Lifting an on-site measure after review (经审查同意): the date and the review note. */
export function LiftMeasureModal({
  measure,
  onClose,
}: {
  measure: OnSiteMeasureView;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const phone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      const parsed = liftOnSiteMeasureSchema.safeParse({
        version: measure.version,
        liftedOn: v.liftedOn ? v.liftedOn.format('YYYY-MM-DD') : '',
        liftNote: v.liftNote ?? '',
      });
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return liftMeasure(measure.id, parsed.data);
    },
    onSuccess: async (done) => {
      if (!done) return;
      void message.success(t('orders.measure.liftDone'));
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
    <Modal
      open
      title={t('orders.measure.liftTitle')}
      onCancel={onClose}
      okText={t('orders.measure.liftOk')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p style={{ marginTop: 0 }}>
        {measure.documentNo} · {measure.subject}
      </p>
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<Values>
        form={form}
        name="lift-measure"
        layout="vertical"
        initialValues={{ liftedOn: today }}
        onFinish={(v) => {
          setFormError(null);
          mutation.mutate(v);
        }}
      >
        <Form.Item
          label={t('orders.measure.liftedOn')}
          name="liftedOn"
          rules={[
            {
              required: true,
              message: t('orders.select', { field: t('orders.measure.liftedOn') }),
            },
          ]}
        >
          <DatePicker
            style={{ width: '100%' }}
            inputReadOnly={phone}
            disabledDate={(d) =>
              d.isAfter(today, 'day') || d.isBefore(dayjs(measure.imposedOn), 'day')
            }
          />
        </Form.Item>
        <Form.Item
          label={t('orders.measure.liftNote')}
          name="liftNote"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('orders.required', { field: t('orders.measure.liftNote') }),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={1000}
            placeholder={t('orders.measure.liftNotePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
