import { useState } from 'react';
import { Card, Empty, Flex, Input, Pagination, Select, Spin, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { DISCLOSURE_KIND_LABELS, SECTOR_LABELS, SECTORS, type Sector } from '@hazard-ledger/domain';
import {
  disclosureKeys,
  listPublicCases,
  type PublicCaseQuery,
} from '../../../api/disclosures-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import { PublicCasesLayout } from './PublicCasesLayout';

const PAGE_SIZE = 10;

/** /cases — published typical cases and exposures: search, sector filter, pages (no login). */
export function PublicCasesPage() {
  const { t, label } = useLocale();
  const [params, setParams] = useSearchParams();
  const sectorParam = params.get('sector');
  const query: PublicCaseQuery = {
    q: params.get('q') ?? undefined,
    sector: SECTORS.includes(sectorParam as Sector) ? (sectorParam as Sector) : undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
  const [search, setSearch] = useState(query.q ?? '');
  const list = useQuery({
    queryKey: disclosureKeys.publicList(query),
    queryFn: ({ signal }) => listPublicCases(query, signal),
    placeholderData: keepPreviousData,
  });
  const update = (next: Partial<PublicCaseQuery>) => {
    const merged = { ...query, page: 1, ...next };
    const p = new URLSearchParams();
    if (merged.q) p.set('q', merged.q);
    if (merged.sector) p.set('sector', merged.sector);
    if (merged.page > 1) p.set('page', String(merged.page));
    setParams(p, { replace: true });
  };

  return (
    <PublicCasesLayout title={t('publicCases.title')}>
      <Flex vertical gap={8} style={{ marginBottom: 12 }} role="search">
        <Input.Search
          id="publicCaseSearch"
          aria-label={t('publicCases.search')}
          placeholder={t('publicCases.search')}
          allowClear
          value={search}
          maxLength={50}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          enterButton
        />
        <Select<Sector>
          id="publicCaseSector"
          aria-label={t('publicCases.sector')}
          placeholder={t('publicCases.sector')}
          allowClear
          value={query.sector}
          onChange={(v) => update({ sector: v })}
          options={SECTORS.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
        />
      </Flex>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Spin />
      ) : list.data && list.data.items.length > 0 ? (
        <Flex vertical gap={12}>
          {list.data.items.map((c) => (
            <Card key={c.id} size="small" data-testid="public-case">
              <Link to={`/cases/${c.id}`}>
                <Typography.Title level={5} style={{ margin: 0, wordBreak: 'break-word' }}>
                  {c.title}
                </Typography.Title>
              </Link>
              <Flex wrap gap={4} style={{ margin: '6px 0' }}>
                <Tag color="red">{label(DISCLOSURE_KIND_LABELS[c.kind])}</Tag>
                <Tag>{label(SECTOR_LABELS[c.sector])}</Tag>
                <Tag>{c.districtName}</Tag>
              </Flex>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {c.excerpt}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('publicCases.publishedOn', { date: c.publishedOn })}
              </Typography.Text>
            </Card>
          ))}
          <Pagination
            simple
            align="center"
            current={query.page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onChange={(page) => update({ page })}
          />
        </Flex>
      ) : (
        <Empty description={t('publicCases.empty')} />
      )}
    </PublicCasesLayout>
  );
}
