import { useState } from 'react';
import { Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  OPERATION_CATEGORY_LABELS,
  type OperationTrainingView,
  type StaffTrainingView,
} from '@hazard-ledger/domain';
import { listOperationTrainings, listStaffTrainings, staffKeys } from '../../api/staff-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { OperationTrainingModal, StaffTrainingModal } from './training-forms';

/** Where a special-operation session stands for enrolment. */
export function TrainingStateTag({ training }: { training: OperationTrainingView }) {
  const { t } = useLocale();
  if (training.voidedAt) return <Tag>{t('training.cancelled')}</Tag>;
  return training.open ? (
    <Tag color="green">{t('training.open')}</Tag>
  ) : (
    <Tag color="default">{t('training.closed')}</Tag>
  );
}

/**
 * /trainings — the brigade's topic training of its staff (§二(二)2) and the special-operation
 * training sessions the bureau announces to enterprises (§二(二)4).
 */
export function TrainingsPage() {
  const { t } = useLocale();
  return (
    <>
      <PageHeader title={t('nav.trainings')} />
      <Tabs
        items={[
          { key: 'staff', label: t('training.staffTab'), children: <StaffTrainings /> },
          { key: 'operation', label: t('training.operationTab'), children: <OperationTrainings /> },
        ]}
      />
    </>
  );
}

function StaffTrainings() {
  const { t } = useLocale();
  const list = useQuery({
    queryKey: staffKeys.trainings,
    queryFn: ({ signal }) => listStaffTrainings(signal),
  });
  const [editing, setEditing] = useState<StaffTrainingView | 'new' | null>(null);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('training.add')}
        </Button>
      </Space>
      <ErrorAlert error={list.error} />
      <Table<StaffTrainingView>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('training.heldOn'), dataIndex: 'heldOn' },
          {
            title: t('training.topic'),
            render: (_, r) => (
              <Space size={4}>
                <Link to={`/trainings/${r.id}?kind=staff`}>{r.topic}</Link>
                {r.voidedAt ? <Tag>{t('training.voided')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('training.hours'), dataIndex: 'hours' },
          { title: t('training.trainer'), dataIndex: 'trainer' },
          {
            title: t('training.attendees'),
            render: (_, r) => (
              <Typography.Text>{r.attendees.map((a) => a.name).join('、') || '—'}</Typography.Text>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, r) =>
              r.voidedAt ? null : (
                <Button size="small" type="link" onClick={() => setEditing(r)}>
                  {t('common.edit')}
                </Button>
              ),
          },
        ]}
      />
      {editing ? (
        <StaffTrainingModal
          record={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

function OperationTrainings() {
  const { t, label } = useLocale();
  const list = useQuery({
    queryKey: staffKeys.operationTrainings,
    queryFn: ({ signal }) => listOperationTrainings(signal),
  });
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('training.announce')}
        </Button>
      </Space>
      <ErrorAlert error={list.error} />
      <OperationTrainingTable
        loading={list.isPending}
        items={list.data?.items ?? []}
        linkOf={(r) => `/trainings/${r.id}`}
        categoryLabel={(r) => label(OPERATION_CATEGORY_LABELS[r.category])}
      />
      {creating ? (
        <OperationTrainingModal record={null} onClose={() => setCreating(false)} />
      ) : null}
    </>
  );
}

/** Sessions with their enrolment state (shared by the bureau's and the enterprise's pages). */
export function OperationTrainingTable({
  items,
  loading,
  linkOf,
  categoryLabel,
}: {
  items: OperationTrainingView[];
  loading: boolean;
  linkOf: (r: OperationTrainingView) => string;
  categoryLabel: (r: OperationTrainingView) => string;
}) {
  const { t } = useLocale();
  return (
    <Table<OperationTrainingView>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('training.none') }}
      columns={[
        {
          title: t('training.title'),
          render: (_, r) => <Link to={linkOf(r)}>{r.title}</Link>,
        },
        { title: t('training.category'), render: (_, r) => categoryLabel(r) },
        { title: t('training.startsOn'), dataIndex: 'startsOn' },
        { title: t('training.place'), dataIndex: 'place' },
        { title: t('training.enrolDeadline'), dataIndex: 'enrolDeadline' },
        {
          title: t('training.enrolled'),
          render: (_, r) => `${r.enrolled}/${r.capacity}`,
        },
        { title: '', render: (_, r) => <TrainingStateTag training={r} /> },
      ]}
    />
  );
}
