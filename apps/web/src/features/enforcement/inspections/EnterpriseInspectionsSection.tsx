import { useState } from 'react';
import { Button, Card, Flex, List, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Permission } from '@hazard-ledger/domain';
import { inspectionKeys, listInspections } from '../../../api/inspections-api';
import { Can } from '../../../auth/can';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import type { EnterpriseTabProps } from '../../enterprises/detail/tab-types';
import { RecordStatusTag } from './labels';

const PAGE_SIZE = 10;

/** The enterprise's on-site inspection records, on its 执法 tab (enterprises: the signed ones). */
export function EnterpriseInspectionsSection({ enterprise }: EnterpriseTabProps) {
  const { t } = useLocale();
  const [page, setPage] = useState(1);
  const query = { enterpriseId: enterprise.id, page, pageSize: PAGE_SIZE };
  const list = useQuery({
    queryKey: inspectionKeys.list(query),
    queryFn: ({ signal }) => listInspections(query, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <Card
      size="small"
      title={t('inspections.enterpriseSection')}
      extra={
        <Can permission={Permission.EnforcementInspect}>
          <Link to={`/inspections/new?enterpriseId=${enterprise.id}`}>
            <Button type="primary" size="small" icon={<PlusOutlined />}>
              {t('nav.inspectionNew')}
            </Button>
          </Link>
        </Can>
      }
    >
      <ErrorAlert error={list.error} />
      <List
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        rowKey="id"
        locale={{ emptyText: t('inspections.enterpriseEmpty') }}
        pagination={
          (list.data?.total ?? 0) > PAGE_SIZE
            ? {
                current: page,
                pageSize: PAGE_SIZE,
                total: list.data?.total ?? 0,
                onChange: setPage,
                size: 'small',
              }
            : false
        }
        renderItem={(r) => (
          <List.Item>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex wrap gap={8} align="center" justify="space-between">
                <Link to={`/inspections/${r.id}`}>{r.recordNo}</Link>
                <RecordStatusTag status={r.status} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(r.startedAt)} · {r.inspectorNames.join('、')} ·{' '}
                {r.findingCount === 0
                  ? t('inspections.noFindings')
                  : t('inspections.findingCount', {
                      count: r.findingCount,
                      major: r.majorFindingCount,
                    })}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
