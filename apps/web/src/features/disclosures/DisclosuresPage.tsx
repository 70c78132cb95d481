import { useState } from 'react';
import { Button, Form, Input, Modal, Segmented, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  type CreateDisclosureInput,
  DISCLOSURE_KIND_LABELS,
  DISCLOSURE_KINDS,
  DISCLOSURE_SOURCE_LABELS,
  DISCLOSURE_SOURCE_TYPES,
  DISCLOSURE_STATE_LABELS,
  DISCLOSURE_STATUSES,
  type DisclosureListItem,
  type DisclosureStatus,
} from '@hazard-ledger/domain';
import {
  createDisclosure,
  disclosureKeys,
  listDisclosures,
  type DisclosureListQuery,
} from '../../api/disclosures-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { STATE_COLORS, statusLabel } from './disclosure-labels';
import '../../i18n/messages-disclosures';

const ALL = 'all';

/** /disclosures — the publicity office's cases: filter by status, create from a record by number. */
export function DisclosuresPage() {
  const { t, label } = useLocale();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = DISCLOSURE_STATUSES.includes(statusParam as DisclosureStatus)
    ? (statusParam as DisclosureStatus)
    : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query: DisclosureListQuery = { page, pageSize: 20, status };
  const list = useQuery({
    queryKey: disclosureKeys.list(query),
    queryFn: ({ signal }) => listDisclosures(query, signal),
    placeholderData: keepPreviousData,
  });
  const [creating, setCreating] = useState(false);

  const setQuery = (next: { status?: DisclosureStatus; page?: number }) => {
    const p = new URLSearchParams();
    if (next.status) p.set('status', next.status);
    if (next.page && next.page > 1) p.set('page', String(next.page));
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('disclosures.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="disclosure-create"
          >
            {t('disclosures.create')}
          </Button>
        }
      />
      <Segmented<string>
        aria-label={t('disclosures.filterStatus')}
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        value={status ?? ALL}
        onChange={(v) => setQuery({ status: v === ALL ? undefined : (v as DisclosureStatus) })}
        options={[
          { value: ALL, label: t('disclosures.all') },
          ...DISCLOSURE_STATUSES.map((s) => ({
            value: s,
            label: `${label(statusLabel(s))} ${list.data?.countsByStatus[s] ?? 0}`,
          })),
        ]}
      />
      <ErrorAlert error={list.error} />
      <Table<DisclosureListItem>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('disclosures.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: (p) => setQuery({ status, page: p }),
        }}
        columns={[
          {
            title: t('disclosures.col.title'),
            dataIndex: 'title',
            render: (_, r) => <Link to={`/disclosures/${r.id}`}>{r.title}</Link>,
          },
          {
            title: t('disclosures.col.kind'),
            dataIndex: 'kind',
            width: 130,
            render: (_, r) => label(DISCLOSURE_KIND_LABELS[r.kind]),
          },
          {
            title: t('disclosures.col.source'),
            dataIndex: 'sourceLabel',
            width: 200,
            render: (_, r) => `${label(DISCLOSURE_SOURCE_LABELS[r.sourceType])} ${r.sourceLabel}`,
          },
          {
            title: t('disclosures.col.state'),
            dataIndex: 'state',
            width: 140,
            render: (_, r) => (
              <Tag color={STATE_COLORS[r.state]}>{label(DISCLOSURE_STATE_LABELS[r.state])}</Tag>
            ),
          },
          {
            title: t('disclosures.col.window'),
            width: 200,
            render: (_, r) =>
              r.publishFrom || r.publishUntil
                ? `${r.publishFrom ?? '…'} ~ ${r.publishUntil ?? '…'}`
                : '—',
          },
          { title: t('disclosures.col.preparedBy'), dataIndex: 'preparedByName', width: 100 },
          {
            title: t('disclosures.col.updatedAt'),
            dataIndex: 'updatedAt',
            width: 170,
            render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }),
          },
        ]}
      />
      <CreateDisclosureModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

/** Picks the source record by its number and creates the draft. */
function CreateDisclosureModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, label } = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateDisclosureInput>();
  const create = useMutation({
    mutationFn: createDisclosure,
    onSuccess: async (d) => {
      await queryClient.invalidateQueries({ queryKey: disclosureKeys.all });
      onClose();
      void navigate(`/disclosures/${d.id}`);
    },
  });
  return (
    <Modal
      open={open}
      title={t('disclosures.create.title')}
      okText={t('disclosures.create.submit')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form<CreateDisclosureInput>
        form={form}
        name="disclosureCreate"
        layout="vertical"
        initialValues={{ kind: 'typical_case', sourceType: 'penalty_case' }}
        onFinish={(v) => create.mutate({ ...v, sourceNumber: v.sourceNumber.trim() })}
      >
        <Form.Item name="kind" label={t('disclosures.create.kind')} rules={[{ required: true }]}>
          <Select
            options={DISCLOSURE_KINDS.map((k) => ({
              value: k,
              label: label(DISCLOSURE_KIND_LABELS[k]),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="sourceType"
          label={t('disclosures.create.sourceType')}
          rules={[{ required: true }]}
        >
          <Select
            options={DISCLOSURE_SOURCE_TYPES.map((s) => ({
              value: s,
              label: label(DISCLOSURE_SOURCE_LABELS[s]),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="sourceNumber"
          label={t('disclosures.create.sourceNumber')}
          extra={t('disclosures.create.sourceNumberHint')}
          rules={[
            { required: true, whitespace: true, message: t('disclosures.create.sourceNumber') },
          ]}
        >
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
