import { useState } from 'react';
import { Button, Flex, Tabs } from 'antd';
import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  HAZARD_STATUS_LABELS,
  HAZARD_STATUSES,
  Permission,
  type HazardStatus,
} from '@hazard-ledger/domain';
import { listHazards, type HazardSortField } from '../../api/hazards-api';
import { queryKeys } from '../../api/query-keys';
import type { SortOrder } from '../../api/types';
import { Can } from '../../auth/can';
import type { EnterpriseTabProps } from '../enterprises/detail/tab-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n/locale-context';
import { DEFAULT_PAGE_SIZE, ledgerHref } from './hazard-query';
import { HazardTable } from './HazardTable';

const ALL = 'all';

/** What the create page accepts in the router state to start with an enterprise chosen. */
export type HazardCreateState = { enterpriseId: number; enterpriseName?: string };

type Props = { enterpriseId: number; enterpriseName?: string };

/**
 * The hazards of one enterprise, for a tab of the enterprise page: counts per status, the
 * table (without the enterprise column), and links to record one or open the full ledger.
 */
export function EnterpriseHazardsTab({ enterpriseId, enterpriseName }: Props) {
  const { t, label } = useLocale();
  const [status, setStatus] = useState<HazardStatus | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [sort, setSort] = useState<{ sort?: HazardSortField; order?: SortOrder }>({});

  const query = {
    enterpriseId,
    status,
    page,
    pageSize,
    sort: sort.sort,
    order: sort.sort ? sort.order : undefined,
  };
  const list = useQuery({
    queryKey: queryKeys.hazardList(query),
    queryFn: ({ signal }) => listHazards(query, signal),
    placeholderData: keepPreviousData,
  });
  const counts = list.data?.countsByStatus ?? {};
  const allCount = HAZARD_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const createState: HazardCreateState = { enterpriseId, enterpriseName };

  return (
    <>
      <Flex justify="flex-end" gap={8} wrap style={{ marginBottom: 8 }}>
        <Can permission={Permission.HazardCreate}>
          <Link to="/hazards/new" state={createState}>
            <Button type="primary" icon={<PlusOutlined />}>
              {t('hazards.create')}
            </Button>
          </Link>
        </Can>
        <Link to={ledgerHref({ enterpriseId })}>
          <Button icon={<UnorderedListOutlined />}>{t('hazards.tab.openLedger')}</Button>
        </Link>
      </Flex>
      <ErrorAlert error={list.error} />
      <Tabs
        size="small"
        activeKey={status ?? ALL}
        onChange={(key) => {
          setStatus(key === ALL ? undefined : (key as HazardStatus));
          setPage(1);
        }}
        items={[
          { key: ALL, label: `${t('hazards.allStatuses')} ${allCount}` },
          ...HAZARD_STATUSES.map((s) => ({
            key: s,
            label: `${label(HAZARD_STATUS_LABELS[s])} ${counts[s] ?? 0}`,
          })),
        ]}
      />
      <HazardTable
        hideEnterprise
        items={list.data?.items ?? []}
        loading={list.isFetching}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        sort={sort.sort}
        order={sort.order}
        onChange={(next) => {
          setPage(next.page);
          setPageSize(next.pageSize);
          setSort({ sort: next.sort, order: next.order });
        }}
      />
    </>
  );
}

/**
 * The same tab in the shape of the enterprise page's tab table (EnterpriseTabProps), as the
 * module's default export so that it can be mounted with
 * `lazy(() => import('../../hazards/EnterpriseHazardsTab'))`.
 */
export default function EnterpriseHazardsTabForEnterprise({
  enterprise,
}: {
  enterprise: { id: number; name: string };
}) {
  return <EnterpriseHazardsTab enterpriseId={enterprise.id} enterpriseName={enterprise.name} />;
}

/** The hazards tab of the enterprise page. */
export function EnterpriseLedgerTab({ enterprise }: EnterpriseTabProps) {
  return <EnterpriseHazardsTab enterpriseId={enterprise.id} enterpriseName={enterprise.name} />;
}
