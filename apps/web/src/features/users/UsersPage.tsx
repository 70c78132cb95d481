import { useState } from 'react';
import { App as AntApp, Button, Flex, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType, TablePaginationConfig, TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Permission,
  ROLE_LABELS,
  ROLES,
  SECTOR_LABELS,
  type Role,
  type UserStatus,
  type UserView,
} from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { SortOrder, UserListQuery, UserSortField } from '../../api/types';
import { disableUser, enableUser, listUsers, unlockUser } from '../../api/users-api';
import { Can, useCan } from '../../auth/can';
import { useSession } from '../../auth/session-context';
import { useLocale } from '../../i18n/locale-context';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { formatDateTime } from '../../components/format';
import { isLocked } from './user-form';
import { UserFormDrawer } from './UserFormDrawer';
import { ResetPasswordModal } from './ResetPasswordModal';

const SORT_FIELDS: readonly UserSortField[] = [
  'username',
  'displayName',
  'role',
  'createdAt',
  'lastLoginAt',
];
const DEFAULT_PAGE_SIZE = 20;

type Filters = { q: string; role?: Role; status?: UserStatus; orgUnitId?: number };
type Sort = { sort?: UserSortField; order?: SortOrder };
type DrawerState = { open: boolean; user: UserView | null; seq: number };
type RowAction = 'disable' | 'enable' | 'unlock';

function isSortField(v: unknown): v is UserSortField {
  return typeof v === 'string' && (SORT_FIELDS as readonly string[]).includes(v);
}

