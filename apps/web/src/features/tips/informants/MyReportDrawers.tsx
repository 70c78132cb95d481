import { useEffect, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Grid,
  Image,
  List,
  Select,
  Spin,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { UploadProps } from 'antd';
import { CameraOutlined, FileOutlined, PictureOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SECTOR_LABELS, type FieldError, type MyReportDetail } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import {
  getMyReport,
  informantKeys,
  listReportEnterprises,
  myReportFileUrl,
  submitMyReport,
  uploadMyReportFile,
} from '../../../api/informants-api';
import { applyFieldErrors } from '../../../components/form-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { InfoNote } from '../../../components/InfoNote';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { parseReport, ReportFields } from './InformantDialogs';
import { TipStatusTag, VerificationText } from './labels';

/** The server's default upload limit; checked here to fail fast. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const FILE_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.pdf';

/** Picks an enterprise of my district and sectors (GET /my-reports/enterprises?q=). */
function ReportEnterpriseSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
}) {
  const { label } = useLocale();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);
  const { data, isFetching } = useQuery({
    queryKey: informantKeys.reportEnterprises(q),
    queryFn: ({ signal }) => listReportEnterprises(q, signal),
    staleTime: 60_000,
  });
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setInput }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      loading={isFetching}
      allowClear
      options={(data?.items ?? []).map((e) => ({
        value: e.id,
        label: `${e.name}（${label(SECTOR_LABELS[e.sector])}）`,
      }))}
    />
  );
}

type ReportValues = {
  enterpriseId?: number | null;
  subject?: string;
  place?: string;
  description?: string;
};

/** The informant's report form; on success the new report opens for photos. */
export function ReportFormDrawer({
  onClose,
  onSubmitted,
}: {
  onClose: () => void;
  onSubmitted: (report: MyReportDetail) => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<ReportValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, [
      'enterpriseId',
      'subject',
      'place',
      'description',
    ]);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };
  const mutation = useMutation({
    mutationFn: async (v: ReportValues) => {
      const body = parseReport(v, showErrors, t('common.invalidField'));
      return body ? submitMyReport(body) : null;
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('inf.report.submitted', { number: saved.number }));
      await queryClient.invalidateQueries({ queryKey: informantKeys.myReports });
      onSubmitted(saved);
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('inf.report.newTitle')}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {t('inf.report.submit')}
          </Button>
        </Flex>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<ReportValues>
        form={form}
        name="my-report"
        layout="vertical"
        onFinish={(v) => {
          setFormError(null);
          mutation.mutate(v);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <ReportFields enterpriseInput={<ReportEnterpriseSelect />} />
      </Form>
    </Drawer>
  );
}

/** Photo buttons of a report: the camera on phones, the library or a PDF everywhere. */
function ReportUpload({ reportId }: { reportId: number }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const phone = !Grid.useBreakpoint().md;
  const [busy, setBusy] = useState(false);
  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (file.size > MAX_UPLOAD_BYTES) {
      void message.error(t('inf.report.tooLarge'));
      return Upload.LIST_IGNORE;
    }
    return true;
  };
  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setBusy(true);
    uploadMyReportFile(reportId, file as File)
      .then(async (saved) => {
        onSuccess?.(saved);
        void message.success(t('inf.report.uploaded', { name: saved.fileName }));
        await queryClient.invalidateQueries({ queryKey: informantKeys.myReport(reportId) });
      })
      .catch((e: unknown) => {
        onError?.(e instanceof Error ? e : new Error(String(e)));
        void message.error(e instanceof ApiError ? e.message : t('common.unexpectedError'));
      })
      .finally(() => setBusy(false));
  };
  const common = { showUploadList: false, beforeUpload, customRequest, disabled: busy };
  return (
    <Flex gap={8} wrap>
      {phone ? (
        <Upload {...common} accept="image/*" capture="environment">
          <Button type="primary" ghost icon={<CameraOutlined />} loading={busy} size="large">
            {t('inf.report.takePhoto')}
          </Button>
        </Upload>
      ) : null}
      <Upload {...common} accept={FILE_ACCEPT}>
        <Button icon={<PictureOutlined />} loading={busy} size={phone ? 'large' : 'middle'}>
          {t('inf.report.choosePhoto')}
        </Button>
      </Upload>
    </Flex>
  );
}

