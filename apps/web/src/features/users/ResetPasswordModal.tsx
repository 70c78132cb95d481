import { useState } from 'react';
import { Alert, App as AntApp, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { passwordSchema, type UserView } from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { resetUserPassword } from '../../api/users-api';
import { useLocale } from '../../i18n/locale-context';
import { applyFieldErrors, zodFieldErrors } from '../../components/form-errors';
import '../../i18n/messages-users';

type Values = { password: string };

/** Sets a new password for another user (POST /users/:id/reset-password). */
export function ResetPasswordModal({
  user,
  onClose,
}: {
  user: UserView | null;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) =>
      resetUserPassword(id, password),
    onSuccess: () => {
      void message.success(t('users.passwordReset'));
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        const rest = applyFieldErrors(form, e.fields, ['password']);
        setError(rest.length > 0 || e.fields.length === 0 ? e.message : null);
      } else {
        setError(t('common.unexpectedError'));
      }
    },
  });

  const onFinish = ({ password }: Values) => {
    if (!user) return;
    const r = passwordSchema.safeParse(password);
    if (!r.success) {
      applyFieldErrors(
        form,
        zodFieldErrors(r.error, t('common.invalidField')).map((e) => ({ ...e, path: 'password' })),
        ['password'],
      );
      return;
    }
    setError(null);
    mutation.mutate({ id: user.id, password });
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetPasswordTitle', { name: user.displayName }) : ''}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        name="resetPassword"
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
      >
        <Form.Item
          label={t('users.newPassword')}
          name="password"
          rules={[
            { required: true, message: t('users.required', { field: t('users.newPassword') }) },
          ]}
          extra={t('users.passwordHint')}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
