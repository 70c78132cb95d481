import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, List, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LeaderInspectionView } from '@hazard-ledger/domain';
import {
  getEnterpriseLeaderInspections,
  leaderDutyKeys,
  voidLeaderInspection,
} from '../../../api/leader-duties-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import { ReasonModal } from '../../catalogs/ReasonModal';
import { LeaderInspectionDrawer } from './LeaderInspectionDrawer';
import { InspectionStatusTag, monthLabel, MonthTags } from './labels';

type DrawerState = { seq: number; open: boolean; inspection: LeaderInspectionView | null };

/**
 * The main leader's monthly inspections of one enterprise: the months of its campaign with the
 * missing ones flagged, and the records of a year grouped by month, each opening the record
 * (edit and sign while a draft; read-only once signed).
 */
export function LeaderInspectionPanel({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [drawer, setDrawer] = useState<DrawerState>({ seq: 0, open: false, inspection: null });
  const [voiding, setVoiding] = useState<LeaderInspectionView | null>(null);
  const data = useQuery({
    queryKey: leaderDutyKeys.enterpriseInspections(enterpriseId, year),
    queryFn: ({ signal }) => getEnterpriseLeaderInspections(enterpriseId, year, signal),
    placeholderData: keepPreviousData,
  });
  const voidMutation = useMutation({
    mutationFn: (args: { v: LeaderInspectionView; reason: string }) =>
      voidLeaderInspection(args.v.id, { reason: args.reason, version: args.v.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leaderDutyKeys.all }),
  });
  const open = (inspection: LeaderInspectionView | null) =>
    setDrawer((d) => ({ seq: d.seq + 1, open: true, inspection }));

  const view = data.data;
  const byMonth = new Map<string, LeaderInspectionView[]>();
  for (const i of view?.inspections ?? []) {
    byMonth.set(i.month, [...(byMonth.get(i.month) ?? []), i]);
  }

  return (
    <Card
      title={t('leaderDuty.section.inspections')}
      extra={
        view?.can.record ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)}>
            {t('leaderDuty.record')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={data.error} />
      {view ? (
        <Flex vertical gap={16}>
          {view.campaign ? (
            <Flex vertical gap={8}>
              <Typography.Text type="secondary">
                {t('leaderDuty.campaignLine', {
                  name: view.campaign.name,
                  start: view.campaign.startDate,
                  end: view.campaign.endDate,
                })}
              </Typography.Text>
              <MonthTags months={view.months} />
              {view.missingMonths.length > 0 ? (
                <Alert
                  type="error"
                  showIcon
                  title={t('leaderDuty.missingAlert', {
                    months: view.missingMonths.join('、'),
                  })}
                />
              ) : null}
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t('leaderDuty.noCampaign')}</Typography.Text>
          )}
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong>{t('leaderDuty.recordsOfYear')}</Typography.Text>
            <Select
              aria-label={t('leaderDuty.year')}
              value={year}
              onChange={setYear}
              style={{ width: 120 }}
              options={[0, 1, 2].map((n) => ({
                value: thisYear - n,
                label: t('leaderDuty.yearN', { year: thisYear - n }),
              }))}
            />
          </Flex>
          {byMonth.size === 0 ? (
            <Empty description={t('leaderDuty.noRecords')} />
          ) : (
            [...byMonth].map(([month, items]) => (
              <div key={month}>
                <Typography.Text type="secondary">{monthLabel(month, true)}</Typography.Text>
                <List
                  size="small"
                  dataSource={items}
                  renderItem={(i) => (
                    <List.Item
                      actions={[
                        <Button key="open" type="link" size="small" onClick={() => open(i)}>
                          {i.can.sign ? t('leaderDuty.openToSign') : t('leaderDuty.open')}
                        </Button>,
                        ...(i.can.void
                          ? [
                              <Button
                                key="void"
                                type="link"
                                size="small"
                                danger
                                onClick={() => setVoiding(i)}
                              >
                                {t('leaderDuty.void')}
                              </Button>,
                            ]
                          : []),
                      ]}
                    >
                      <List.Item.Meta
                        title={
                          <Flex gap={8} wrap align="center">
                            <span>{i.inspectedOn}</span>
                            <InspectionStatusTag status={i.status} />
                          </Flex>
                        }
                        description={
                          <>
                            <div>{i.places}</div>
                            <div>
                              {t('leaderDuty.findingsCount', {
                                n: i.findings.length,
                                h: i.findings.filter((f) => f.hazardLevel).length,
                              })}
                            </div>
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              </div>
            ))
          )}
        </Flex>
      ) : null}
      {drawer.seq > 0 ? (
        <LeaderInspectionDrawer
          key={drawer.seq}
          enterpriseId={enterpriseId}
          inspection={drawer.inspection}
          open={drawer.open}
          onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        />
      ) : null}
      {voiding ? (
        <ReasonModal
          open
          title={t('leaderDuty.voidTitle')}
          fieldLabel={t('leaderDuty.voidReason')}
          required
          okText={t('leaderDuty.void')}
          danger
          onSubmit={(reason) => voidMutation.mutateAsync({ v: voiding, reason: reason ?? '' })}
          onClose={() => setVoiding(null)}
        />
      ) : null}
    </Card>
  );
}
