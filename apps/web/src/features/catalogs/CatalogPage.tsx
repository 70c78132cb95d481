import { useState } from 'react';
import {
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Collapse,
  Descriptions,
  Flex,
  Grid,
  Input,
  Result,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import {
  CheckCircleOutlined,
  DeleteOutlined,
  DownloadOutlined,
  FileAddOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  CATALOG_IDS,
  CATALOG_VERSION_STATUS_LABELS,
  ITEM_COMPLETENESS_LABELS,
  type CatalogId,
  type CatalogItemView,
  type CatalogVersionView,
  type ItemCompleteness,
} from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import {
  catalogExportUrl,
  createCatalogDraft,
  discardCatalogVersion,
  listCatalogItems,
  listCatalogs,
  listCatalogVersions,
  publishCatalogVersion,
  voidCatalogItem,
  type CatalogItemQuery,
} from '../../api/catalogs-api';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InfoNote } from '../../components/InfoNote';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format';
import { usePageTitle } from '../../components/usePageTitle';
import { useLocale } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/messages';
import { CatalogDiffView } from './CatalogDiffView';
import { CatalogItemDrawer } from './CatalogItemDrawer';
import { ImportCatalogModal } from './ImportCatalogModal';
import { AppliesTo, AppliesToInline, ItemMarkers, ItemText, SectorTags } from './labels';
import { ReasonModal } from './ReasonModal';

const PAGE_SIZE = 50;

const STATUS_COLOR = { draft: 'processing', published: 'green', discarded: 'default' } as const;
const SOURCE_KEYS: Record<CatalogVersionView['source'], MessageKey> = {
  seed: 'catalogs.source.seed',
  draft: 'catalogs.source.draft',
  import: 'catalogs.source.import',
};

function isCatalogId(v: string | undefined): v is CatalogId {
  return v !== undefined && (CATALOG_IDS as readonly string[]).includes(v);
}

/** /catalogs/:catalogId?version=N — one catalog: versions, items, and the draft workflow. */
export function CatalogPage() {
  const { catalogId } = useParams();
  const { t } = useLocale();
  if (!isCatalogId(catalogId)) return <NotFound title={t('catalogs.notFound')} />;
  return <CatalogView key={catalogId} catalogId={catalogId} />;
}

function NotFound({ title }: { title: string }) {
  const { t } = useLocale();
  usePageTitle(title);
  return (
    <Result
      status="404"
      title={title}
      extra={<Link to="/catalogs">{t('catalogs.backToList')}</Link>}
    />
  );
}

type Filters = { q: string; section?: string; completeness?: ItemCompleteness; local?: boolean };
type Dialog =
  | { kind: 'draft' }
  | { kind: 'import' }
  | { kind: 'publish' }
  | { kind: 'discard' }
  | { kind: 'void'; item: CatalogItemView }
  | null;
type DrawerState = { open: boolean; item: CatalogItemView | null; seq: number };

