import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Select,
  Upload,
} from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  createNoticeSchema,
  MAX_NOTICE_ATTACHMENTS,
  SECTOR_LABELS,
  SECTORS,
  type AttachmentView,
  type FieldError,
  type NoticeDetail,
  type Sector,
} from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { listCampaigns } from '../../api/campaigns-api';
import { createNotice, uploadNoticeAttachment } from '../../api/notices-api';
import { queryKeys } from '../../api/query-keys';
import { useSession } from '../../auth/session-context';
import { errorMessage } from '../../components/ErrorAlert';
import { applyFieldErrors, zodFieldErrors } from '../../components/form-errors';
import { useLocale } from '../../i18n/locale-context';
import { attachmentProblem } from './attachments';
import '../../i18n/messages-notices';
import '../../i18n/messages-campaign';

type Values = { title?: string; body?: string; sectors?: Sector[]; campaignId?: number | null };

const FIELDS = ['title', 'body', 'sectors', 'campaignId'] as const;
const CAMPAIGN_QUERY = { page: 1, pageSize: 50 };

/**
 * Publishing a notice: title, body, sectors, attachments (each uploaded as soon as it is
 * chosen, then named by id) and an optional campaign. Everyone of the sectors in my territory
 * receives it.
 */
export function NoticeFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile<AttachmentView>[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const uploading = files.some((f) => f.status === 'uploading');

  const campaigns = useQuery({
    queryKey: queryKeys.campaignList(CAMPAIGN_QUERY),
    queryFn: ({ signal }) => listCampaigns(CAMPAIGN_QUERY, signal),
  });

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: Values): Promise<NoticeDetail | null> => {
      const parsed = createNoticeSchema.safeParse({
        title: v.title?.trim() ?? '',
        body: v.body?.trim() ?? '',
        sectors: v.sectors ?? [],
        attachmentIds: files
          .filter((f) => f.status === 'done' && f.response)
          .map((f) => f.response!.id),
        campaignId: v.campaignId ?? null,
      });
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return createNotice(parsed.data);
    },
    onSuccess: async (notice) => {
      if (!notice) return;
      void message.success(t('notices.published', { n: notice.stats?.targetCount ?? 0 }));
      await queryClient.invalidateQueries({ queryKey: queryKeys.notices });
      onClose();
      void navigate(`/notices/${notice.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  const customRequest: UploadProps<AttachmentView>['customRequest'] = (options) => {
    const file = options.file as File;
    uploadNoticeAttachment(file, {
      onProgress: (loaded, total) =>
        options.onProgress?.({ percent: total > 0 ? (loaded / total) * 100 : 0 }),
    })
      .then((view) => options.onSuccess?.(view))
      .catch((e: unknown) => {
        const err = new Error(errorMessage(e, t('notices.uploadFailed')));
        void message.error(`${file.name}：${err.message}`);
        options.onError?.(err);
      });
  };

  const sectorChoices = me?.sectors && me.sectors.length > 0 ? me.sectors : SECTORS;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('notices.publishTitle')}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={mutation.isPending}
            disabled={uploading}
            onClick={() => form.submit()}
          >
            {t('notices.publishOk')}
          </Button>
        </Flex>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        name="notice"
        layout="vertical"
        initialValues={{ sectors: [], campaignId: null }}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <Form.Item
          label={t('notices.titleCol')}
          name="title"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('campaignUi.required', { field: t('notices.titleCol') }),
            },
          ]}
        >
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item
          label={t('notices.body')}
          name="body"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('campaignUi.required', { field: t('notices.body') }),
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={20000} />
        </Form.Item>
        <Form.Item
          label={t('notices.sectors')}
          name="sectors"
          rules={[
            { required: true, message: t('campaignUi.select', { field: t('notices.sectors') }) },
          ]}
          extra={t('notices.sectorsHint')}
        >
          <Select
            mode="multiple"
            options={sectorChoices.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
          />
        </Form.Item>
        <Form.Item label={t('notices.attachments')} extra={t('notices.attachmentsHint')}>
          <Upload<AttachmentView>
            name="file"
            accept=".pdf,.docx,.xlsx"
            multiple
            fileList={files}
            customRequest={customRequest}
            maxCount={MAX_NOTICE_ATTACHMENTS}
            beforeUpload={(file) => {
              const problem = attachmentProblem(file);
              if (problem) {
                void message.error(
                  problem === 'type'
                    ? t('notices.badType', { name: file.name })
                    : t('campaignUi.fileTooLarge', { mb: 10 }),
                );
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />} disabled={files.length >= MAX_NOTICE_ATTACHMENTS}>
              {t('notices.addAttachment')}
            </Button>
          </Upload>
        </Form.Item>
        <Form.Item label={t('notices.campaign')} name="campaignId">
          <Select
            allowClear
            placeholder={t('notices.campaignNone')}
            loading={campaigns.isPending}
            options={(campaigns.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.name}（${c.year}）`,
            }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
