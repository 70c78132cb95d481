import { Alert, Card, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { REWARD_CLAIM_STATUS_LABELS, type RewardClaimStatus } from '@hazard-ledger/domain';
import { isApiError } from '../../../api/client';
import { getRewardClaimInfo } from '../../../api/informants-api';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-tips-informants';

const ALERT_TYPE: Record<RewardClaimStatus, 'info' | 'success' | 'warning'> = {
  none: 'info',
  under_review: 'info',
  ready_to_claim: 'success',
  paid: 'success',
  not_granted: 'warning',
};

/**
 * What a receipt code tells about a reward (public, no sign-in): whether the tip has a reward
 * case, where it stands, and how to claim it at the bureau. Never the amount. For the public
 * status page: `<RewardClaimInfo code={code} />` with the 16 digits the reporter entered.
 */
export function RewardClaimInfo({ code }: { code: string }) {
  const { t, label } = useLocale();
  const info = useQuery({
    queryKey: ['reward-claim-info', code],
    queryFn: () => getRewardClaimInfo(code),
    enabled: code.length > 0,
    retry: false,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });

  if (info.isLoading) {
    return (
      <Card size="small" title={t('reward.claim.title')}>
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
    );
  }
  if (info.error) {
    const unknown = isApiError(info.error) && info.error.status === 404;
    return (
      <Card size="small" title={t('reward.claim.title')}>
        <Alert
          type={unknown ? 'warning' : 'error'}
          showIcon
          title={
            unknown
              ? t('reward.claim.unknown')
              : isApiError(info.error)
                ? info.error.message
                : t('common.unexpectedError')
          }
        />
      </Card>
    );
  }
  const data = info.data;
  if (!data) return null;
  const showSteps = data.status === 'under_review' || data.status === 'ready_to_claim';
  return (
    <Card size="small" title={t('reward.claim.title')}>
      <Alert
        type={ALERT_TYPE[data.status]}
        showIcon
        title={label(REWARD_CLAIM_STATUS_LABELS[data.status])}
        style={{ marginBottom: showSteps ? 12 : 0 }}
      />
      {showSteps ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('reward.claim.steps')}
          </Typography.Title>
          <ol style={{ paddingInlineStart: 20, margin: 0 }}>
            {data.steps.map((s) => (
              <li key={s.zh} style={{ marginBottom: 4 }}>
                {label(s)}
              </li>
            ))}
          </ol>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('reward.claim.noAmount')}
          </Typography.Paragraph>
        </>
      ) : null}
    </Card>
  );
}
