import { Card, Empty, Flex } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { getEnterpriseKeyPeriods, leaderDutyKeys } from '../../../api/leader-duties-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import type { EnterpriseTabProps } from '../../enterprises/detail/tab-types';
import { KeyPeriodDutyCard } from './KeyPeriodDutyCard';
import { LeaderInspectionPanel } from './LeaderInspectionPanel';
import { SafetyFundPanel } from './SafetyFundPanel';

/**
 * The leader's own part of the 排查整治 tab (§二(一)1, §四(三)): the monthly inspections with
 * missing months flagged, the key periods of the year with the on-duty days, and the safety
 * production fund per year.
 */
export function LeaderDutySection({ enterprise }: EnterpriseTabProps) {
  return (
    <Flex vertical gap="large">
      <LeaderInspectionPanel enterpriseId={enterprise.id} />
      <KeyPeriodSummary enterpriseId={enterprise.id} />
      <SafetyFundPanel enterpriseId={enterprise.id} />
    </Flex>
  );
}

/** This year's key periods addressed to the enterprise, each with its duty days folded. */
function KeyPeriodSummary({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useLocale();
  const data = useQuery({
    queryKey: leaderDutyKeys.enterpriseKeyPeriods(enterpriseId),
    queryFn: ({ signal }) => getEnterpriseKeyPeriods(enterpriseId, undefined, signal),
  });
  const items = data.data?.items ?? [];
  const missed = items.reduce((n, p) => n + (p.duty?.missedDays ?? 0), 0);
  return (
    <Card
      title={t('keyPeriod.section.title')}
      extra={
        data.data ? (
          <span style={{ color: missed > 0 ? '#cf1322' : undefined }}>
            {t('keyPeriod.section.missed', { n: missed })}
          </span>
        ) : null
      }
    >
      <ErrorAlert error={data.error} />
      {data.data && items.length === 0 ? (
        <Empty description={t('keyPeriod.section.none')} />
      ) : (
        <Flex vertical gap={12}>
          {items.map((p) => (
            <KeyPeriodDutyCard key={p.id} period={p} folded />
          ))}
        </Flex>
      )}
    </Card>
  );
}