/** User administration: a server-paged, sortable, filterable table with create/edit and row actions. */
export function UsersPage() {
  const { t, label } = useLocale();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const canManage = useCan(Permission.UserManage);
  const { me } = useSession();

  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Filters>({ q: '' });
  const [sort, setSort] = useState<Sort>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [drawer, setDrawer] = useState<DrawerState>({ open: false, user: null, seq: 0 });
  const [resetting, setResetting] = useState<UserView | null>(null);

  const query: UserListQuery = {
    page,
    pageSize,
    q: filters.q || undefined,
    role: filters.role,
    status: filters.status,
    orgUnitId: filters.orgUnitId,
    sort: sort.sort,
    order: sort.sort ? sort.order : undefined,
  };
  const list = useQuery({
    queryKey: queryKeys.userList(query),
    queryFn: ({ signal }) => listUsers(query, signal),
    placeholderData: keepPreviousData,
  });

  const setFilter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const action = useMutation({
    mutationFn: ({ kind, user }: { kind: RowAction; user: UserView }) => {
      switch (kind) {
        case 'disable':
          return disableUser(user.id);
        case 'enable':
          return enableUser(user.id);
        case 'unlock':
          return unlockUser(user.id);
      }
    },
    onSuccess: async (_saved, { kind }) => {
      const done = {
        disable: 'users.disabled',
        enable: 'users.enabled',
        unlock: 'users.unlocked',
      } as const;
      void message.success(t(done[kind]));
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
    onError: (e) => {
      void message.error(e instanceof ApiError ? e.message : t('common.unexpectedError'));
    },
  });

  const confirmAction = (kind: RowAction, user: UserView) => {
    const text = {
      disable: t('users.confirmDisable', { name: user.displayName }),
      enable: t('users.confirmEnable', { name: user.displayName }),
      unlock: t('users.confirmUnlock', { name: user.displayName }),
    }[kind];
    modal.confirm({
      title: text,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: kind === 'disable' ? { danger: true } : undefined,
      onOk: () => action.mutateAsync({ kind, user }).catch(() => undefined),
    });
  };

  const onTableChange: TableProps<UserView>['onChange'] = (
    pagination: TablePaginationConfig,
    _f,
    sorter,
  ) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.columnKey ?? s?.field;
    if (s?.order && isSortField(field)) {
      setSort({ sort: field, order: s.order === 'descend' ? 'desc' : 'asc' });
    } else {
      setSort({});
    }
    setPage(pagination.current ?? 1);
    setPageSize(pagination.pageSize ?? DEFAULT_PAGE_SIZE);
  };

  const sortOrderOf = (key: UserSortField) =>
    sort.sort === key ? (sort.order === 'desc' ? 'descend' : 'ascend') : null;

  const columns: TableColumnsType<UserView> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      key: 'username',
      sorter: true,
      sortOrder: sortOrderOf('username'),
    },
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      key: 'displayName',
      sorter: true,
      sortOrder: sortOrderOf('displayName'),
    },
    {
      title: t('users.role'),
      dataIndex: 'role',
      key: 'role',
      sorter: true,
      sortOrder: sortOrderOf('role'),
      render: (_: unknown, u) => label(ROLE_LABELS[u.role]),
    },
    {
      title: t('users.orgUnit'),
      key: 'org',
      render: (_: unknown, u) => (
        <Flex vertical gap={2}>
          <span>{u.orgUnitName}</span>
          {u.enterpriseName ? <span style={{ color: '#888' }}>{u.enterpriseName}</span> : null}
          {u.sectors && u.sectors.length > 0 ? (
            <Space size={[4, 4]} wrap>
              {u.sectors.map((s) => (
                <Tag key={s} style={{ marginInlineEnd: 0 }}>
                  {label(SECTOR_LABELS[s])}
                </Tag>
              ))}
            </Space>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('users.status'),
      key: 'status',
      render: (_: unknown, u) => (
        <Space size={4} wrap>
          {u.status === 'active' ? (
            <Tag color="green">{t('users.status.active')}</Tag>
          ) : (
            <Tag color="default">{t('users.status.disabled')}</Tag>
          )}
          {isLocked(u.lockedUntil) ? (
            <Tooltip title={formatDateTime(u.lockedUntil)}>
              <Tag color="red">{t('users.locked')}</Tag>
            </Tooltip>
          ) : null}
          {u.totpEnabled ? <Tag color="blue">{t('users.totp')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      sorter: true,
      sortOrder: sortOrderOf('lastLoginAt'),
      render: (_: unknown, u) => formatDateTime(u.lastLoginAt),
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      render: (_: unknown, u) => formatDateTime(u.createdAt),
    },
  ];

  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, u) => {
        const self = me?.id === u.id;
        return (
          <Space size={0} wrap>
            <Button
              type="link"
              size="small"
              onClick={() => setDrawer((d) => ({ open: true, user: u, seq: d.seq + 1 }))}
            >
              {t('common.edit')}
            </Button>
            {u.status === 'active' ? (
              self ? null : (
                <Button type="link" size="small" danger onClick={() => confirmAction('disable', u)}>
                  {t('users.disable')}
                </Button>
              )
            ) : (
              <Button type="link" size="small" onClick={() => confirmAction('enable', u)}>
                {t('users.enable')}
              </Button>
            )}
            {isLocked(u.lockedUntil) ? (
              <Button type="link" size="small" onClick={() => confirmAction('unlock', u)}>
                {t('users.unlock')}
              </Button>
            ) : null}
            <Button type="link" size="small" onClick={() => setResetting(u)}>
              {t('users.resetPassword')}
            </Button>
          </Space>
        );
      },
    });
  }

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Can permission={Permission.UserManage}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrawer((d) => ({ open: true, user: null, seq: d.seq + 1 }))}
            >
              {t('users.create')}
            </Button>
          </Can>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }} role="search">
        <Input.Search
          id="userSearch"
          aria-label={t('common.search')}
          placeholder={t('users.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => setFilter({ q: v.trim() })}
          enterButton={t('common.search')}
          style={{ width: 280, maxWidth: '100%' }}
        />
        <Select<Role>
          id="userRoleFilter"
          aria-label={t('users.filterRole')}
          placeholder={t('users.filterRole')}
          allowClear
          value={filters.role}
          onChange={(v) => setFilter({ role: v })}
          options={ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))}
          style={{ width: 180 }}
        />
        <Select<UserStatus>
          id="userStatusFilter"
          aria-label={t('users.filterStatus')}
          placeholder={t('users.filterStatus')}
          allowClear
          value={filters.status}
          onChange={(v) => setFilter({ status: v })}
          options={[
            { value: 'active', label: t('users.status.active') },
            { value: 'disabled', label: t('users.status.disabled') },
          ]}
          style={{ width: 140 }}
        />
        <OrgUnitTreeSelect
          id="userOrgFilter"
          aria-label={t('users.filterOrg')}
          placeholder={t('users.filterOrg')}
          allowClear
          value={filters.orgUnitId}
          onChange={(v) => setFilter({ orgUnitId: v })}
          style={{ width: 200 }}
        />
        <Button
          onClick={() => {
            setSearch('');
            setFilters({ q: '' });
            setSort({});
            setPage(1);
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<UserView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onChange={onTableChange}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
      {drawer.seq > 0 ? (
        <UserFormDrawer
          key={drawer.seq}
          open={drawer.open}
          user={drawer.user}
          onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        />
      ) : null}
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
