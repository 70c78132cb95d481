import { useState } from 'react';
import {
  App as AntApp,
  Button,
  Dropdown,
  Flex,
  Grid,
  Input,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { MenuProps, TableColumnsType } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SECTOR_LABELS, SECTORS, type InformantView, type Sector } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import {
  informantKeys,
  listInformants,
  setInformantStatus,
  type InformantListQuery,
} from '../../../api/informants-api';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { InfoNote } from '../../../components/InfoNote';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { SectorTags } from '../../catalogs/labels';
import { AccountModal, IdentityModal, OnBehalfDrawer } from './InformantDialogs';
import { InformantFormDrawer, useDistrictOptions } from './InformantFormDrawer';

type Dialog =
  | { kind: 'form'; informant: InformantView | null; seq: number }
  | { kind: 'identity' | 'account' | 'report'; informant: InformantView };

type StatusFilter = 'all' | 'active' | 'inactive';

/**
 * /informants — the registry of safety informants (安全生产信息员): list with filters, register
 * and edit, create logins, view identities (audited), enter reports on their behalf, take them
 * off duty. Offices see the informants of their sectors.
 */
export function InformantsPage() {
  const { t } = useLocale();
  const { message, modal } = AntApp.useApp();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const phone = !Grid.useBreakpoint().md;
  const districts = useDistrictOptions();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [districtId, setDistrictId] = useState<number | undefined>();
  const [sector, setSector] = useState<Sector | undefined>();
  const [status, setStatus] = useState<StatusFilter>('active');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [formSeq, setFormSeq] = useState(0);

  const query: InformantListQuery = {
    page,
    pageSize,
    q: q || undefined,
    districtId,
    sector,
    active: status === 'all' ? undefined : status === 'active',
  };
  const list = useQuery({
    queryKey: informantKeys.informantList(query),
    queryFn: ({ signal }) => listInformants(query, signal),
    placeholderData: keepPreviousData,
  });

  const statusMutation = useMutation({
    mutationFn: (i: InformantView) =>
      setInformantStatus(i.id, { active: !i.active, version: i.version }),
    onSuccess: async () => {
      void message.success(t('inf.saved'));
      await queryClient.invalidateQueries({ queryKey: informantKeys.informants });
    },
    onError: (e) =>
      void message.error(e instanceof ApiError ? e.message : t('common.unexpectedError')),
  });

  const openForm = (informant: InformantView | null) => {
    setFormSeq((s) => s + 1);
    setDialog({ kind: 'form', informant, seq: formSeq + 1 });
  };

  const toggle = (i: InformantView) => {
    if (!i.active) {
      statusMutation.mutate(i);
      return;
    }
    modal.confirm({
      title: `${t('inf.deactivate')} ${i.code}`,
      content: t('inf.deactivateConfirm'),
      okButtonProps: { danger: true },
      onOk: () => statusMutation.mutateAsync(i),
    });
  };

  const actions = (i: InformantView) => {
    const items: MenuProps['items'] = [
      { key: 'edit', label: t('common.edit') },
      { key: 'identity', label: t('inf.viewIdentity') },
      ...(i.active ? [{ key: 'report', label: t('inf.onBehalf') }] : []),
      ...(i.active && !i.account ? [{ key: 'account', label: t('inf.createAccount') }] : []),
      {
        key: 'status',
        label: i.active ? t('inf.deactivate') : t('inf.activate'),
        danger: i.active,
      },
    ];
    const onClick: MenuProps['onClick'] = ({ key }) => {
      if (key === 'edit') openForm(i);
      else if (key === 'status') toggle(i);
      else setDialog({ kind: key as 'identity' | 'account' | 'report', informant: i });
    };
    return (
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button size="small" aria-label={`${t('common.actions')} ${i.code}`}>
          {t('common.actions')} <DownOutlined />
        </Button>
      </Dropdown>
    );
  };

  const coverage = (i: InformantView) =>
    [i.enterpriseName, i.area].filter(Boolean).join(' · ') || '—';
  const statusTag = (i: InformantView) => (
    <Tag color={i.active ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
      {i.active ? t('inf.active') : t('inf.inactive')}
    </Tag>
  );
  const accountText = (i: InformantView) =>
    i.account ? (
      <Flex vertical gap={2}>
        <span>{i.account.username}</span>
        {i.account.status === 'disabled' ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('inf.accountDisabled')}
          </Typography.Text>
        ) : null}
      </Flex>
    ) : (
      <Typography.Text type="secondary">{t('inf.noAccount')}</Typography.Text>
    );

  const columns: TableColumnsType<InformantView> = phone
    ? [
        {
          title: t('nav.informants'),
          key: 'summary',
          render: (_: unknown, i) => (
            <Flex vertical gap={4}>
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong>
                  {i.code} · {i.nameMasked}
                </Typography.Text>
                {statusTag(i)}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i.phoneMasked} · {i.districtName}
              </Typography.Text>
              <Typography.Text style={{ fontSize: 12 }}>{coverage(i)}</Typography.Text>
              <SectorTags sectors={i.sectors} />
              <Flex justify="space-between" align="center">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('inf.reports')} {i.reportCount} · {t('inf.account')}{' '}
                  {i.account?.username ?? t('inf.noAccount')}
                </Typography.Text>
                {actions(i)}
              </Flex>
            </Flex>
          ),
        },
      ]
    : [
        { title: t('inf.code'), dataIndex: 'code', key: 'code', width: 100 },
        {
          title: t('inf.name'),
          key: 'name',
          width: 150,
          render: (_: unknown, i) => (
            <Flex vertical gap={2}>
              <span>{i.nameMasked}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i.phoneMasked}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          title: t('inf.sectors'),
          key: 'sectors',
          width: 200,
          render: (_: unknown, i) => <SectorTags sectors={i.sectors} />,
        },
        { title: t('inf.district'), dataIndex: 'districtName', key: 'district', width: 150 },
        { title: t('inf.coverage'), key: 'coverage', render: (_: unknown, i) => coverage(i) },
        {
          title: t('inf.account'),
          key: 'account',
          width: 130,
          render: (_: unknown, i) => accountText(i),
        },
        {
          title: t('inf.reports'),
          key: 'reports',
          width: 130,
          render: (_: unknown, i) => (
            <Flex vertical gap={2}>
              <span>{i.reportCount}</span>
              {i.lastReportAt ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(i.lastReportAt)}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        },
        {
          title: t('inf.status'),
          key: 'status',
          width: 90,
          render: (_: unknown, i) => statusTag(i),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 110,
          render: (_: unknown, i) => actions(i),
        },
      ];

  const sectorChoices = me?.sectors && me.sectors.length > 0 ? me.sectors : SECTORS;

  return (
    <>
      <PageHeader
        title={t('nav.informants')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
            {t('inf.create')}
          </Button>
        }
      />
      <InfoNote>{t('inf.sealedNote')}</InfoNote>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('inf.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          enterButton={t('common.search')}
          style={{ width: 320, maxWidth: '100%' }}
        />
        {districts.length > 1 ? (
          <Select
            aria-label={t('inf.district')}
            allowClear
            placeholder={t('inf.allDistricts')}
            value={districtId}
            onChange={(v) => {
              setDistrictId(v);
              setPage(1);
            }}
            options={districts}
            style={{ width: 180 }}
          />
        ) : null}
        <SectorSelect
          choices={sectorChoices}
          value={sector}
          onChange={(v) => {
            setSector(v);
            setPage(1);
          }}
        />
        <Select<StatusFilter>
          aria-label={t('inf.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: 'active', label: t('inf.active') },
            { value: 'inactive', label: t('inf.inactive') },
            { value: 'all', label: t('inf.allStatuses') },
          ]}
          style={{ width: 120 }}
        />
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<InformantView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={phone ? undefined : { x: 1100 }}
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
      {dialog?.kind === 'form' ? (
        <InformantFormDrawer
          key={dialog.seq}
          open
          informant={dialog.informant}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'identity' ? (
        <IdentityModal informant={dialog.informant} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'account' ? (
        <AccountModal informant={dialog.informant} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'report' ? (
        <OnBehalfDrawer informant={dialog.informant} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}

function SectorSelect({
  choices,
  value,
  onChange,
}: {
  choices: readonly Sector[];
  value: Sector | undefined;
  onChange: (v: Sector | undefined) => void;
}) {
  const { t, label } = useLocale();
  return (
    <Select<Sector>
      aria-label={t('inf.sectors')}
      allowClear
      placeholder={t('inf.allSectors')}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={choices.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
      style={{ width: 160 }}
    />
  );
}