function CatalogView({ catalogId }: { catalogId: CatalogId }) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [drawer, setDrawer] = useState<DrawerState>({ open: false, item: null, seq: 0 });
  const phone = !Grid.useBreakpoint().md;

  const versions = useQuery({
    queryKey: queryKeys.catalogVersions(catalogId),
    queryFn: ({ signal }) => listCatalogVersions(catalogId, signal),
  });
  const summaries = useQuery({
    queryKey: queryKeys.catalogs,
    queryFn: ({ signal }) => listCatalogs(signal),
  });
  const canManage =
    summaries.data?.items.find((c) => c.catalogId === catalogId)?.can.manage ?? false;

  const all = versions.data?.items ?? [];
  const requested = Number(params.get('version'));
  const selected = all.find((v) => v.version === requested) ?? all.find((v) => v.current) ?? all[0];
  const draft = all.find((v) => v.status === 'draft');

  const goTo = (version: number) => setParams({ version: String(version) }, { replace: false });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.catalogs });

  /** Runs a catalog write; a 409 (stale revision, draft gone) also refreshes what is shown. */
  const write = async <T,>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) void refresh();
      throw e;
    }
  };

  const title = selected?.name ?? catalogId;
  usePageTitle(title);

  if (versions.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (versions.isError) return <ErrorAlert error={versions.error} />;
  if (!selected) return <NotFound title={t('catalogs.notFound')} />;

  const headerActions = (
    <>
      <Button
        icon={<DownloadOutlined />}
        href={catalogExportUrl(catalogId, selected.version)}
        download
      >
        {t('catalogs.export')}
      </Button>
      {canManage && !draft ? (
        <>
          <Button icon={<FileAddOutlined />} onClick={() => setDialog({ kind: 'draft' })}>
            {t('catalogs.newDraft')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setDialog({ kind: 'import' })}>
            {t('catalogs.import')}
          </Button>
        </>
      ) : null}
      {canManage && draft && draft.version !== selected.version ? (
        <Button type="primary" ghost onClick={() => goTo(draft.version)}>
          {t('catalogs.goToDraft', { n: draft.version })}
        </Button>
      ) : null}
    </>
  );

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/catalogs">{t('nav.catalogs')}</Link> }, { title: catalogId }]}
      />
      <PageHeader title={title} extra={headerActions} />
      <Card style={{ marginBottom: 16 }} styles={{ body: phone ? { padding: 12 } : undefined }}>
        <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 16 }}>
          <Flex wrap gap={8} align="center">
            <Select<number>
              aria-label={t('catalogs.version')}
              value={selected.version}
              onChange={goTo}
              style={{ minWidth: 220, maxWidth: '100%' }}
              options={all.map((v) => ({
                value: v.version,
                label: [
                  t('catalogs.versionN', { n: v.version }),
                  label(CATALOG_VERSION_STATUS_LABELS[v.status]),
                  v.current ? t('catalogs.current') : null,
                ]
                  .filter(Boolean)
                  .join(' · '),
              }))}
            />
            <Tag color={STATUS_COLOR[selected.status]} style={{ marginInlineEnd: 0 }}>
              {label(CATALOG_VERSION_STATUS_LABELS[selected.status])}
            </Tag>
            {selected.current ? (
              <Tag color="green" style={{ marginInlineEnd: 0 }}>
                {t('catalogs.current')}
              </Tag>
            ) : null}
          </Flex>
          {selected.status === 'draft' ? (
            <Flex wrap gap={8}>
              {selected.can.edit ? (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => setDrawer((d) => ({ open: true, item: null, seq: d.seq + 1 }))}
                >
                  {t('catalogs.addItem')}
                </Button>
              ) : null}
              {selected.can.publish ? (
                <Button
                  type="primary"
                  icon={<CheckCircleOutlined />}
                  onClick={() => setDialog({ kind: 'publish' })}
                >
                  {t('catalogs.publish')}
                </Button>
              ) : null}
              {selected.can.discard ? (
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => setDialog({ kind: 'discard' })}
                >
                  {t('catalogs.discard')}
                </Button>
              ) : null}
            </Flex>
          ) : null}
        </Flex>
        <VersionFacts version={selected} />
        {selected.notes.length > 0 ? (
          <InfoNote style={{ marginTop: 16, marginBottom: 0 }}>
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {selected.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </InfoNote>
        ) : null}
      </Card>

      {selected.diff ? (
        <Collapse
          style={{ marginBottom: 16, background: '#fff' }}
          defaultActiveKey={selected.status === 'draft' ? ['diff'] : []}
          items={[
            {
              key: 'diff',
              label: t('catalogs.diffTitle', {
                n: selected.basedOnVersion ?? '—',
                summary: selected.diffSummary ?? '',
              }),
              children: <CatalogDiffView diff={selected.diff} />,
            },
          ]}
        />
      ) : selected.status === 'draft' ? (
        <InfoNote>{t('catalogs.draftDiffLater')}</InfoNote>
      ) : null}

      <ItemsCard
        version={selected}
        onEdit={(item) => setDrawer((d) => ({ open: true, item, seq: d.seq + 1 }))}
        onVoid={(item) => setDialog({ kind: 'void', item })}
      />

      {drawer.seq > 0 ? (
        <CatalogItemDrawer
          key={drawer.seq}
          open={drawer.open}
          version={selected}
          item={drawer.item}
          onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        />
      ) : null}

      {dialog?.kind === 'import' ? (
        <ImportCatalogModal
          catalogId={catalogId}
          onClose={() => setDialog(null)}
          onImported={(v) => {
            setDialog(null);
            void message.success(
              t('catalogs.imported', { n: v.version, summary: v.diffSummary ?? '' }),
            );
            void refresh();
            goTo(v.version);
          }}
        />
      ) : null}
      {dialog?.kind === 'draft' ? (
        <ReasonModal
          open
          title={t('catalogs.newDraftTitle')}
          description={t('catalogs.newDraftHint', { n: selected.version })}
          fieldLabel={t('catalogs.noteOptional')}
          okText={t('catalogs.newDraft')}
          onClose={() => setDialog(null)}
          onSubmit={async (note) => {
            const v = await write(() => createCatalogDraft(catalogId, note));
            void message.success(t('catalogs.draftCreated', { n: v.version }));
            await refresh();
            goTo(v.version);
          }}
        />
      ) : null}
      {dialog?.kind === 'publish' ? (
        <ReasonModal
          open
          title={t('catalogs.publishTitle', { n: selected.version })}
          description={
            <Space orientation="vertical">
              <span>{t('catalogs.publishHint')}</span>
              <Typography.Text type="secondary">
                {t('catalogs.publishCounts', {
                  items: selected.itemCount,
                  incomplete: selected.incompleteCount,
                  local: selected.localCount,
                })}
              </Typography.Text>
            </Space>
          }
          fieldLabel={t('catalogs.noteOptional')}
          okText={t('catalogs.publish')}
          onClose={() => setDialog(null)}
          onSubmit={async (note) => {
            const v = await write(() =>
              publishCatalogVersion(catalogId, selected.version, {
                revision: selected.revision,
                note,
              }),
            );
            void message.success(t('catalogs.published', { n: v.version }));
            await refresh();
          }}
        />
      ) : null}
      {dialog?.kind === 'discard' ? (
        <ReasonModal
          open
          danger
          required
          title={t('catalogs.discardTitle', { n: selected.version })}
          description={t('catalogs.discardHint')}
          fieldLabel={t('catalogs.discardReason')}
          okText={t('catalogs.discard')}
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            await write(() =>
              discardCatalogVersion(catalogId, selected.version, {
                revision: selected.revision,
                reason: reason ?? '',
              }),
            );
            void message.success(t('catalogs.discarded', { n: selected.version }));
            await refresh();
          }}
        />
      ) : null}
      {dialog?.kind === 'void' ? (
        <ReasonModal
          open
          danger
          required
          title={t('catalogs.voidTitle', { code: dialog.item.code })}
          description={t('catalogs.voidHint')}
          fieldLabel={t('catalogs.voidReason')}
          okText={t('catalogs.void')}
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            await write(() =>
              voidCatalogItem(catalogId, selected.version, dialog.item.code, {
                reason: reason ?? '',
                version: dialog.item.version,
              }),
            );
            void message.success(t('catalogs.voided', { code: dialog.item.code }));
            await refresh();
          }}
        />
      ) : null}
    </>
  );
}

