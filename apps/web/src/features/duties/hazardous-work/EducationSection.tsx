import { useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Grid,
  Image,
  Input,
  InputNumber,
  Typography,
  Upload,
} from 'antd';
import type { UploadProps } from 'antd';
import { CameraOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  WARNING_EDUCATION_MAX_PHOTOS,
  warningEducationInputSchema,
  type WarningEducationView,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import {
  educationPhotoUrl,
  hazardousWorkKeys,
  listEducations,
  recordEducation,
  uploadEducationPhoto,
} from '../../../api/hazardous-work-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import { blankToNull, isoDay, Line } from './record-parts';
import { RecordDrawer, VoidButton } from './RecordDrawer';
import '../../../i18n/messages-hazard';

type Values = {
  heldOn?: Dayjs | null;
  participants?: number | null;
  content?: string;
  organizer?: string;
};

const FIELDS = ['heldOn', 'participants', 'content', 'organizer'] as const;
/** The server's default upload limit; checked here to fail fast. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Adds photos to an activity; on phones the camera is offered. */
function PhotoUpload({ activity }: { activity: WarningEducationView }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [busy, setBusy] = useState(false);
  if (activity.photos.length >= WARNING_EDUCATION_MAX_PHOTOS) return null;

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setBusy(true);
    uploadEducationPhoto(activity.id, file as File)
      .then(async (saved) => {
        onSuccess?.(saved);
        void message.success(t('hw.edu.photoUploaded'));
        await queryClient.invalidateQueries({ queryKey: hazardousWorkKeys.all });
      })
      .catch((e: unknown) => {
        onError?.(e instanceof Error ? e : new Error(String(e)));
        void message.error(e instanceof ApiError ? e.message : t('common.unexpectedError'));
      })
      .finally(() => setBusy(false));
  };
  return (
    <Upload
      accept={screens.md ? 'image/jpeg,image/png,image/webp' : 'image/*'}
      capture={screens.md ? undefined : 'environment'}
      showUploadList={false}
      disabled={busy}
      beforeUpload={(file) => {
        if (file.size > MAX_UPLOAD_BYTES) {
          void message.error(t('hazards.files.tooLarge'));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={customRequest}
    >
      <Button size="small" icon={<CameraOutlined />} loading={busy}>
        {t('hw.edu.addPhoto')}
      </Button>
    </Upload>
  );
}

/** The all-staff warning education activities (全员安全警示教育), with photos. */
export function EducationSection({
  enterpriseId,
  canRecord,
}: {
  enterpriseId: number;
  canRecord: boolean;
}) {
  const { t } = useLocale();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: hazardousWorkKeys.educations(enterpriseId),
    queryFn: ({ signal }) => listEducations(enterpriseId, signal),
  });
  const items = list.data?.items ?? [];
  const today = dayjs().endOf('day');

  return (
    <>
      {canRecord ? (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('hw.edu.add')}
          </Button>
        </Flex>
      ) : null}
      <ErrorAlert error={list.error} />
      {items.length === 0 && !list.isLoading ? <Empty description={t('hw.empty')} /> : null}
      <Flex vertical gap={8}>
        {items.map((a) => (
          <Card
            key={a.id}
            size="small"
            title={`${a.heldOn} · ${t('hw.edu.people', { n: a.participants })}`}
            extra={canRecord ? <VoidButton kind="warning-educations" id={a.id} /> : null}
          >
            <Line label={t('hw.edu.content')} text={a.content} />
            <Line label={t('hw.edu.organizer')} text={a.organizer} />
            <Flex gap={8} wrap align="center" style={{ margin: '8px 0' }}>
              {a.photos.length > 0 ? (
                <Image.PreviewGroup>
                  {a.photos.map((p) => (
                    <Image
                      key={p.id}
                      src={educationPhotoUrl(a.id, p.id)}
                      alt={p.fileName}
                      width={72}
                      height={72}
                      style={{ objectFit: 'cover', borderRadius: 6 }}
                    />
                  ))}
                </Image.PreviewGroup>
              ) : null}
              {canRecord ? <PhotoUpload activity={a} /> : null}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('hw.recordedBy', { name: a.createdByName, at: formatDateTime(a.createdAt) })}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
      {canRecord && items.length > 0 ? (
        <InfoNote style={{ marginTop: 8 }}>{t('hw.edu.photoHint')}</InfoNote>
      ) : null}
      <RecordDrawer<Values, typeof warningEducationInputSchema>
        title={t('hw.edu.title')}
        open={open}
        onClose={() => setOpen(false)}
        schema={warningEducationInputSchema}
        fields={FIELDS}
        initialValues={{ heldOn: dayjs() }}
        toInput={(v) => ({
          heldOn: isoDay(v.heldOn),
          participants: v.participants ?? undefined,
          content: v.content?.trim() ?? '',
          organizer: blankToNull(v.organizer),
        })}
        submit={(input) => recordEducation(enterpriseId, input)}
      >
        <Flex gap={12} wrap>
          <Form.Item label={t('hw.edu.heldOn')} name="heldOn" style={{ flex: 1, minWidth: 150 }}>
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly={!screens.md}
              disabledDate={(d) => d.isAfter(today)}
            />
          </Form.Item>
          <Form.Item
            label={t('hw.edu.participants')}
            name="participants"
            style={{ flex: 1, minWidth: 120 }}
          >
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('hw.edu.content')} name="content">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t('hw.edu.organizer')} name="organizer">
          <Input maxLength={100} />
        </Form.Item>
        <InfoNote>{t('hw.edu.photoHint')}</InfoNote>
      </RecordDrawer>
    </>
  );
}