/** One of my reports: status, what I wrote, the replies to me, and my photos. */
export function ReportDetailDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useLocale();
  const screens = Grid.useBreakpoint();
  const report = useQuery({
    queryKey: informantKeys.myReport(id),
    queryFn: ({ signal }) => getMyReport(id, signal),
  });
  const r = report.data;
  return (
    <Drawer
      open
      onClose={onClose}
      title={r ? t('inf.report.detailTitle', { number: r.number }) : ''}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
    >
      <ErrorAlert error={report.error} />
      <Spin spinning={report.isLoading}>
        {r ? (
          <Flex vertical gap={16}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('inf.report.status')}>
                <Flex gap={8} wrap align="center">
                  <TipStatusTag status={r.status} />
                  {r.enteredByStaff ? <Tag>{t('inf.report.byStaff')}</Tag> : null}
                </Flex>
              </Descriptions.Item>
              <Descriptions.Item label={t('inf.report.result')}>
                <VerificationText result={r.verificationResult} />
              </Descriptions.Item>
              <Descriptions.Item label={t('inf.report.enterprise')}>
                {r.enterpriseName ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('inf.report.subject')}>{r.subject}</Descriptions.Item>
              {r.place ? (
                <Descriptions.Item label={t('inf.report.place')}>{r.place}</Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('inf.report.receivedAt')}>
                {formatDateTime(r.receivedAt)}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {r.description}
            </Typography.Paragraph>

            <div>
              <Typography.Title level={5}>{t('inf.report.replies')}</Typography.Title>
              {r.messages.length === 0 ? (
                <Typography.Text type="secondary">{t('inf.report.noReplies')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={r.messages}
                  renderItem={(m) => (
                    <List.Item key={m.id}>
                      <Flex vertical gap={4} style={{ width: '100%' }}>
                        <Flex justify="space-between" gap={8}>
                          <Tag color={m.kind === 'question' ? 'orange' : 'blue'}>
                            {m.kind === 'question'
                              ? t('inf.report.question')
                              : t('inf.report.reply')}
                          </Tag>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {formatDateTime(m.createdAt)}
                          </Typography.Text>
                        </Flex>
                        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
                          {m.body}
                        </Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              )}
            </div>

            <div>
              <Typography.Title level={5}>{t('inf.report.photos')}</Typography.Title>
              {r.canAddFiles ? (
                <>
                  <InfoNote>{t('inf.report.photoHint')}</InfoNote>
                  <ReportUpload reportId={r.id} />
                </>
              ) : null}
              {r.files.length === 0 ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('inf.report.noPhotos')}
                />
              ) : (
                <Flex gap={8} wrap style={{ marginTop: 12 }}>
                  <Image.PreviewGroup>
                    {r.files
                      .filter((f) => f.mimeType.startsWith('image/'))
                      .map((f) => (
                        <Image
                          key={f.id}
                          src={myReportFileUrl(r.id, f.id)}
                          alt={f.fileName}
                          width={96}
                          height={96}
                          style={{ objectFit: 'cover' }}
                        />
                      ))}
                  </Image.PreviewGroup>
                  {r.files
                    .filter((f) => !f.mimeType.startsWith('image/'))
                    .map((f) => (
                      <Typography.Link
                        key={f.id}
                        href={myReportFileUrl(r.id, f.id)}
                        target="_blank"
                        rel="noopener"
                      >
                        <FileOutlined /> {f.fileName}
                      </Typography.Link>
                    ))}
                </Flex>
              )}
            </div>
          </Flex>
        ) : null}
      </Spin>
    </Drawer>
  );
}
