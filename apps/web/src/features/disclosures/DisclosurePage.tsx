import { useEffect, useState } from 'react';
import {
  App as AntApp,
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  DISCLOSURE_ACTION_LABELS,
  DISCLOSURE_KIND_LABELS,
  DISCLOSURE_KINDS,
  DISCLOSURE_SOURCE_LABELS,
  DISCLOSURE_STATE_LABELS,
  type DisclosureAction,
  type DisclosureDetail,
  type DisclosureKind,
  type RedactedPart,
  type RedactionBox,
  REMOVAL_KIND_LABELS,
  type RemovedItem,
  SECTOR_LABELS,
} from '@hazard-ledger/domain';
import {
  actOnDisclosure,
  addDisclosurePhoto,
  disclosureKeys,
  disclosurePhotoUrl,
  getDisclosure,
  removeDisclosurePhoto,
  setDisclosurePhotoBoxes,
  updateDisclosure,
} from '../../api/disclosures-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { STATE_COLORS } from './disclosure-labels';
import { PhotoBoxEditor } from './PhotoBoxEditor';
import '../../i18n/messages-disclosures';

type EditorValues = {
  kind: DisclosureKind;
  title: string;
  text: string;
  manualRedactions: string[];
  publishFrom: string;
  publishUntil: string;
};

