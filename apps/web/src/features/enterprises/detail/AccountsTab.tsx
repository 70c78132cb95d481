import { useState } from 'react';
import { Button, Flex, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { ROLE_LABELS } from '@hazard-ledger/domain';
import { listAccounts, type EnterpriseAccount } from '../../../api/enterprises-api';
import { queryKeys } from '../../../api/query-keys';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { CreateAccountModal } from './CreateAccountModal';
import type { EnterpriseTabProps } from './tab-types';

/** The sign-in accounts bound to the enterprise (shown only when can.manageAccounts). */
export function AccountsTab({ enterprise }: EnterpriseTabProps) {
  const { t, label } = useLocale();
  const list = useQuery({
    queryKey: queryKeys.enterpriseAccounts(enterprise.id),
    queryFn: ({ signal }) => listAccounts(enterprise.id, signal),
  });
  const [modal, setModal] = useState({ open: false, seq: 0 });

  const columns: TableColumnsType<EnterpriseAccount> = [
    { title: t('accounts.username'), dataIndex: 'username', key: 'username', width: 140 },
    { title: t('accounts.displayName'), dataIndex: 'displayName', key: 'displayName', width: 110 },
    {
      title: t('accounts.role'),
      key: 'role',
      width: 150,
      render: (_: unknown, a) => label(ROLE_LABELS[a.role]),
    },
    {
      title: t('accounts.status'),
      key: 'status',
      width: 90,
      render: (_: unknown, a) =>
        a.status === 'active' ? (
          <Tag color="green">{t('users.status.active')}</Tag>
        ) : (
          <Tag>{t('users.status.disabled')}</Tag>
        ),
    },
    {
      title: t('accounts.lastLoginAt'),
      key: 'lastLoginAt',
      width: 150,
      render: (_: unknown, a) => formatDateTime(a.lastLoginAt),
    },
  ];

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setModal((m) => ({ open: true, seq: m.seq + 1 }))}
        >
          {t('accounts.create')}
        </Button>
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<EnterpriseAccount>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('accounts.empty') }}
      />
      {modal.seq > 0 ? (
        <CreateAccountModal
          key={modal.seq}
          enterpriseId={enterprise.id}
          open={modal.open}
          onClose={() => setModal((m) => ({ ...m, open: false }))}
        />
      ) : null}
    </>
  );
}
