import { useState } from 'react';
import { App as AntApp, Button, Flex, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  listHazardSources,
  voidHazardSource,
  type HazardSourceView,
} from '../../../api/enterprises-api';
import { queryKeys } from '../../../api/query-keys';
import { ErrorAlert, errorMessage } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import { LevelTag } from '../enterprise-labels';
import { RESPONSIBLE_ROLES, type ResponsibleRole } from './hazard-source-form';
import { HazardSourceFormDrawer, ROLE_KEYS } from './HazardSourceFormDrawer';
import { fullRecordFor } from './personal-data';
import { RevealButton } from './RevealButton';
import type { EnterpriseTabProps } from './tab-types';
import { VoidRecordModal } from './VoidRecordModal';

type FormState = { open: boolean; source: HazardSourceView | null; seq: number };

function Responsible({ person }: { person: { name: string; phone: string | null } }) {
  return (
    <Flex vertical>
      <span>{person.name}</span>
      {person.phone ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
          {person.phone}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** 重大危险源: level, substances and the three 包保 persons; add, edit and void. */
export function HazardSourcesTab({ enterprise, personal }: EnterpriseTabProps) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const { can } = enterprise;
  const key = queryKeys.enterpriseSources(enterprise.id);
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => listHazardSources(enterprise.id, signal),
  });
  const [form, setForm] = useState<FormState>({ open: false, source: null, seq: 0 });
  const [voiding, setVoiding] = useState<HazardSourceView | null>(null);
  const [opening, setOpening] = useState<number | null>(null);

  // Adding the first source (or voiding the last) changes the enterprise's 重大危险源 tag, so the
  // enterprise and what hangs under it (this list included) are reloaded.
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.enterprise(enterprise.id) });

  const openEdit = async (s: HazardSourceView) => {
    setOpening(s.id);
    try {
      const full = await fullRecordFor(personal, s, (d) => d.hazardSources, personal.source);
      setForm((f) => ({ open: true, source: full, seq: f.seq + 1 }));
    } catch (e) {
      void message.error(errorMessage(e, t('common.unexpectedError')));
    } finally {
      setOpening(null);
    }
  };

  const rows = [...(list.data?.items ?? [])]
    .sort((a, b) => a.level - b.level || a.id - b.id)
    .map(personal.source);

  const roleColumn = (role: ResponsibleRole) => ({
    title: t(ROLE_KEYS[role]),
    key: role,
    width: 130,
    render: (_: unknown, s: HazardSourceView) => <Responsible person={s[role]} />,
  });

  const columns: TableColumnsType<HazardSourceView> = [
    { title: t('sources.name'), dataIndex: 'name', key: 'name', width: 160 },
    {
      title: t('sources.level'),
      key: 'level',
      width: 80,
      render: (_: unknown, s) => <LevelTag level={s.level} />,
    },
    {
      title: t('sources.substances'),
      key: 'substances',
      width: 180,
      render: (_: unknown, s) => s.substances ?? '—',
    },
    {
      title: t('sources.responsible'),
      key: 'responsible',
      children: RESPONSIBLE_ROLES.map(roleColumn),
    },
  ];
  if (can.editPeople) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_: unknown, s) => (
        <Space size={0}>
          {can.revealPersonal ? (
            <Button
              type="link"
              size="small"
              loading={opening === s.id}
              onClick={() => void openEdit(s)}
            >
              {t('common.edit')}
            </Button>
          ) : null}
          <Button type="link" size="small" danger onClick={() => setVoiding(s)}>
            {t('void.action')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {personal.revealed ? t('personal.shown') : t('personal.maskedPhones')}
        </Typography.Text>
        <Flex gap={8} wrap align="center">
          {can.revealPersonal ? <RevealButton personal={personal} /> : null}
          {can.editPeople ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm((f) => ({ open: true, source: null, seq: f.seq + 1 }))}
            >
              {t('sources.add')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<HazardSourceView>
        rowKey="id"
        size="middle"
        bordered
        columns={columns}
        dataSource={rows}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 940 }}
        locale={{ emptyText: t('sources.empty') }}
      />
      {form.seq > 0 ? (
        <HazardSourceFormDrawer
          key={form.seq}
          enterpriseId={enterprise.id}
          source={form.source}
          open={form.open}
          onClose={() => setForm((f) => ({ ...f, open: false }))}
          onSaved={(saved) => {
            personal.rememberSource(saved);
            void refresh();
          }}
          onStale={() => void refresh()}
        />
      ) : null}
      <VoidRecordModal
        open={voiding !== null}
        title={voiding ? t('sources.voidTitle', { name: voiding.name }) : ''}
        version={voiding?.version ?? 1}
        onClose={() => setVoiding(null)}
        onVoid={async (body) => {
          if (!voiding) return;
          try {
            await voidHazardSource(enterprise.id, voiding.id, body);
            void message.success(t('sources.voided'));
          } finally {
            void refresh();
          }
        }}
      />
    </>
  );
}
