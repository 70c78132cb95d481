import { Empty, Flex, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { HAZARD_LEVEL_LABELS, HAZARD_STATUS_LABELS, type TipDetail } from '@hazard-ledger/domain';
import { getTipDuplicates, tipKeys } from '../../../api/tips-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { TipStatusTag } from './tip-labels';

/** Possible duplicates: open ledger hazards and other open tips about the same enterprise. */
export function TipDuplicatesCard({ tip }: { tip: TipDetail }) {
  const { t, label } = useLocale();
  const query = useQuery({
    queryKey: tipKeys.duplicates(tip.id),
    queryFn: ({ signal }) => getTipDuplicates(tip.id, signal),
  });
  if (query.error) return <ErrorAlert error={query.error} />;
  const hazards = query.data?.hazards ?? [];
  const tips = query.data?.tips ?? [];
  if (!query.isPending && hazards.length === 0 && tips.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tips.duplicates.none')} />;
  const same = <Tag color="red">{t('tips.duplicates.sameItem')}</Tag>;
  return (
    <Flex vertical gap={12} data-testid="tip-duplicates">
      {hazards.length > 0 ? (
        <List
          size="small"
          loading={query.isPending}
          header={<Typography.Text strong>{t('tips.duplicates.hazards')}</Typography.Text>}
          dataSource={hazards}
          renderItem={(h) => (
            <List.Item>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={6} wrap align="center">
                  <Link to={`/hazards/${h.id}`}>{h.number}</Link>
                  <Tag color={h.level === 'major' ? 'red' : 'default'}>
                    {label(HAZARD_LEVEL_LABELS[h.level])}
                  </Tag>
                  <Tag>{label(HAZARD_STATUS_LABELS[h.status])}</Tag>
                  {h.sameCatalogItem ? same : null}
                </Flex>
                <Typography.Text style={{ wordBreak: 'break-word' }}>{h.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[h.catalogItemCode, h.foundAt].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
      {tips.length > 0 ? (
        <List
          size="small"
          loading={query.isPending}
          header={<Typography.Text strong>{t('tips.duplicates.tips')}</Typography.Text>}
          dataSource={tips}
          renderItem={(d) => (
            <List.Item>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={6} wrap align="center">
                  <Link to={`/tips/${d.id}`}>{d.number}</Link>
                  <TipStatusTag status={d.status} />
                  {d.sameCatalogItem ? same : null}
                </Flex>
                <Typography.Text style={{ wordBreak: 'break-word' }}>{d.subject}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(d.receivedAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
    </Flex>
  );
}
