import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { Permission } from '@hazard-ledger/domain';
import {
  getSelfInspectionStartInfo,
  listSelfInspections,
  selfInspectionKeys,
  startSelfInspection,
} from '../../../api/self-inspections-api';
import { Can } from '../../../auth/can';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DetailedErrorAlert } from './run-errors';
import { InfoNote } from '../../../components/InfoNote';
import { PageHeader } from '../../../components/PageHeader';
import { useLocale } from '../../../i18n/locale-context';
import { SelfInspectionCoverageView } from './SelfInspectionCoverageView';
import { SelfInspectionRunsTable } from './SelfInspectionRunsTable';

/**
 * /self-inspections — for an enterprise user its runs and "开始自查"; for staff the coverage
 * view (who submitted in the campaign and phase, per sector).
 */
export function SelfInspectionsPage() {
  const { t } = useLocale();
  const { me } = useSession();
  return (
    <>
      <PageHeader title={t('nav.selfInspections')} />
      {me?.enterpriseId ? <EnterpriseRuns /> : <SelfInspectionCoverageView />}
    </>
  );
}

function EnterpriseRuns() {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = { page, pageSize };
  const info = useQuery({
    queryKey: selfInspectionKeys.startInfo(),
    queryFn: ({ signal }) => getSelfInspectionStartInfo(signal),
  });
  const list = useQuery({
    queryKey: selfInspectionKeys.list(query),
    queryFn: ({ signal }) => listSelfInspections(query, signal),
    placeholderData: keepPreviousData,
  });
  const start = useMutation({
    mutationFn: () => startSelfInspection({}),
    onSuccess: async (run) => {
      queryClient.setQueryData(selfInspectionKeys.run(run.id), run);
      void message.success(t('selfInspections.started'));
      await queryClient.invalidateQueries({ queryKey: selfInspectionKeys.all });
      await navigate(`/self-inspections/${run.id}`);
    },
  });

  const campaign = info.data?.campaign;
  return (
    <>
      <InfoNote>{t('selfInspections.intro')}</InfoNote>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Text>
            {info.data
              ? campaign
                ? t('selfInspections.campaign', { name: campaign.name })
                : t('selfInspections.noCampaign')
              : null}
          </Typography.Text>
          {info.data?.draftId ? (
            <Link to={`/self-inspections/${info.data.draftId}`}>
              <Button type="primary" icon={<EditOutlined />}>
                {t('selfInspections.continue')}
              </Button>
            </Link>
          ) : (
            <Can permission={Permission.DutyRecord}>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                loading={start.isPending}
                disabled={!info.data?.canStart}
                onClick={() => start.mutate()}
              >
                {t('selfInspections.start')}
              </Button>
            </Can>
          )}
        </Flex>
        <DetailedErrorAlert
          error={start.error ?? info.error}
          style={{ marginTop: 12, marginBottom: 0 }}
        />
      </Card>
      <Card title={t('selfInspections.myRuns')}>
        <ErrorAlert error={list.error} />
        <SelfInspectionRunsTable
          items={list.data?.items ?? []}
          loading={list.isFetching}
          total={list.data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          onPage={(p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          }}
        />
      </Card>
    </>
  );
}
