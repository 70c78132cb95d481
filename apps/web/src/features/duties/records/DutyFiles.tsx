import { useState } from 'react';
import { App as AntApp, Button, Flex, Grid, Image, Progress, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { CameraOutlined, DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { PHOTO_FILE_OWNERS } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import {
  dutyFileUrl,
  uploadDutyFile,
  voidDutyFile,
  type DutyFile,
  type DutyFileOwner,
} from '../../../api/duty-records-api';
import { useLocale } from '../../../i18n/locale-context';
import { VoidRecordModal } from '../../enterprises/detail/VoidRecordModal';
import '../../../i18n/messages-duty-records';

/** The server's default upload limit (UPLOAD_LIMIT_BYTES); checked here to fail fast. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const DOCUMENT_ACCEPT =
  '.pdf,.docx,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp';

const isImage = (f: DutyFile) => f.mimeType.startsWith('image/');

type Props = {
  enterpriseId: number;
  files: readonly DutyFile[];
  owner: DutyFileOwner;
  ownerId?: number | null;
  canEdit: boolean;
  /** After an upload or a void: re-read the tab. */
  onChanged: () => void | Promise<void>;
  /** Label of the upload button (default: 上传文件). */
  uploadLabel?: string;
  /** Text when there is no file (default: 未上传; '' shows nothing). */
  emptyText?: string;
};

/**
 * The files of one record (or of the enterprise): PDFs and Word/Excel documents as links,
 * photos as thumbnails; enterprise users upload (photos from the camera on phones where the
 * owner takes photos) and void with a reason.
 */
export function DutyFiles({
  enterpriseId,
  files,
  owner,
  ownerId = null,
  canEdit,
  onChanged,
  uploadLabel,
  emptyText,
}: Props) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const [progress, setProgress] = useState<number | null>(null);
  const [voiding, setVoiding] = useState<DutyFile | null>(null);
  const photos = PHOTO_FILE_OWNERS.includes(owner);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (file.size > MAX_UPLOAD_BYTES) {
      void message.error(t('dutyRecords.files.tooLarge'));
      return Upload.LIST_IGNORE;
    }
    return true;
  };
  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setProgress(0);
    uploadDutyFile(enterpriseId, owner, ownerId, file as File, setProgress)
      .then(async (saved) => {
        onSuccess?.(saved);
        void message.success(t('dutyRecords.files.uploaded', { name: saved.fileName }));
        await onChanged();
      })
      .catch((e: unknown) => {
        onError?.(e instanceof Error ? e : new Error(String(e)));
        void message.error(e instanceof ApiError ? e.message : t('common.unexpectedError'));
      })
      .finally(() => setProgress(null));
  };
  const common = {
    showUploadList: false,
    beforeUpload,
    customRequest,
    disabled: progress !== null,
  } satisfies UploadProps;
  const idBase = `duty-upload-${owner}-${ownerId ?? 'e'}`;

  const images = files.filter(isImage);
  const docs = files.filter((f) => !isImage(f));

  return (
    <Flex vertical gap={8}>
      {files.length === 0 && emptyText !== '' ? (
        <Typography.Text type="secondary">
          {emptyText ?? t('dutyRecords.files.none')}
        </Typography.Text>
      ) : null}
      {images.length > 0 ? (
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {images.map((f) => (
              <Flex key={f.id} vertical align="center" gap={2}>
                <Image
                  src={dutyFileUrl(enterpriseId, f.id)}
                  alt={f.fileName}
                  width={88}
                  height={88}
                  style={{ objectFit: 'cover', borderRadius: 6, border: '1px solid #f0f0f0' }}
                />
                {canEdit ? (
                  <Button
                    type="link"
                    size="small"
                    danger
                    aria-label={t('dutyRecords.files.voidNamed', { name: f.fileName })}
                    icon={<DeleteOutlined />}
                    onClick={() => setVoiding(f)}
                  />
                ) : null}
              </Flex>
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {docs.map((f) => (
        <Flex key={f.id} align="center" gap={4} wrap>
          <a
            href={dutyFileUrl(enterpriseId, f.id)}
            target="_blank"
            rel="noreferrer"
            style={{ display: 'inline-flex', gap: 6, alignItems: 'center', minHeight: 32 }}
          >
            <FileOutlined /> {f.fileName}
          </a>
          {canEdit ? (
            <Button
              type="link"
              size="small"
              danger
              aria-label={t('dutyRecords.files.voidNamed', { name: f.fileName })}
              icon={<DeleteOutlined />}
              onClick={() => setVoiding(f)}
            />
          ) : null}
        </Flex>
      ))}
      {canEdit ? (
        <Flex gap={8} wrap align="center">
          <Upload {...common} accept={DOCUMENT_ACCEPT} id={idBase}>
            <Button icon={<UploadOutlined />} disabled={progress !== null}>
              {uploadLabel ?? t('dutyRecords.files.upload')}
            </Button>
          </Upload>
          {photos ? (
            <Upload
              {...common}
              accept={screens.md ? PHOTO_ACCEPT : 'image/*'}
              capture={screens.md ? undefined : 'environment'}
              id={`${idBase}-photo`}
            >
              <Button icon={<CameraOutlined />} disabled={progress !== null}>
                {t('dutyRecords.files.photo')}
              </Button>
            </Upload>
          ) : null}
          {progress !== null ? (
            <Flex align="center" gap={8} style={{ minWidth: 140 }}>
              <Typography.Text type="secondary">{t('dutyRecords.files.uploading')}</Typography.Text>
              <Progress percent={progress} size="small" style={{ width: 80, margin: 0 }} />
            </Flex>
          ) : null}
        </Flex>
      ) : null}
      <VoidRecordModal
        open={voiding !== null}
        title={voiding ? t('dutyRecords.files.voidTitle', { name: voiding.fileName }) : ''}
        version={1}
        onClose={() => setVoiding(null)}
        onVoid={async ({ reason }) => {
          if (!voiding) return;
          await voidDutyFile(enterpriseId, voiding.id, reason);
          void message.success(t('dutyRecords.voided'));
          await onChanged();
        }}
      />
    </Flex>
  );
}
