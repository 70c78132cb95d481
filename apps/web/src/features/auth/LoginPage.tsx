import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorCode } from '@hazard-ledger/domain';
import { login } from '../../api/auth-api';
import { ApiError, setCsrfToken } from '../../api/client';
import type { LoginRequest } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { useLocale } from '../../i18n/locale-context';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { usePageTitle } from '../../components/usePageTitle';
import { InfoNote } from '../../components/InfoNote';
import { returnPath } from '../../app/router-paths';

type LoginForm = { username: string; password: string; totp?: string };

/**
 * Sign-in: username and password, then — when the server answers TOTP_REQUIRED — a second step
 * asking for the 6-digit code, resubmitted with the same credentials.
 */
export function LoginPage() {
  const { t } = useLocale();
  usePageTitle(t('nav.login'));
  const [form] = Form.useForm<LoginForm>();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const mutation = useMutation({
    mutationFn: (body: LoginRequest) => login(body),
    onSuccess: async (res) => {
      setCsrfToken(res.csrfToken);
      await refresh();
      await navigate(returnPath(location.state), { replace: true });
    },
    onError: (e) => {
      const err =
        e instanceof ApiError
          ? e
          : new ApiError(0, ErrorCode.Internal, t('common.unexpectedError'));
      if (err.code === ErrorCode.TotpRequired) {
        // Not a failure: the account has a second factor. Ask for it without an error banner.
        setNeedTotp(true);
        setError(null);
        return;
      }
      if (err.code === ErrorCode.TotpInvalid) {
        form.setFieldValue('totp', '');
      } else if (needTotp) {
        // Any other answer (wrong password, locked…) restarts from the first step.
        setNeedTotp(false);
      }
      setError(err);
    },
  });

  const onFinish = (values: LoginForm) => {
    setError(null);
    mutation.mutate({
      username: values.username.trim(),
      password: values.password,
      ...(needTotp && values.totp ? { totp: values.totp } : {}),
    });
  };

  const startOver = () => {
    setNeedTotp(false);
    setError(null);
    form.resetFields(['password', 'totp']);
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 16,
        background: 'linear-gradient(180deg,#e8eefc,#f5f5f5)',
      }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400, marginBottom: 12 }}>
        <LanguageSwitch size="small" />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Title level={5} type="secondary" style={{ textAlign: 'center', marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        {error ? (
          <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />
        ) : null}
        {needTotp ? <InfoNote>{t('login.totpHint')}</InfoNote> : null}
        <Form<LoginForm> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            hidden={needTotp}
          >
            <Input
              id="username"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              maxLength={64}
            />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
            hidden={needTotp}
          >
            <Input.Password
              id="password"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              maxLength={128}
            />
          </Form.Item>
          {needTotp ? (
            <Form.Item
              label={t('login.totp')}
              name="totp"
              rules={[
                { required: true, message: t('login.totpFormat') },
                { pattern: /^[0-9]{6}$/, message: t('login.totpFormat') },
              ]}
            >
              <Input
                id="totp"
                prefix={<SafetyOutlined />}
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                autoFocus
              />
            </Form.Item>
          ) : null}
          <Form.Item style={{ marginBottom: needTotp ? 8 : 0 }}>
            <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
              {t('login.submit')}
            </Button>
          </Form.Item>
          {needTotp ? (
            <Button type="link" block onClick={startOver}>
              {t('login.back')}
            </Button>
          ) : null}
        </Form>
      </Card>
      {/* Citizens and employees reach the public tip page from here without an account. */}
      <Flex gap={16} justify="center" style={{ marginTop: 16 }}>
        <Link to="/tip">{t('login.reportTip')}</Link>
        <Link to="/tip/status">{t('login.tipStatus')}</Link>
      </Flex>
      <Typography.Text
        type="secondary"
        style={{ marginTop: 16, fontSize: 12, textAlign: 'center' }}
      >
        {t('login.footer')}
      </Typography.Text>
    </Flex>
  );
}
