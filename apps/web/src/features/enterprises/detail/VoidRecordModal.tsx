import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { voidSchema } from '@hazard-ledger/domain';
import { errorMessage } from '../../../components/ErrorAlert';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { ApiError } from '../../../api/client';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-enterprise';

type Values = { reason?: string };

/**
 * Asks for the reason before voiding a record (records are never deleted). `onVoid` does the
 * call; its field errors land under the reason, other errors above the form.
 */
export function VoidRecordModal({
  open,
  title,
  version,
  onVoid,
  onClose,
}: {
  open: boolean;
  title: string;
  version: number;
  onVoid: (body: { reason: string; version: number }) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onFinish = async (values: Values) => {
    const parsed = voidSchema.safeParse({ reason: values.reason ?? '', version });
    if (!parsed.success) {
      applyFieldErrors(form, zodFieldErrors(parsed.error, t('common.invalidField')), ['reason']);
      return;
    }
    setError(null);
    setPending(true);
    try {
      await onVoid(parsed.data);
      onClose();
    } catch (e) {
      const rest = e instanceof ApiError ? applyFieldErrors(form, e.fields, ['reason']) : [];
      if (!(e instanceof ApiError) || rest.length > 0 || e.fields.length === 0) {
        setError(errorMessage(e, t('common.unexpectedError')));
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('void.confirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('void.hint')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} name="void" layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item
          label={t('void.reason')}
          name="reason"
          rules={[
            { required: true, message: t('enterprises.required', { field: t('void.reason') }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
