import { useState } from 'react';
import {
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Grid,
  Result,
  Row,
  Spin,
  Typography,
} from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorCode, type CampaignView } from '@hazard-ledger/domain';
import { isApiError } from '../../api/client';
import { getCampaign, voidCampaign } from '../../api/campaigns-api';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format';
import { usePageTitle } from '../../components/usePageTitle';
import { useLocale } from '../../i18n/locale-context';
import { SectorTags } from '../catalogs/labels';
import { ReasonModal } from '../catalogs/ReasonModal';
import { CampaignFormDrawer } from './CampaignFormDrawer';
import { ProgressFacts, useWeekdayLabel } from './progress';
import { MilestoneTimeline, PhaseSteps } from './campaign-timeline';

function parseId(raw: string | undefined): number | null {
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

/** /campaigns/:id — a campaign's progress against its phases, reporting schedule and facts. */
export function CampaignDetailPage() {
  const id = parseId(useParams().id);
  const { t } = useLocale();
  if (id === null) return <NotFound title={t('campaigns.notFound')} />;
  return <CampaignLoader key={id} id={id} />;
}

function NotFound({ title }: { title: string }) {
  const { t } = useLocale();
  usePageTitle(title);
  return (
    <Result
      status="404"
      title={title}
      extra={<Link to="/campaigns">{t('campaigns.backToList')}</Link>}
    />
  );
}

function CampaignLoader({ id }: { id: number }) {
  const { t } = useLocale();
  const query = useQuery({
    queryKey: queryKeys.campaign(id),
    queryFn: ({ signal }) => getCampaign(id, signal),
  });
  if (query.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (query.isError) {
    if (isApiError(query.error, ErrorCode.NotFound) || isApiError(query.error, ErrorCode.Forbidden))
      return <NotFound title={t('campaigns.notFound')} />;
    return <ErrorAlert error={query.error} />;
  }
  return <CampaignDetail campaign={query.data} />;
}

function CampaignDetail({ campaign: c }: { campaign: CampaignView }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const weekday = useWeekdayLabel();
  const [drawer, setDrawer] = useState({ open: false, seq: 0 });
  const [voiding, setVoiding] = useState(false);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/campaigns">{t('nav.campaigns')}</Link> }, { title: c.name }]}
      />
      <PageHeader
        title={c.name}
        extra={
          c.can.edit ? (
            <>
              <Button
                icon={<EditOutlined />}
                onClick={() => setDrawer((d) => ({ open: true, seq: d.seq + 1 }))}
              >
                {t('common.edit')}
              </Button>
              <Button danger icon={<DeleteOutlined />} onClick={() => setVoiding(true)}>
                {t('campaigns.void')}
              </Button>
            </>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card
            title={t('campaigns.progressTitle', { date: c.progress.date })}
            style={{ height: '100%' }}
          >
            <ProgressFacts progress={c.progress} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('campaigns.phases')} style={{ height: '100%' }}>
            <PhaseSteps campaign={c} vertical={!screens.xl} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('campaigns.reporting')} style={{ height: '100%' }}>
            <Typography.Paragraph>
              {t('campaigns.weeklyLine', {
                weekday: weekday(c.weekly.weekday),
                hour: String(c.weekly.hour).padStart(2, '0'),
              })}
            </Typography.Paragraph>
            <MilestoneTimeline campaign={c} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('campaigns.facts')} style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'year', label: t('campaigns.year'), children: c.year },
                { key: 'org', label: t('campaigns.orgUnit'), children: c.orgUnitName },
                {
                  key: 'sectors',
                  label: t('campaigns.sectors'),
                  children: <SectorTags sectors={c.sectors} />,
                },
                {
                  key: 'created',
                  label: t('campaigns.createdBy'),
                  children: `${formatDateTime(c.createdAt)}${c.createdByName ? ` · ${c.createdByName}` : ''}`,
                },
                {
                  key: 'updated',
                  label: t('campaigns.updatedAt'),
                  children: formatDateTime(c.updatedAt),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {drawer.seq > 0 ? (
        <CampaignFormDrawer
          key={drawer.seq}
          open={drawer.open}
          campaign={c}
          onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        />
      ) : null}
      {voiding ? (
        <ReasonModal
          open
          danger
          required
          title={t('campaigns.voidTitle', { name: c.name })}
          description={t('campaigns.voidHint')}
          fieldLabel={t('campaigns.voidReason')}
          okText={t('campaigns.void')}
          onClose={() => setVoiding(false)}
          onSubmit={async (reason) => {
            await voidCampaign(c.id, { reason: reason ?? '', version: c.version });
            void message.success(t('campaigns.voided'));
            queryClient.removeQueries({ queryKey: queryKeys.campaign(c.id) });
            void navigate('/campaigns');
            void queryClient.invalidateQueries({ queryKey: queryKeys.campaigns });
          }}
        />
      ) : null}
    </>
  );
}
