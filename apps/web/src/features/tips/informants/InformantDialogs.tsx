import { useState, type ReactNode } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createInformantAccountSchema,
  informantReportSchema,
  type FieldError,
  type InformantView,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import {
  createInformantAccount,
  informantKeys,
  readInformantIdentity,
  reportOnBehalf,
} from '../../../api/informants-api';
import { EnterpriseSelect } from '../../../components/EnterpriseSelect';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-tips-informants';

// The smaller dialogs of the informant registry: the audited identity view, creating a login,
// and entering a report on an informant's behalf.

/** Shows an informant's full name and phone; opening it writes an audit row. */
export function IdentityModal({
  informant,
  onClose,
}: {
  informant: InformantView;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const identity = useQuery({
    queryKey: ['informant-identity', informant.id],
    queryFn: () => readInformantIdentity(informant.id),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  return (
    <Modal
      open
      title={t('inf.identityTitle', { code: informant.code })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.confirm')}</Button>}
    >
      {identity.error ? (
        <Alert
          type="error"
          showIcon
          title={
            identity.error instanceof ApiError
              ? identity.error.message
              : t('common.unexpectedError')
          }
        />
      ) : (
        <>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('inf.name')}>
              {identity.data?.name ?? '…'}
            </Descriptions.Item>
            <Descriptions.Item label={t('inf.phone')}>
              {identity.data ? (
                <Typography.Link href={`tel:${identity.data.phone}`}>
                  {identity.data.phone}
                </Typography.Link>
              ) : (
                '…'
              )}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{t('inf.identityAudited')}</Typography.Text>
        </>
      )}
    </Modal>
  );
}

type AccountValues = { username?: string; password?: string };

/** Creates the login of an informant (username and initial password). */
export function AccountModal({
  informant,
  onClose,
}: {
  informant: InformantView;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AccountValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, ['username', 'password']);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };
  const mutation = useMutation({
    mutationFn: async (v: AccountValues) => {
      const parsed = createInformantAccountSchema.safeParse({
        username: v.username?.trim() ?? '',
        password: v.password ?? '',
        version: informant.version,
      });
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return createInformantAccount(informant.id, parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('inf.accountCreated', { username: saved.account?.username ?? '' }));
      await queryClient.invalidateQueries({ queryKey: informantKeys.informants });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });
  return (
    <Modal
      open
      title={t('inf.accountTitle', { code: informant.code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('inf.createAccount')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <InfoNote>{t('inf.accountHint')}</InfoNote>
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<AccountValues>
        form={form}
        name="informant-account"
        layout="vertical"
        onFinish={(v) => {
          setFormError(null);
          mutation.mutate(v);
        }}
      >
        <Form.Item
          label={t('inf.username')}
          name="username"
          rules={[{ required: true, message: t('inf.required', { field: t('inf.username') }) }]}
        >
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item
          label={t('inf.password')}
          name="password"
          rules={[{ required: true, message: t('inf.required', { field: t('inf.password') }) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ReportValues = {
  enterpriseId?: number | null;
  subject?: string;
  place?: string;
  description?: string;
};

const REPORT_FIELDS = ['enterpriseId', 'subject', 'place', 'description'] as const;

/** The fields of a report, shared by the informant's own form and the staff entry. */
export function ReportFields({ enterpriseInput }: { enterpriseInput: ReactNode }) {
  const { t } = useLocale();
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('inf.required', { field }),
  });
  return (
    <>
      <Form.Item
        label={t('inf.report.enterprise')}
        name="enterpriseId"
        rules={[
          { required: true, message: t('inf.select', { field: t('inf.report.enterprise') }) },
        ]}
        extra={t('inf.report.enterpriseHint')}
      >
        {enterpriseInput}
      </Form.Item>
      <Form.Item
        label={t('inf.report.subject')}
        name="subject"
        rules={[required(t('inf.report.subject'))]}
      >
        <Input maxLength={100} showCount placeholder={t('inf.report.subjectPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('inf.report.place')} name="place">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label={t('inf.report.description')}
        name="description"
        rules={[required(t('inf.report.description'))]}
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 12 }}
          maxLength={4000}
          showCount
          placeholder={t('inf.report.descriptionPlaceholder')}
        />
      </Form.Item>
    </>
  );
}

/** Parses report form values with the shared schema; null with field errors shown otherwise. */
export function parseReport(
  v: ReportValues,
  onErrors: (errors: FieldError[]) => void,
  fallback: string,
) {
  const parsed = informantReportSchema.safeParse({
    enterpriseId: v.enterpriseId ?? undefined,
    subject: v.subject?.trim() ?? '',
    place: v.place?.trim() || null,
    description: v.description?.trim() ?? '',
  });
  if (!parsed.success) {
    onErrors(zodFieldErrors(parsed.error, fallback));
    return null;
  }
  return parsed.data;
}

/** Staff enter a report an informant gave by phone or in person. */
export function OnBehalfDrawer({
  informant,
  onClose,
}: {
  informant: InformantView;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<ReportValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, REPORT_FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };
  const mutation = useMutation({
    mutationFn: async (v: ReportValues) => {
      const body = parseReport(v, showErrors, t('common.invalidField'));
      return body ? reportOnBehalf(informant.id, body) : null;
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('inf.onBehalfDone', { number: saved.number }));
      await queryClient.invalidateQueries({ queryKey: informantKeys.informants });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('inf.onBehalfTitle', { code: informant.code })}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {t('inf.report.submit')}
          </Button>
        </Flex>
      }
    >
      <InfoNote>{t('inf.onBehalfHint')}</InfoNote>
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<ReportValues>
        form={form}
        name="report-on-behalf"
        layout="vertical"
        initialValues={{ enterpriseId: informant.enterpriseId }}
        onFinish={(v) => {
          setFormError(null);
          mutation.mutate(v);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <ReportFields
          enterpriseInput={<EnterpriseSelect initialLabel={informant.enterpriseName} />}
        />
      </Form>
    </Drawer>
  );
}
