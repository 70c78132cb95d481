import { useState } from 'react';
import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Permission, type TipDetail, type TipIdentityView } from '@hazard-ledger/domain';
import { viewTipIdentity } from '../../../api/tips-api';
import { useCan } from '../../../auth/can';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-tips';

/**
 * "查看举报人身份": only for holders of the identity permission. A confirmation says the view is
 * recorded; the identity is fetched only then (never cached, never part of the page's data) and
 * is forgotten when the dialog closes.
 */
export function TipIdentityButton({ tip }: { tip: TipDetail }) {
  const { t } = useLocale();
  const allowed = useCan(Permission.TipIdentity);
  const [step, setStep] = useState<'closed' | 'confirm' | 'shown'>('closed');
  const [identity, setIdentity] = useState<TipIdentityView | null>(null);
  const mutation = useMutation({
    mutationFn: () => viewTipIdentity(tip.id),
    onSuccess: (v) => {
      setIdentity(v);
      setStep('shown');
    },
  });
  if (!allowed || !tip.canViewIdentity) return null;
  const close = () => {
    setStep('closed');
    setIdentity(null);
    mutation.reset();
  };
  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setStep('confirm')} block>
        {t('tips.identity.view')}
      </Button>
      <Modal
        open={step === 'confirm'}
        title={t('tips.identity.confirmTitle')}
        okText={t('tips.identity.confirmOk')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        onOk={() => mutation.mutate()}
        onCancel={close}
      >
        <Typography.Paragraph>{t('tips.identity.confirmText')}</Typography.Paragraph>
        {tip.insider ? (
          <Alert type="warning" showIcon title={t('tips.identity.insiderWarning')} />
        ) : null}
        <ErrorAlert error={mutation.error} style={{ marginTop: 12 }} />
      </Modal>
      <Modal
        open={step === 'shown'}
        title={t('tips.identity.title')}
        onCancel={close}
        footer={<Button onClick={close}>{t('tips.identity.close')}</Button>}
      >
        {identity ? (
          <>
            <Alert
              type="info"
              showIcon
              title={t('tips.identity.recorded', { at: formatDateTime(identity.viewedAt) })}
              style={{ marginBottom: 12 }}
            />
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('tips.identity.name')}>
                {identity.name ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('tips.identity.phone')}>
                {identity.phone ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('tips.identity.idNumber')}>
                {identity.idNumber ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('tips.identity.contact')}>
                {identity.contact ?? '—'}
              </Descriptions.Item>
              {Object.entries(identity.other).map(([k, v]) => (
                <Descriptions.Item key={k} label={k}>
                  {v}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </>
        ) : null}
      </Modal>
    </>
  );
}