/** The redacted text with each replacement highlighted. */
export function RedactedText({ parts }: { parts: RedactedPart[] }) {
  return (
    <span style={{ whiteSpace: 'pre-wrap' }}>
      {parts.map((p, i) =>
        p.kind ? (
          <mark key={i} data-removal={p.kind} style={{ background: '#ffe58f', padding: '0 2px' }}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}

/** /disclosures/:id — editor, redaction preview, photo boxes and the workflow buttons. */
export function DisclosurePage() {
  const { t, label } = useLocale();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const query = useQuery({
    queryKey: disclosureKeys.one(id),
    queryFn: ({ signal }) => getDisclosure(id, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
  const d = query.data;

  const store = async (next: DisclosureDetail) => {
    queryClient.setQueryData(disclosureKeys.one(id), next);
    await queryClient.invalidateQueries({ queryKey: ['disclosures', 'list'] });
  };

  const [reasonFor, setReasonFor] = useState<DisclosureAction | null>(null);
  const act = useMutation({
    mutationFn: (v: { action: DisclosureAction; reason?: string }) =>
      actOnDisclosure(id, { ...v, version: d!.version }),
    onSuccess: async (next) => {
      await store(next);
      setReasonFor(null);
      void message.success(t('disclosure.done'));
    },
  });

  if (query.error) return <ErrorAlert error={query.error} />;
  if (!d) return null;
  const editable = d.status === 'draft';

  return (
    <>
      <PageHeader
        title={d.title}
        extra={
          <>
            <Link to="/disclosures">{t('disclosure.back')}</Link>
            {d.state === 'published' ? (
              <a href={`/cases/${d.id}`} target="_blank" rel="noreferrer">
                {t('disclosure.viewPublic')}
              </a>
            ) : null}
            {d.actions.map((a) => (
              <Button
                key={a}
                type={a === 'approve' || a === 'submit' ? 'primary' : 'default'}
                danger={a === 'unpublish'}
                loading={act.isPending && act.variables?.action === a}
                data-testid={`disclosure-action-${a}`}
                onClick={() =>
                  a === 'return' || a === 'unpublish' ? setReasonFor(a) : act.mutate({ action: a })
                }
              >
                {label(DISCLOSURE_ACTION_LABELS[a])}
              </Button>
            ))}
          </>
        }
      />
      {reasonFor === null ? <ErrorAlert error={act.error} /> : null}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'state',
            label: t('disclosures.col.state'),
            children: (
              <Tag color={STATE_COLORS[d.state]} data-testid="disclosure-state">
                {label(DISCLOSURE_STATE_LABELS[d.state])}
              </Tag>
            ),
          },
          {
            key: 'kind',
            label: t('disclosures.col.kind'),
            children: label(DISCLOSURE_KIND_LABELS[d.kind]),
          },
          {
            key: 'source',
            label: t('disclosures.col.source'),
            children: `${label(DISCLOSURE_SOURCE_LABELS[d.sourceType])} ${d.sourceLabel}`,
          },
          {
            key: 'sector',
            label: t('disclosure.sector'),
            children: label(SECTOR_LABELS[d.sector]),
          },
          { key: 'district', label: t('disclosure.district'), children: d.districtName },
          { key: 'prepared', label: t('disclosures.col.preparedBy'), children: d.preparedByName },
          {
            key: 'submitted',
            label: t('disclosure.submittedBy'),
            children: d.submittedByName ?? '—',
          },
          { key: 'approved', label: t('disclosure.approvedBy'), children: d.approvedByName ?? '—' },
          {
            key: 'window',
            label: t('disclosures.col.window'),
            children:
              d.publishFrom || d.publishUntil
                ? `${d.publishFrom ?? '…'} ~ ${d.publishUntil ?? '…'}`
                : '—',
          },
        ]}
      />
      {d.status === 'submitted' ? (
        <Alert type="info" showIcon title={t('disclosure.fourEyes')} style={{ marginBottom: 16 }} />
      ) : null}
      {d.returnReason && d.status === 'draft' ? (
        <Alert
          type="warning"
          showIcon
          title={`${t('disclosure.returnReason')}：${d.returnReason}`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {d.unpublishReason ? (
        <Alert
          type="error"
          showIcon
          title={`${t('disclosure.unpublishReason')}：${d.unpublishReason}`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Flex vertical gap={16}>
        <EditorCard detail={d} editable={editable} onSaved={store} />
        <PreviewCard detail={d} />
        <PhotosCard detail={d} editable={editable} onSaved={store} />
      </Flex>
      <ReasonModal
        action={reasonFor}
        pending={act.isPending}
        error={act.error}
        onCancel={() => setReasonFor(null)}
        onOk={(reason) => reasonFor && act.mutate({ action: reasonFor, reason })}
      />
    </>
  );
}

function ReasonModal({
  action,
  pending,
  error,
  onCancel,
  onOk,
}: {
  action: DisclosureAction | null;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onOk: (reason: string) => void;
}) {
  const { t, label } = useLocale();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={action !== null}
      title={action ? label(DISCLOSURE_ACTION_LABELS[action]) : ''}
      confirmLoading={pending}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        name="disclosureReason"
        layout="vertical"
        onFinish={(v) => onOk(v.reason.trim())}
      >
        <Form.Item
          name="reason"
          label={t('disclosure.reason')}
          extra={action === 'unpublish' ? t('disclosure.reasonUnpublishHint') : undefined}
          rules={[{ required: true, whitespace: true, message: t('disclosure.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EditorCard({
  detail: d,
  editable,
  onSaved,
}: {
  detail: DisclosureDetail;
  editable: boolean;
  onSaved: (d: DisclosureDetail) => Promise<void>;
}) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<EditorValues>();
  useEffect(() => {
    form.setFieldsValue({
      kind: d.kind,
      title: d.title,
      text: d.text,
      manualRedactions: d.manualRedactions,
      publishFrom: d.publishFrom ?? '',
      publishUntil: d.publishUntil ?? '',
    });
  }, [d, form]);
  const save = useMutation({
    mutationFn: (v: EditorValues) =>
      updateDisclosure(d.id, {
        version: d.version,
        kind: v.kind,
        title: v.title.trim(),
        text: v.text.trim(),
        manualRedactions: v.manualRedactions.map((m) => m.trim()).filter(Boolean),
        publishFrom: v.publishFrom || null,
        publishUntil: v.publishUntil || null,
      }),
    onSuccess: async (next) => {
      await onSaved(next);
      void message.success(t('disclosure.saved'));
    },
  });
  return (
    <Card title={t('disclosure.editor')} size="small">
      <ErrorAlert error={save.error} />
      <Form<EditorValues>
        form={form}
        name="disclosureEditor"
        layout="vertical"
        disabled={!editable}
        onFinish={(v) => save.mutate(v)}
      >
        <Flex wrap gap={16}>
          <Form.Item name="kind" label={t('disclosure.field.kind')} style={{ minWidth: 200 }}>
            <Select
              options={DISCLOSURE_KINDS.map((k) => ({
                value: k,
                label: label(DISCLOSURE_KIND_LABELS[k]),
              }))}
            />
          </Form.Item>
          <Form.Item name="publishFrom" label={t('disclosure.field.publishFrom')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="publishUntil" label={t('disclosure.field.publishUntil')}>
            <Input type="date" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="title"
          label={t('disclosure.field.title')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('disclosure.field.text')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} maxLength={20000} />
        </Form.Item>
        <Form.Item
          name="manualRedactions"
          label={t('disclosure.field.manual')}
          extra={t('disclosure.field.manualHint')}
        >
          <Select mode="tags" open={false} tokenSeparators={['，', ',']} />
        </Form.Item>
        {editable ? (
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid="disclosure-save"
          >
            {t('disclosure.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}

function PreviewCard({ detail: d }: { detail: DisclosureDetail }) {
  const { t, label } = useLocale();
  const removed: (RemovedItem & { field: string })[] = [
    ...d.preview.title.removed.map((r) => ({ ...r, field: 'title' })),
    ...d.preview.text.removed.map((r) => ({ ...r, field: 'text' })),
  ];
  return (
    <Card title={t('disclosure.preview')} size="small" data-testid="disclosure-preview">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <RedactedText parts={d.preview.title.parts} />
      </Typography.Title>
      <Typography.Paragraph data-testid="disclosure-preview-text">
        <RedactedText parts={d.preview.text.parts} />
      </Typography.Paragraph>
      <Typography.Text strong>
        {t('disclosure.removed')}（{t('disclosure.removedCount', { n: removed.length })}）
      </Typography.Text>
      <Table<RemovedItem & { field: string }>
        size="small"
        data-testid="disclosure-removed"
        rowKey={(r) => `${r.field}-${r.start}`}
        dataSource={removed}
        pagination={false}
        locale={{ emptyText: t('disclosure.removed.none') }}
        style={{ marginTop: 8 }}
        columns={[
          {
            title: t('disclosure.removed.kind'),
            dataIndex: 'kind',
            width: 120,
            render: (_, r) => label(REMOVAL_KIND_LABELS[r.kind]),
          },
          {
            title: t('disclosure.removed.original'),
            dataIndex: 'original',
            render: (v: string) => <Typography.Text delete>{v}</Typography.Text>,
          },
          { title: t('disclosure.removed.replacement'), dataIndex: 'replacement' },
        ]}
      />
      {d.personNames.length ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('disclosure.personNames')}：</Typography.Text>
          <Space size={[4, 4]} wrap>
            {d.personNames.map((n) => (
              <Tag key={n}>{n}</Tag>
            ))}
          </Space>
        </div>
      ) : null}
    </Card>
  );
}

function PhotosCard({
  detail: d,
  editable,
  onSaved,
}: {
  detail: DisclosureDetail;
  editable: boolean;
  onSaved: (d: DisclosureDetail) => Promise<void>;
}) {
  const { t } = useLocale();
  const add = useMutation({
    mutationFn: (fileId: number) => addDisclosurePhoto(d.id, fileId),
    onSuccess: onSaved,
  });
  const used = new Set(d.photos.map((p) => p.sourceFileId));
  const available = d.sourcePhotos.filter((p) => !used.has(p.fileId));
  return (
    <Card title={t('disclosure.photos')} size="small">
      <Typography.Paragraph type="secondary">{t('disclosure.photos.hint')}</Typography.Paragraph>
      <ErrorAlert error={add.error} />
      {editable ? (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('disclosure.photos.source')}：</Typography.Text>{' '}
          {d.sourcePhotos.length === 0 ? (
            <Typography.Text type="secondary">{t('disclosure.photos.none')}</Typography.Text>
          ) : (
            <Space wrap>
              {available.map((p) => (
                <Button
                  key={p.fileId}
                  size="small"
                  loading={add.isPending}
                  onClick={() => add.mutate(p.fileId)}
                >
                  {t('disclosure.photos.add')} {p.hazardNumber} {p.fileName}
                </Button>
              ))}
            </Space>
          )}
        </div>
      ) : null}
      <Flex vertical gap={16}>
        {d.photos.map((photo) => (
          <PhotoRow
            // Remount when the saved boxes change, so the local draft starts from them.
            key={`${photo.id}:${JSON.stringify(photo.boxes)}`}
            disclosureId={d.id}
            photo={photo}
            version={d.version}
            editable={editable}
            onSaved={onSaved}
          />
        ))}
      </Flex>
    </Card>
  );
}

function PhotoRow({
  disclosureId,
  photo,
  version,
  editable,
  onSaved,
}: {
  disclosureId: number;
  photo: DisclosureDetail['photos'][number];
  version: number;
  editable: boolean;
  onSaved: (d: DisclosureDetail) => Promise<void>;
}) {
  const { t } = useLocale();
  const [boxes, setBoxes] = useState<RedactionBox[]>(photo.boxes);
  const save = useMutation({
    mutationFn: () => setDisclosurePhotoBoxes(disclosureId, photo.id, boxes),
    onSuccess: onSaved,
  });
  const remove = useMutation({
    mutationFn: () => removeDisclosurePhoto(disclosureId, photo.id),
    onSuccess: onSaved,
  });
  return (
    <Card size="small" type="inner" title={photo.fileName}>
      <ErrorAlert error={save.error ?? remove.error} />
      <Flex wrap gap={16}>
        <div style={{ maxWidth: '100%' }}>
          <Typography.Text type="secondary">{t('disclosure.photos.original')}</Typography.Text>
          <div>
            <PhotoBoxEditor
              src={disclosurePhotoUrl(disclosureId, photo.id, 'original')}
              alt={photo.fileName}
              boxes={boxes}
              disabled={!editable}
              onChange={setBoxes}
            />
          </div>
          {editable ? (
            <Space wrap style={{ marginTop: 8 }}>
              <Typography.Text>
                {t('disclosure.photos.boxCount', { n: boxes.length })}
              </Typography.Text>
              <Button
                type="primary"
                size="small"
                loading={save.isPending}
                onClick={() => save.mutate()}
              >
                {t('disclosure.photos.saveBoxes')}
              </Button>
              <Button size="small" onClick={() => setBoxes([])}>
                {t('disclosure.photos.clearBoxes')}
              </Button>
              <Button
                size="small"
                danger
                loading={remove.isPending}
                onClick={() => remove.mutate()}
              >
                {t('disclosure.photos.remove')}
              </Button>
            </Space>
          ) : null}
        </div>
        {photo.redactedReady ? (
          <div style={{ maxWidth: '100%' }}>
            <Typography.Text type="secondary">{t('disclosure.photos.redacted')}</Typography.Text>
            <div>
              <img
                src={disclosurePhotoUrl(disclosureId, photo.id, 'redacted', `${version}`)}
                alt={t('publicCases.photoAlt')}
                style={{ display: 'block', maxWidth: '100%', maxHeight: 480 }}
              />
            </div>
          </div>
        ) : null}
      </Flex>
    </Card>
  );
}
