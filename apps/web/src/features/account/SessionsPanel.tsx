import { App as AntApp, Button, Popconfirm, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listSessions, revokeSession } from '../../api/auth-api';
import { queryKeys } from '../../api/query-keys';
import type { SessionInfo } from '../../api/types';
import { useLocale } from '../../i18n/locale-context';
import { ErrorAlert, errorMessage } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import '../../i18n/messages-users';

/** My sessions; every one but the current can be revoked. */
export function SessionsPanel() {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: queryKeys.sessions, queryFn: listSessions });
  const revoke = useMutation({
    mutationFn: revokeSession,
    onSuccess: async () => {
      void message.success(t('account.revoked'));
      await queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    },
    onError: (e) => void message.error(errorMessage(e, t('common.unexpectedError'))),
  });

  return (
    <>
      <ErrorAlert error={sessions.error} />
      <Table<SessionInfo>
        rowKey="id"
        size="middle"
        loading={sessions.isFetching}
        dataSource={sessions.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          {
            title: t('account.sessionCreated'),
            key: 'createdAt',
            render: (_: unknown, s) => formatDateTime(s.createdAt),
          },
          {
            title: t('account.sessionLastSeen'),
            key: 'lastSeenAt',
            render: (_: unknown, s) => formatDateTime(s.lastSeenAt),
          },
          { title: t('account.sessionIp'), key: 'ip', render: (_: unknown, s) => s.ip ?? '—' },
          {
            title: t('account.sessionAgent'),
            key: 'userAgent',
            ellipsis: true,
            render: (_: unknown, s) => s.userAgent ?? '—',
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, s) =>
              s.current ? (
                <Tag color="blue">{t('account.sessionCurrent')}</Tag>
              ) : (
                <Popconfirm
                  title={t('account.confirmRevoke')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => revoke.mutateAsync(s.id).catch(() => undefined)}
                >
                  <Button
                    type="link"
                    size="small"
                    danger
                    loading={revoke.isPending && revoke.variables === s.id}
                  >
                    {t('account.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </>
  );
}
