import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Flex,
  Form,
  Input,
  QRCode,
  Space,
  Steps,
  Typography,
} from 'antd';
import { useMutation } from '@tanstack/react-query';
import { disableTotp, enableTotp, setupTotp } from '../../api/auth-api';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session-context';
import { useLocale } from '../../i18n/locale-context';
import { errorMessage } from '../../components/ErrorAlert';
import { InfoNote } from '../../components/InfoNote';
import '../../i18n/messages-users';

/** Enrol (setup → scan → code → enable) or turn off the TOTP second factor. */
export function TotpPanel() {
  const { me, refresh } = useSession();
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [codeForm] = Form.useForm<{ code: string }>();
  const [disableForm] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);

  const setup = useMutation({
    mutationFn: setupTotp,
    onMutate: () => setError(null),
    onError: (e) => setError(errorMessage(e, t('common.unexpectedError'))),
  });
  const enable = useMutation({
    mutationFn: enableTotp,
    onMutate: () => setError(null),
    onSuccess: async () => {
      void message.success(t('account.totpEnabledOk'));
      setup.reset();
      codeForm.resetFields();
      await refresh();
    },
    onError: (e) => {
      if (
        e instanceof ApiError &&
        (e.code === 'TOTP_INVALID' || e.fields.some((f) => f.path === 'code'))
      ) {
        codeForm.setFields([{ name: 'code', errors: [e.fields[0]?.message ?? e.message] }]);
        return;
      }
      setError(errorMessage(e, t('common.unexpectedError')));
    },
  });
  const disable = useMutation({
    mutationFn: disableTotp,
    onMutate: () => setError(null),
    onSuccess: async () => {
      void message.success(t('account.totpDisabledOk'));
      disableForm.resetFields();
      await refresh();
    },
    onError: (e) => {
      if (
        e instanceof ApiError &&
        (e.code === 'PASSWORD_MISMATCH' || e.code === 'INVALID_CREDENTIALS')
      ) {
        disableForm.setFields([{ name: 'password', errors: [e.message] }]);
        return;
      }
      setError(errorMessage(e, t('common.unexpectedError')));
    },
  });

  if (!me) return null;

  const errorAlert = error ? (
    <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />
  ) : null;

  if (me.totpEnabled) {
    return (
      <div style={{ maxWidth: 420 }}>
        <Alert
          type="success"
          showIcon
          title={t('account.totpEnabled')}
          style={{ marginBottom: 16 }}
        />
        {errorAlert}
        <Typography.Paragraph type="secondary">{t('account.totpDisableHint')}</Typography.Paragraph>
        <Form<{ password: string }>
          form={disableForm}
          name="totpDisable"
          layout="vertical"
          onFinish={(v) => disable.mutate(v.password)}
        >
          <Form.Item
            label={t('account.currentPassword')}
            name="password"
            rules={[
              {
                required: true,
                message: t('users.required', { field: t('account.currentPassword') }),
              },
            ]}
          >
            <Input.Password autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Button danger htmlType="submit" loading={disable.isPending}>
            {t('account.totpDisable')}
          </Button>
        </Form>
      </div>
    );
  }

  const secret = setup.data;
  return (
    <div style={{ maxWidth: 560 }}>
      {/* When enrolment is mandatory the layout's banner already says so. */}
      <InfoNote>
        <strong>{t('account.totpDisabledState')}</strong>
        <div>{t('account.totpIntro')}</div>
      </InfoNote>
      {errorAlert}
      {!secret ? (
        <Button type="primary" loading={setup.isPending} onClick={() => setup.mutate()}>
          {t('account.totpStart')}
        </Button>
      ) : (
        <Steps
          orientation="vertical"
          current={1}
          items={[
            {
              title: t('account.totpScan'),
              content: (
                <Flex wrap gap={16} align="center" style={{ margin: '12px 0' }}>
                  <QRCode value={secret.otpauthUrl} size={180} aria-label="otpauth QR" />
                  <Space orientation="vertical" size={4}>
                    <Typography.Text type="secondary">{t('account.totpSecret')}</Typography.Text>
                    <Typography.Text
                      code
                      copyable
                      data-testid="totp-secret"
                      style={{ wordBreak: 'break-all' }}
                    >
                      {secret.secret}
                    </Typography.Text>
                  </Space>
                </Flex>
              ),
            },
            {
              title: t('account.totpEnterCode'),
              content: (
                <Form<{ code: string }>
                  form={codeForm}
                  name="totpEnable"
                  layout="vertical"
                  onFinish={(v) => enable.mutate(v.code)}
                  style={{ marginTop: 12, maxWidth: 280 }}
                >
                  <Form.Item
                    label={t('account.totpCode')}
                    name="code"
                    rules={[
                      { required: true, message: t('login.totpFormat') },
                      { pattern: /^[0-9]{6}$/, message: t('login.totpFormat') },
                    ]}
                  >
                    <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={enable.isPending}>
                    {t('account.totpEnable')}
                  </Button>
                </Form>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
