import { useState } from 'react';
import { Button, Card, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { normalizeReceiptCode, type PublicTipView } from '@hazard-ledger/domain';
import { lookupPublicTip } from '../../../api/tips-public-api';
import { ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { InfoNote } from '../../../components/InfoNote';
import { usePageTitle } from '../../../components/usePageTitle';
import { useLocale } from '../../../i18n/locale-context';
import { PublicTipLayout } from './PublicTipLayout';
import { TipStatusView } from './TipStatusView';

/**
 * The receipt-code follow-up (/tip/status): enter the code, then see the status, the replies and
 * questions, answer and add information. The code stays in this page's memory only and travels
 * in POST bodies, never in a URL.
 */
export function TipStatusPage() {
  const { t } = useLocale();
  usePageTitle(t('tipPublic.statusTitle'));
  const [form] = Form.useForm<{ code: string }>();
  const [session, setSession] = useState<{ code: string; view: PublicTipView } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const lookup = useMutation({
    mutationFn: (code: string) => lookupPublicTip(code),
    onSuccess: (view, code) => {
      setSession({ code, view });
      form.resetFields();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields[0]?.path === 'code') {
        form.setFields([{ name: 'code', errors: [e.fields[0].message] }]);
        setError(null);
        return;
      }
      setError(e);
    },
  });

  const onFinish = ({ code }: { code: string }) => {
    setError(null);
    const normal = normalizeReceiptCode(code ?? '');
    if (!normal) {
      form.setFields([{ name: 'code', errors: [t('tipPublic.codeInput')] }]);
      return;
    }
    lookup.mutate(normal);
  };

  return (
    <PublicTipLayout title={t('tipPublic.statusTitle')}>
      {session ? (
        <TipStatusView
          code={session.code}
          view={session.view}
          onChange={(view) => setSession({ code: session.code, view })}
          onLeave={() => setSession(null)}
        />
      ) : (
        <>
          <InfoNote>
            {t('tipPublic.noTracking')} <Link to="/tip">{t('tipPublic.toForm')}</Link>
          </InfoNote>
          <Card>
            <Form form={form} layout="vertical" onFinish={onFinish} disabled={lookup.isPending}>
              <Form.Item name="code" label={t('tipPublic.code')} required>
                <Input
                  size="large"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={30}
                  placeholder={t('tipPublic.codeInput')}
                  style={{
                    fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
                    letterSpacing: 1,
                  }}
                />
              </Form.Item>
              <ErrorAlert error={error} />
              <Button
                type="primary"
                htmlType="submit"
                block
                size="large"
                loading={lookup.isPending}
              >
                {t('tipPublic.lookup')}
              </Button>
            </Form>
          </Card>
        </>
      )}
    </PublicTipLayout>
  );
}
