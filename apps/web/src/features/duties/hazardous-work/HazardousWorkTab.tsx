import { Card, Flex, Tabs, Tag, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { HazardousWorkSummary } from '@hazard-ledger/domain';
import { getHazardousWorkSummary, hazardousWorkKeys } from '../../../api/hazardous-work-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import type { EnterpriseTabProps } from '../../enterprises/detail/tab-types';
import { CertificatesSection } from './CertificatesSection';
import { EducationSection } from './EducationSection';
import { PermitsSection } from './PermitsSection';
import { StaffChecksSection } from './StaffChecksSection';
import { WeldingChecksSection } from './WeldingChecksSection';

/** One requirement of the duty: done (green) or not (orange), with its figures. */
function Requirement({ ok, title, text }: { ok: boolean; title: string; text: string }) {
  return (
    <Flex gap={6} align="center" style={{ minWidth: 200 }} data-ok={ok}>
      {ok ? (
        <CheckCircleFilled style={{ color: '#52c41a' }} aria-hidden />
      ) : (
        <ExclamationCircleFilled style={{ color: '#faad14' }} aria-hidden />
      )}
      <Typography.Text>{title}：</Typography.Text>
      <Typography.Text type={ok ? 'success' : 'warning'}>{text}</Typography.Text>
    </Flex>
  );
}

/** Where the enterprise stands on duty 3 this year (the scorecard's facts, computed today). */
function SummaryCard({ summary }: { summary: HazardousWorkSummary }) {
  const { t } = useLocale();
  const f = summary.facts;
  const done = (v: boolean) => (v ? t('hw.summary.done') : t('hw.summary.notDone'));
  const certs = [
    f.expiredCertificates > 0 ? t('hw.summary.expired', { n: f.expiredCertificates }) : null,
    f.expiringCertificates > 0 ? t('hw.summary.expiring', { n: f.expiringCertificates }) : null,
  ].filter((x): x is string => x !== null);
  return (
    <Card
      size="small"
      title={t('hw.summary.title', { year: summary.year })}
      style={{ marginBottom: 12 }}
    >
      <Flex wrap gap={12}>
        <Requirement
          ok={f.warningEducationHeld}
          title={t('hw.summary.education')}
          text={done(f.warningEducationHeld)}
        />
        <Requirement
          ok={f.weldingEquipmentChecked}
          title={t('hw.summary.welding')}
          text={done(f.weldingEquipmentChecked)}
        />
        <Requirement
          ok={f.hazardousStaffChecked}
          title={t('hw.summary.staff')}
          text={done(f.hazardousStaffChecked)}
        />
        <Requirement
          ok={f.expiredCertificates === 0}
          title={t('hw.summary.certificates')}
          text={certs.length > 0 ? certs.join('，') : t('hw.summary.certsOk')}
        />
      </Flex>
      {summary.openPermits > 0 ? (
        <Tag color="processing" style={{ marginTop: 8 }}>
          {t('hw.summary.openPermits', { n: summary.openPermits })}
        </Tag>
      ) : null}
    </Card>
  );
}

/**
 * The enterprise page's 危险作业 tab (seed §二(一)3): this year's standing, then hot-work
 * permits, welding-equipment checks, special-operation certificates, the warning education and
 * the staff check. The enterprise's own leader and safety managers record; everyone else reads.
 */
export function HazardousWorkTab({ enterprise }: EnterpriseTabProps) {
  const { t } = useLocale();
  const summary = useQuery({
    queryKey: hazardousWorkKeys.summary(enterprise.id),
    queryFn: ({ signal }) => getHazardousWorkSummary(enterprise.id, signal),
  });
  const canRecord = summary.data?.canRecord ?? false;
  const props = { enterpriseId: enterprise.id, canRecord };
  return (
    <>
      <ErrorAlert error={summary.error} />
      {summary.data ? <SummaryCard summary={summary.data} /> : null}
      <Tabs
        size="small"
        destroyOnHidden
        items={[
          {
            key: 'permits',
            label: t('hw.section.permits'),
            children: <PermitsSection {...props} />,
          },
          {
            key: 'welding',
            label: t('hw.section.welding'),
            children: <WeldingChecksSection {...props} />,
          },
          {
            key: 'certificates',
            label: t('hw.section.certificates'),
            children: <CertificatesSection {...props} />,
          },
          {
            key: 'education',
            label: t('hw.section.education'),
            children: <EducationSection {...props} />,
          },
          {
            key: 'staff',
            label: t('hw.section.staff'),
            children: <StaffChecksSection {...props} />,
          },
        ]}
      />
    </>
  );
}
