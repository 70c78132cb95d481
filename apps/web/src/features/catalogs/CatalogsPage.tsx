import { Card, Col, Flex, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { CatalogSummary } from '@hazard-ledger/domain';
import { listCatalogs } from '../../api/catalogs-api';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InfoNote } from '../../components/InfoNote';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { formatDate, SectorTags } from './labels';

/** /catalogs — the four national criteria catalogs with their current version and counts. */
export function CatalogsPage() {
  const { t } = useLocale();
  const list = useQuery({
    queryKey: queryKeys.catalogs,
    queryFn: ({ signal }) => listCatalogs(signal),
  });
  return (
    <>
      <PageHeader title={t('nav.catalogs')} />
      <InfoNote>{t('catalogs.intro')}</InfoNote>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : null}
      <Row gutter={[16, 16]}>
        {(list.data?.items ?? []).map((c) => (
          <Col key={c.catalogId} xs={24} xl={12}>
            <CatalogCard catalog={c} />
          </Col>
        ))}
      </Row>
    </>
  );
}

function CatalogCard({ catalog: c }: { catalog: CatalogSummary }) {
  const { t } = useLocale();
  const to = `/catalogs/${c.catalogId}`;
  return (
    <Card style={{ height: '100%' }} styles={{ body: { height: '100%' } }}>
      <Flex vertical gap={12} style={{ height: '100%' }}>
        <Space size={[8, 4]} wrap>
          <Tag color="geekblue" style={{ marginInlineEnd: 0, fontFamily: 'monospace' }}>
            {c.catalogId}
          </Tag>
          <Typography.Text type="secondary">{c.documentNumber}</Typography.Text>
        </Space>
        <Typography.Title level={5} style={{ margin: 0 }}>
          <Link to={to}>{c.name}</Link>
        </Typography.Title>
        <SectorTags sectors={c.sectors} />
        <Row gutter={[8, 8]}>
          <Col xs={12} sm={6}>
            <Statistic
              title={t('catalogs.currentVersion')}
              value={
                c.currentVersion === null ? '—' : t('catalogs.versionN', { n: c.currentVersion })
              }
              styles={{ content: { fontSize: 18 } }}
            />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic
              title={t('catalogs.itemCount')}
              value={c.itemCount}
              styles={{ content: { fontSize: 18 } }}
            />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic
              title={t('catalogs.incompleteCount')}
              value={c.incompleteCount}
              styles={{
                content: { fontSize: 18, color: c.incompleteCount > 0 ? '#d46b08' : undefined },
              }}
            />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic
              title={t('catalogs.localCount')}
              value={c.localCount}
              styles={{ content: { fontSize: 18 } }}
            />
          </Col>
        </Row>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 'auto' }}>
          <Space size={[8, 4]} wrap>
            <Typography.Text type="secondary">
              {t('catalogs.publishedOn', { date: formatDate(c.publishedAt) })}
            </Typography.Text>
            {c.draftVersion !== null ? (
              <Link to={`${to}?version=${c.draftVersion}`}>
                <Tag color="processing" style={{ marginInlineEnd: 0 }}>
                  {t('catalogs.draftN', { n: c.draftVersion })}
                </Tag>
              </Link>
            ) : null}
          </Space>
          <Link to={to} aria-label={t('catalogs.openNamed', { name: c.name })}>
            {t('catalogs.open')} <RightOutlined />
          </Link>
        </Flex>
      </Flex>
    </Card>
  );
}
