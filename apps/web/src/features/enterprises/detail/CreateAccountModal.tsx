import { useState } from 'react';
import { Alert, App as AntApp, Form, Input, Modal, Radio } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createEnterpriseAccountSchema, ROLE_LABELS, type FieldError } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { createAccount } from '../../../api/enterprises-api';
import { queryKeys } from '../../../api/query-keys';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-users';
import '../../../i18n/messages-enterprise';

type Values = {
  username?: string;
  displayName?: string;
  role?: 'ent_leader' | 'ent_safety';
  password?: string;
  phone?: string;
};

const FIELDS = ['username', 'displayName', 'role', 'password', 'phone'] as const;
const ROLES = ['ent_leader', 'ent_safety'] as const;

/** Creates the account of the enterprise's main leader or a safety manager (office only). */
export function CreateAccountModal({
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
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const unmatched = applyFieldErrors(form, errors, FIELDS);
    setFormError(unmatched.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      const parsed = createEnterpriseAccountSchema.safeParse({
        username: v.username?.trim() ?? '',
        displayName: v.displayName?.trim() ?? '',
        role: v.role,
        password: v.password ?? '',
        phone: v.phone?.trim() ? v.phone.trim() : null,
      });
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return createAccount(enterpriseId, parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('accounts.created'));
      await queryClient.invalidateQueries({ queryKey: queryKeys.enterpriseAccounts(enterpriseId) });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  const required = (field: string) => ({
    required: true,
    message: t('enterprises.required', { field }),
  });

  return (
    <Modal
      open={open}
      title={t('accounts.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <InfoNote>{t('accounts.hint')}</InfoNote>
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        name="enterpriseAccount"
        layout="vertical"
        initialValues={{ role: 'ent_safety' }}
        onFinish={(v) => {
          setFormError(null);
          mutation.mutate(v);
        }}
        onValuesChange={() => setFormError(null)}
        preserve={false}
      >
        <Form.Item label={t('accounts.role')} name="role" rules={[required(t('accounts.role'))]}>
          <Radio.Group options={ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))} />
        </Form.Item>
        <Form.Item
          label={t('accounts.username')}
          name="username"
          rules={[required(t('accounts.username'))]}
        >
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item
          label={t('accounts.displayName')}
          name="displayName"
          rules={[required(t('accounts.displayName'))]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label={t('accounts.password')}
          name="password"
          rules={[required(t('accounts.password'))]}
          extra={t('users.passwordHint')}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item label={t('accounts.phone')} name="phone">
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