function VersionFacts({ version: v }: { version: CatalogVersionView }) {
  const { t } = useLocale();
  const by = (at: string | null, name: string | null) =>
    at ? `${formatDateTime(at)}${name ? ` · ${name}` : ''}` : '—';
  const items = [
    { key: 'doc', label: t('catalogs.documentNumber'), children: v.documentNumber },
    { key: 'sectors', label: t('catalogs.sectors'), children: <SectorTags sectors={v.sectors} /> },
    {
      key: 'dates',
      label: t('catalogs.issuedEffective'),
      children: `${v.issuedOn ?? t('catalogs.unverified')} / ${v.effectiveOn ?? t('catalogs.unverified')}`,
    },
    {
      key: 'counts',
      label: t('catalogs.counts'),
      children: (
        <Space size={[8, 4]} wrap>
          <span>{t('catalogs.countItems', { n: v.itemCount })}</span>
          <Typography.Text type={v.incompleteCount > 0 ? 'warning' : undefined}>
            {t('catalogs.countIncomplete', { n: v.incompleteCount })}
          </Typography.Text>
          <span>{t('catalogs.countLocal', { n: v.localCount })}</span>
        </Space>
      ),
    },
    {
      key: 'source',
      label: t('catalogs.sourceLabel'),
      children: `${t(SOURCE_KEYS[v.source])}${v.sourceFileName ? `（${v.sourceFileName}）` : ''}${
        v.basedOnVersion !== null ? ` · ${t('catalogs.basedOn', { n: v.basedOnVersion })}` : ''
      }`,
    },
    { key: 'created', label: t('catalogs.createdBy'), children: by(v.createdAt, v.createdByName) },
    ...(v.publishedAt
      ? [
          {
            key: 'pub',
            label: t('catalogs.publishedBy'),
            children: by(v.publishedAt, v.publishedByName),
          },
        ]
      : []),
    ...(v.discardedAt
      ? [
          {
            key: 'disc',
            label: t('catalogs.discardedBy'),
            children: `${formatDateTime(v.discardedAt)}${v.discardReason ? ` · ${v.discardReason}` : ''}`,
          },
        ]
      : []),
    ...(v.note ? [{ key: 'note', label: t('catalogs.note'), children: v.note }] : []),
    ...(v.diffSummary
      ? [{ key: 'diff', label: t('catalogs.changes'), children: v.diffSummary }]
      : []),
  ];
  return <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

function ItemsCard({
  version,
  onEdit,
  onVoid,
}: {
  version: CatalogVersionView;
  onEdit: (item: CatalogItemView) => void;
  onVoid: (item: CatalogItemView) => void;
}) {
  const { t, label } = useLocale();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Filters>({ q: '' });
  const [includeVoided, setIncludeVoided] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const isDraft = version.status === 'draft';
  const editable = isDraft && version.can.edit;

  const query: CatalogItemQuery = {
    page,
    pageSize,
    q: filters.q || undefined,
    section: filters.section,
    completeness: filters.completeness,
    local: filters.local,
    includeVoided: isDraft && includeVoided ? true : undefined,
  };
  const list = useQuery({
    queryKey: queryKeys.catalogItems(version.catalogId, version.version, query),
    queryFn: ({ signal }) => listCatalogItems(version.catalogId, version.version, query, signal),
    placeholderData: keepPreviousData,
  });
  const setFilter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const multiSection = version.sections.length > 1;
  const phone = !Grid.useBreakpoint().md;

  const codeLine = (i: CatalogItemView) => (
    <>
      <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
        {i.code}
      </Typography.Text>
      <Typography.Text type="secondary">
        {multiSection ? `${i.section} ` : ''}
        {i.clause}
      </Typography.Text>
    </>
  );
  const content = (i: CatalogItemView) => (
    <Flex vertical gap={4} style={{ opacity: i.voided ? 0.55 : 1 }}>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong delete={i.voided}>
          {i.title}
        </Typography.Text>
        <ItemMarkers item={i} />
      </Flex>
      <ItemText item={i} />
      {i.voided && i.voidReason ? (
        <Typography.Text type="secondary">
          {t('catalogs.voidReasonShown', { reason: i.voidReason })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
  const actions = (i: CatalogItemView) =>
    i.voided ? null : (
      <Space size={0} wrap>
        <Button type="link" size="small" onClick={() => onEdit(i)}>
          {t('common.edit')}
        </Button>
        <Button type="link" size="small" danger onClick={() => onVoid(i)}>
          {t('catalogs.void')}
        </Button>
      </Space>
    );

  // On a phone one column holds everything, so an item reads without scrolling sideways.
  const columns: TableColumnsType<CatalogItemView> = phone
    ? [
        {
          title: t('catalogs.items'),
          key: 'item',
          render: (_: unknown, i) => (
            <Flex vertical gap={6}>
              <Flex gap={8} wrap align="baseline">
                {codeLine(i)}
              </Flex>
              {content(i)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('catalogs.appliesTo')}：<AppliesToInline appliesTo={i.appliesTo} />
              </Typography.Text>
              {editable ? actions(i) : null}
            </Flex>
          ),
        },
      ]
    : [
        {
          title: t('catalogs.codeClause'),
          key: 'code',
          width: 170,
          render: (_: unknown, i) => (
            <Flex vertical gap={2}>
              {codeLine(i)}
            </Flex>
          ),
        },
        {
          title: t('catalogs.content'),
          key: 'content',
          render: (_: unknown, i) => content(i),
        },
        {
          title: t('catalogs.appliesTo'),
          key: 'appliesTo',
          width: 200,
          render: (_: unknown, i) => <AppliesTo appliesTo={i.appliesTo} />,
        },
        ...(editable
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                width: 120,
                render: (_: unknown, i: CatalogItemView) => actions(i),
              },
            ]
          : []),
      ];

  return (
    <Card
      title={t('catalogs.items')}
      styles={{ body: phone ? { padding: 12 } : { paddingTop: 12 } }}
    >
      <Flex wrap gap={8} style={{ marginBottom: 12 }} role="search">
        <Input.Search
          id="catalogItemSearch"
          aria-label={t('common.search')}
          placeholder={t('catalogs.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => setFilter({ q: v.trim() })}
          enterButton={t('common.search')}
          style={{ width: 300, maxWidth: '100%' }}
        />
        {multiSection ? (
          <Select<string>
            aria-label={t('catalogs.section')}
            placeholder={t('catalogs.section')}
            allowClear
            value={filters.section}
            onChange={(v) => setFilter({ section: v })}
            options={version.sections.map((s) => ({ value: s.name, label: s.name }))}
            style={{ width: 160 }}
          />
        ) : null}
        <Select<ItemCompleteness>
          id="catalogCompletenessFilter"
          aria-label={t('catalogs.completeness')}
          placeholder={t('catalogs.completeness')}
          allowClear
          value={filters.completeness}
          onChange={(v) => setFilter({ completeness: v })}
          options={(['complete', 'incomplete'] as const).map((c) => ({
            value: c,
            label: label(ITEM_COMPLETENESS_LABELS[c]),
          }))}
          style={{ width: 130 }}
        />
        <Select<'true' | 'false'>
          aria-label={t('catalogs.localFilter')}
          placeholder={t('catalogs.localFilter')}
          allowClear
          value={filters.local === undefined ? undefined : filters.local ? 'true' : 'false'}
          onChange={(v) => setFilter({ local: v === undefined ? undefined : v === 'true' })}
          options={[
            { value: 'false', label: t('catalogs.nationalItems') },
            { value: 'true', label: t('catalogs.localItems') },
          ]}
          style={{ width: 140 }}
        />
        {isDraft ? (
          <Checkbox
            checked={includeVoided}
            onChange={(e) => {
              setIncludeVoided(e.target.checked);
              setPage(1);
            }}
            style={{ alignSelf: 'center' }}
          >
            {t('catalogs.includeVoided')}
          </Checkbox>
        ) : null}
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<CatalogItemView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={phone ? undefined : { x: editable ? 900 : 780 }}
        onRow={(i) => ({
          style: i.completeness === 'incomplete' ? { background: '#fffbe6' } : undefined,
        })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
    </Card>
  );
}
