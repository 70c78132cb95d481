import { useState } from 'react';
import { Alert, App as AntApp, Button, Drawer, Flex, Form, Grid, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ErrorCode,
  ROLE_LABELS,
  ROLES,
  SECTOR_LABELS,
  SECTORS,
  type FieldError,
  type UserView,
} from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { createUser, getUser, updateUser } from '../../api/users-api';
import { useLocale } from '../../i18n/locale-context';
import { applyFieldErrors } from '../../components/form-errors';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import {
  formValuesOf,
  showsCertificate,
  showsEnterprise,
  showsSectors,
  toCreatePayload,
  toUpdatePayload,
  USER_FORM_FIELDS,
  type UserFormValues,
} from './user-form';
import '../../i18n/messages-users';

type Props = {
  open: boolean;
  /** The user being edited; null for a new one. */
  user: UserView | null;
  onClose: () => void;
};

/**
 * Create / edit drawer. Values are checked with the domain's zod schemas before sending, and the
 * server's field errors are shown under the same fields. A stale version (409) offers a reload.
 */
export function UserFormDrawer({ open, user, onClose }: Props) {
  const { t, label } = useLocale();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<UserFormValues>();
  const role = Form.useWatch('role', form);
  const [version, setVersion] = useState(user?.version ?? 1);
  const [enterpriseName, setEnterpriseName] = useState(user?.enterpriseName ?? null);
  const [formError, setFormError] = useState<string | null>(null);
  const isEdit = user !== null;

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const unmatched = applyFieldErrors(form, errors, USER_FORM_FIELDS);
    const text = unmatched.map((e) => e.message).join('；') || fallback || null;
    setFormError(text);
  };

  const reload = async () => {
    if (!user) return;
    try {
      const fresh = await getUser(user.id);
      queryClient.setQueryData(queryKeys.user(user.id), fresh);
      form.resetFields();
      form.setFieldsValue(formValuesOf(fresh));
      setVersion(fresh.version);
      setEnterpriseName(fresh.enterpriseName);
      setFormError(null);
    } catch (e) {
      setFormError(e instanceof ApiError ? e.message : t('common.unexpectedError'));
    }
  };

  const mutation = useMutation({
    mutationFn: async (values: UserFormValues): Promise<UserView | null> => {
      const invalid = t('common.invalidField');
      if (isEdit) {
        const parsed = toUpdatePayload(values, version, invalid);
        if (!parsed.ok) {
          showErrors(parsed.errors);
          return null;
        }
        return updateUser(user.id, parsed.data);
      }
      const parsed = toCreatePayload(values, invalid);
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return null;
      }
      return createUser(parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(isEdit ? t('common.saved') : t('users.created'));
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      onClose();
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setFormError(t('common.unexpectedError'));
        return;
      }
      if (e.code === ErrorCode.StaleVersion) {
        setFormError(e.message);
        modal.confirm({
          title: t('common.staleTitle'),
          content: t('common.staleContent'),
          okText: t('common.reload'),
          cancelText: t('common.cancel'),
          onOk: reload,
        });
        return;
      }
      showErrors(e.fields, e.message);
    },
  });

  const required = (key: Parameters<typeof t>[0]) => ({
    required: true,
    message: t('users.required', { field: t(key) }),
  });
  const requiredSelect = (key: Parameters<typeof t>[0]) => ({
    required: true,
    message: t('users.selectRequired', { field: t(key) }),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={isEdit ? t('users.editTitle') : t('users.createTitle')}
      size={screens.md ? 520 : '100%'}
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
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<UserFormValues>
        form={form}
        name="user"
        layout="vertical"
        initialValues={user ? formValuesOf(user) : { sectors: [], enterpriseId: null }}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <Form.Item
          label={t('users.username')}
          name="username"
          rules={isEdit ? [] : [required('users.username')]}
        >
          <Input autoComplete="off" disabled={isEdit} maxLength={32} />
        </Form.Item>
        {isEdit ? null : (
          <Form.Item
            label={t('users.initialPassword')}
            name="password"
            rules={[required('users.initialPassword')]}
            extra={t('users.passwordHint')}
          >
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
        )}
        <Form.Item
          label={t('users.displayName')}
          name="displayName"
          rules={[required('users.displayName')]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label={t('users.role')} name="role" rules={[requiredSelect('users.role')]}>
          <Select options={ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))} />
        </Form.Item>
        <Form.Item
          label={t('users.orgUnit')}
          name="orgUnitId"
          rules={[requiredSelect('users.orgUnit')]}
        >
          <OrgUnitTreeSelect />
        </Form.Item>
        {showsSectors(role) ? (
          <Form.Item
            label={t('users.sectors')}
            name="sectors"
            rules={[requiredSelect('users.sectors')]}
          >
            <Select
              mode="multiple"
              options={SECTORS.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
            />
          </Form.Item>
        ) : null}
        {showsEnterprise(role) ? (
          <Form.Item
            label={t('users.enterprise')}
            name="enterpriseId"
            rules={[requiredSelect('users.enterprise')]}
          >
            <EnterpriseSelect
              initialLabel={enterpriseName}
              placeholder={t('users.enterpriseSearch')}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('users.phone')} name="phone">
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        {showsCertificate(role) ? (
          <Form.Item label={t('users.certificateNo')} name="certificateNo">
            <Input maxLength={40} />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}
