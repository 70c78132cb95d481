import { useState } from 'react';
import { Button, Flex, Grid, InputNumber, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Permission, type CampaignView } from '@hazard-ledger/domain';
import { listCampaigns, type CampaignListQuery } from '../../api/campaigns-api';
import { queryKeys } from '../../api/query-keys';
import { Can } from '../../auth/can';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { SectorTags } from '../catalogs/labels';
import { CampaignFormDrawer } from './CampaignFormDrawer';
import { CurrentCampaignCard } from './CurrentCampaignCard';
import { CampaignStatusTag } from './progress';

type DrawerState = { open: boolean; campaign: CampaignView | null; seq: number };

/** /campaigns — the campaign now running, every campaign by year, and the create form. */
export function CampaignsPage() {
  const { t } = useLocale();
  const [year, setYear] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [drawer, setDrawer] = useState<DrawerState>({ open: false, campaign: null, seq: 0 });
  const phone = !Grid.useBreakpoint().md;

  const query: CampaignListQuery = { page, pageSize, year: year ?? undefined };
  const list = useQuery({
    queryKey: queryKeys.campaignList(query),
    queryFn: ({ signal }) => listCampaigns(query, signal),
    placeholderData: keepPreviousData,
  });

  const nameColumn: TableColumnsType<CampaignView>[number] = {
    title: t('campaigns.name'),
    key: 'name',
    render: (_: unknown, c) => (
      <Flex vertical gap={2}>
        <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
        <Typography.Text type="secondary">{c.orgUnitName}</Typography.Text>
        {phone ? (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.progress.startDate} ~ {c.progress.endDate}
            </Typography.Text>
            <Flex gap={6} wrap align="center">
              <CampaignStatusTag status={c.progress.status} />
              {c.progress.phase ? <span>{c.progress.phase.name}</span> : null}
            </Flex>
          </>
        ) : null}
      </Flex>
    ),
  };
  const desktopColumns: TableColumnsType<CampaignView> = [
    nameColumn,
    { title: t('campaigns.year'), dataIndex: 'year', key: 'year', width: 80 },
    {
      title: t('campaigns.sectors'),
      key: 'sectors',
      width: 220,
      render: (_: unknown, c) => <SectorTags sectors={c.sectors} />,
    },
    {
      title: t('campaigns.period'),
      key: 'period',
      width: 200,
      render: (_: unknown, c) => `${c.progress.startDate} ~ ${c.progress.endDate}`,
    },
    {
      title: t('campaigns.status'),
      key: 'status',
      width: 220,
      render: (_: unknown, c) => (
        <Flex gap={6} wrap align="center">
          <CampaignStatusTag status={c.progress.status} />
          {c.progress.phase ? <span>{c.progress.phase.name}</span> : null}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, c) =>
        c.can.edit ? (
          <Button
            type="link"
            size="small"
            onClick={() => setDrawer((d) => ({ open: true, campaign: c, seq: d.seq + 1 }))}
          >
            {t('common.edit')}
          </Button>
        ) : null,
    },
  ];
  // On a phone one column carries the period and progress.
  const columns = phone ? [nameColumn] : desktopColumns;

  return (
    <>
      <PageHeader
        title={t('nav.campaigns')}
        extra={
          <Can permission={Permission.CampaignManage}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrawer((d) => ({ open: true, campaign: null, seq: d.seq + 1 }))}
            >
              {t('campaigns.create')}
            </Button>
          </Can>
        }
      />
      <div style={{ marginBottom: 16, maxWidth: 560 }}>
        <CurrentCampaignCard />
      </div>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('campaigns.year')}</Typography.Text>
        <InputNumber<number>
          aria-label={t('campaigns.filterYear')}
          placeholder={t('common.all')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => {
            setYear(v ?? null);
            setPage(1);
          }}
          style={{ width: 120 }}
        />
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<CampaignView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={phone ? undefined : { x: 960 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
      {drawer.seq > 0 ? (
        <CampaignFormDrawer
          key={drawer.seq}
          open={drawer.open}
          campaign={drawer.campaign}
          onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        />
      ) : null}
    </>
  );
}
