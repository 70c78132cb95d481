import { useState } from 'react';
import { Button, Card } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listSelfInspections, selfInspectionKeys } from '../../../api/self-inspections-api';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import type { EnterpriseTabProps } from '../../enterprises/detail/tab-types';
import { SelfInspectionRunsTable } from './SelfInspectionRunsTable';

/**
 * The enterprise page's 排查整治 tab: this enterprise's self-inspections with their status and
 * a link to each; the enterprise's own users get a way to the page where they start one.
 */
export function SelfInspectionSection({ enterprise }: EnterpriseTabProps) {
  const { t } = useLocale();
  const { me } = useSession();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(5);
  const query = { enterpriseId: enterprise.id, page, pageSize };
  const list = useQuery({
    queryKey: selfInspectionKeys.list(query),
    queryFn: ({ signal }) => listSelfInspections(query, signal),
    placeholderData: keepPreviousData,
  });
  const own = me?.enterpriseId === enterprise.id;
  return (
    <Card
      title={t('selfInspections.section.title')}
      extra={
        own ? (
          <Link to="/self-inspections">
            <Button type="link" icon={<RightOutlined />} iconPlacement="end">
              {t('selfInspections.section.open')}
            </Button>
          </Link>
        ) : null
      }
    >
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
  );
}
