import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changePasswordSchema } from '@hazard-ledger/domain';
import { changePassword } from '../../api/auth-api';
import { ApiError } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useLocale } from '../../i18n/locale-context';
import { applyFieldErrors, zodFieldErrors } from '../../components/form-errors';
import '../../i18n/messages-users';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };
const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/** Change my password (POST /auth/password); WEAK_PASSWORD and PASSWORD_MISMATCH land on their field. */
export function ChangePasswordForm() {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      void message.success(t('account.passwordChanged'));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setError(t('common.unexpectedError'));
        return;
      }
      if (e.code === 'PASSWORD_MISMATCH' && e.fields.length === 0) {
        form.setFields([{ name: 'currentPassword', errors: [e.message] }]);
        return;
      }
      if (e.code === 'WEAK_PASSWORD' && e.fields.length === 0) {
        form.setFields([{ name: 'newPassword', errors: [e.message] }]);
        return;
      }
      const rest = applyFieldErrors(form, e.fields, FIELDS);
      setError(rest.length > 0 || e.fields.length === 0 ? e.message : null);
    },
  });

  const onFinish = (v: Values) => {
    setError(null);
    const body = { currentPassword: v.currentPassword, newPassword: v.newPassword };
    const r = changePasswordSchema.safeParse(body);
    if (!r.success) {
      applyFieldErrors(form, zodFieldErrors(r.error, t('common.invalidField')), FIELDS);
      return;
    }
    mutation.mutate(r.data);
  };

  return (
    <Form<Values>
      form={form}
      name="changePassword"
      layout="vertical"
      onFinish={onFinish}
      style={{ maxWidth: 420 }}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        label={t('account.currentPassword')}
        name="currentPassword"
        rules={[
          { required: true, message: t('users.required', { field: t('account.currentPassword') }) },
        ]}
      >
        <Input.Password autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        label={t('account.newPassword')}
        name="newPassword"
        extra={t('users.passwordHint')}
        rules={[
          { required: true, message: t('users.required', { field: t('account.newPassword') }) },
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        label={t('account.confirmPassword')}
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('users.required', { field: t('account.confirmPassword') }) },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('account.passwordsDiffer'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('account.submitPassword')}
      </Button>
    </Form>
  );
}
