import { useState, type ReactNode } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { ApiError } from '../../api/client';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-campaign';

type Props = {
  open: boolean;
  title: string;
  /** Shown above the text box (what will happen). */
  description?: ReactNode;
  /** Label of the text box. */
  fieldLabel: string;
  /** A reason is required (at least 2 characters); else the text is an optional note. */
  required?: boolean;
  maxLength?: number;
  okText: string;
  danger?: boolean;
  onSubmit: (text: string | null) => Promise<unknown>;
  onClose: () => void;
};

/**
 * A confirmation with a reason or note (void, discard, publish). The server's message, such as
 * the Chinese reason of a 409, is shown inside the dialog; the dialog stays open. Mount it only
 * while it is wanted (`{x ? <ReasonModal open … /> : null}`), so each opening starts empty.
 */
export function ReasonModal({
  open,
  title,
  description,
  fieldLabel,
  required = false,
  maxLength = 200,
  okText,
  danger,
  onSubmit,
  onClose,
}: Props) {
  const { t } = useLocale();
  const [form] = Form.useForm<{ text?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ text }: { text?: string }) => {
    setError(null);
    setBusy(true);
    try {
      await onSubmit(text?.trim() ? text.trim() : null);
      onClose();
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.fields[0]?.message ?? e.message);
      } else {
        setError(t('common.unexpectedError'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      {description ? <div style={{ marginBottom: 16 }}>{description}</div> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          label={fieldLabel}
          name="text"
          rules={
            required
              ? [
                  { required: true, whitespace: true, message: t('campaignUi.reasonRequired') },
                  { min: 2, message: t('campaignUi.reasonRequired') },
                ]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={maxLength} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
