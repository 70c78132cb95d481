import { useState } from 'react';
import { App as AntApp, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PERSON_KIND_LABELS } from '@hazard-ledger/domain';
import { listPeople, voidPerson, type PersonView } from '../../../api/enterprises-api';
import { queryKeys } from '../../../api/query-keys';
import { ErrorAlert, errorMessage } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import { PersonFormModal } from './PersonFormModal';
import { PERSON_KIND_ORDER } from './person-form';
import { fullRecordFor } from './personal-data';
import { RevealButton } from './RevealButton';
import type { EnterpriseTabProps } from './tab-types';
import { VoidRecordModal } from './VoidRecordModal';

const KIND_COLOR = { main_leader: 'geekblue', safety_manager: 'cyan', expert: 'purple' } as const;

/** 考核合格 flag as a tag. */
export function AssessedTag({ assessed }: { assessed: boolean | null }) {
  const { t } = useLocale();
  if (assessed === null)
    return <Typography.Text type="secondary">{t('people.assessedUnknown')}</Typography.Text>;
  return assessed ? (
    <Tag color="green">{t('people.assessedYes')}</Tag>
  ) : (
    <Tag color="red">{t('people.assessedNo')}</Tag>
  );
}

type FormState = { open: boolean; person: PersonView | null; seq: number };

/** The leader, safety managers and experts: masked by default, full data on request (audited). */
export function PeopleTab({ enterprise, personal }: EnterpriseTabProps) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const { can } = enterprise;
  const key = queryKeys.enterprisePeople(enterprise.id);
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => listPeople(enterprise.id, signal),
  });
  const [form, setForm] = useState<FormState>({ open: false, person: null, seq: 0 });
  const [voiding, setVoiding] = useState<PersonView | null>(null);
  const [opening, setOpening] = useState<number | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  const openEdit = async (p: PersonView) => {
    setOpening(p.id);
    try {
      const full = await fullRecordFor(personal, p, (d) => d.people, personal.person);
      setForm((f) => ({ open: true, person: full, seq: f.seq + 1 }));
    } catch (e) {
      void message.error(errorMessage(e, t('common.unexpectedError')));
    } finally {
      setOpening(null);
    }
  };

  const rows = [...(list.data?.items ?? [])]
    .sort((a, b) => PERSON_KIND_ORDER[a.kind] - PERSON_KIND_ORDER[b.kind] || a.id - b.id)
    .map(personal.person);
  const hasLeader = rows.some((p) => p.kind === 'main_leader');
  const mono = { fontFamily: 'monospace' };

  const columns: TableColumnsType<PersonView> = [
    { title: t('people.name'), dataIndex: 'name', key: 'name', width: 100 },
    {
      title: t('people.kind'),
      key: 'kind',
      width: 120,
      render: (_: unknown, p) => (
        <Tag color={KIND_COLOR[p.kind]} style={{ marginInlineEnd: 0 }}>
          {label(PERSON_KIND_LABELS[p.kind])}
        </Tag>
      ),
    },
    {
      title: t('people.position'),
      key: 'position',
      width: 120,
      render: (_: unknown, p) => p.position ?? '—',
    },
    {
      title: t('people.phone'),
      key: 'phone',
      width: 140,
      render: (_: unknown, p) => (p.phone ? <span style={mono}>{p.phone}</span> : '—'),
    },
    {
      title: t('people.idNumber'),
      key: 'idNumber',
      width: 190,
      render: (_: unknown, p) => (p.idNumber ? <span style={mono}>{p.idNumber}</span> : '—'),
    },
    {
      title: t('people.assessedShort'),
      key: 'assessed',
      width: 110,
      render: (_: unknown, p) => <AssessedTag assessed={p.assessed} />,
    },
    {
      title: t('people.specialty'),
      key: 'specialty',
      width: 140,
      render: (_: unknown, p) => p.specialty ?? '—',
    },
  ];
  if (can.editPeople) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_: unknown, p) => (
        <Space size={0}>
          {/* Editing sends every field back, so it needs the full numbers (revealPersonal). */}
          {can.revealPersonal ? (
            <Button
              type="link"
              size="small"
              loading={opening === p.id}
              onClick={() => void openEdit(p)}
            >
              {t('common.edit')}
            </Button>
          ) : null}
          <Button type="link" size="small" danger onClick={() => setVoiding(p)}>
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
          {personal.revealed ? t('personal.shown') : t('personal.masked')}
        </Typography.Text>
        <Flex gap={8} wrap align="center">
          {can.revealPersonal ? <RevealButton personal={personal} /> : null}
          {can.editPeople ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm((f) => ({ open: true, person: null, seq: f.seq + 1 }))}
            >
              {t('people.add')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <ErrorAlert error={list.error} />
      {list.isSuccess && !hasLeader ? (
        <Typography.Paragraph type="warning">{t('people.noLeader')}</Typography.Paragraph>
      ) : null}
      <Table<PersonView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 950 }}
        locale={{ emptyText: t('people.empty') }}
      />
      {form.seq > 0 ? (
        <PersonFormModal
          key={form.seq}
          enterpriseId={enterprise.id}
          person={form.person}
          open={form.open}
          onClose={() => setForm((f) => ({ ...f, open: false }))}
          onSaved={(saved) => {
            personal.rememberPerson(saved);
            void refresh();
          }}
          onStale={() => void refresh()}
        />
      ) : null}
      <VoidRecordModal
        open={voiding !== null}
        title={voiding ? t('people.voidTitle', { name: voiding.name }) : ''}
        version={voiding?.version ?? 1}
        onClose={() => setVoiding(null)}
        onVoid={async (body) => {
          if (!voiding) return;
          try {
            await voidPerson(enterprise.id, voiding.id, body);
            void message.success(t('people.voided'));
          } finally {
            void refresh();
          }
        }}
      />
    </>
  );
}
