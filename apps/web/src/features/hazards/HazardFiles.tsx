import { useState } from 'react';
import { App as AntApp, Button, Flex, Grid, Image, Progress, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { CameraOutlined, FileOutlined, PictureOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { HazardDetail, HazardFile } from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { hazardFileUrl, uploadHazardFile, type HazardFileKind } from '../../api/hazards-api';
import { InfoNote } from '../../components/InfoNote';
import { useLocale } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/messages';
import { refetchHazard } from './hazard-cache';
import '../../i18n/messages-hazard';

/** The server's default upload limit (UPLOAD_LIMIT_BYTES); checked here to fail fast. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const FILE_KINDS: readonly HazardFileKind[] = ['before', 'after', 'document'];

export const FILE_KIND_KEYS: Record<HazardFileKind, MessageKey> = {
  before: 'hazards.files.before',
  after: 'hazards.files.after',
  document: 'hazards.files.document',
};

const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp';
const DOCUMENT_ACCEPT =
  '.pdf,.docx,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,image/jpeg,image/png,image/webp';

export function isImage(f: Pick<HazardFile, 'mimeType'>): boolean {
  return f.mimeType.startsWith('image/');
}

type UploadButtonsProps = {
  hazardId: number;
  kind: HazardFileKind;
  onUploaded?: (file: HazardFile) => void;
};

/**
 * Upload buttons for one kind of file. Photos offer the camera on phones
 * (`accept="image/*" capture="environment"`) next to the photo library.
 */
export function UploadButtons({ hazardId, kind, onUploaded }: UploadButtonsProps) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [progress, setProgress] = useState<number | null>(null);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (file.size > MAX_UPLOAD_BYTES) {
      void message.error(t('hazards.files.tooLarge'));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setProgress(0);
    uploadHazardFile(hazardId, kind, file as File, setProgress)
      .then(async (saved) => {
        onSuccess?.(saved);
        void message.success(t('hazards.files.uploaded', { name: saved.fileName }));
        onUploaded?.(saved);
        await refetchHazard(queryClient, hazardId);
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
  const size = phone ? ('large' as const) : ('middle' as const);

  const buttons =
    kind === 'document' ? (
      <Upload {...common} accept={DOCUMENT_ACCEPT} id={`hazard-upload-${kind}`}>
        <Button size={size} icon={<UploadOutlined />} disabled={progress !== null}>
          {t('hazards.files.uploadDocument')}
        </Button>
      </Upload>
    ) : phone ? (
      <>
        <Upload
          {...common}
          accept="image/*"
          capture="environment"
          id={`hazard-upload-${kind}-camera`}
        >
          <Button
            size={size}
            type="primary"
            ghost
            icon={<CameraOutlined />}
            disabled={progress !== null}
          >
            {t('hazards.files.takePhoto')}
          </Button>
        </Upload>
        <Upload {...common} accept={PHOTO_ACCEPT} id={`hazard-upload-${kind}`}>
          <Button size={size} icon={<PictureOutlined />} disabled={progress !== null}>
            {t('hazards.files.choosePhoto')}
          </Button>
        </Upload>
      </>
    ) : (
      <Upload {...common} accept={PHOTO_ACCEPT} id={`hazard-upload-${kind}`}>
        <Button size={size} icon={<CameraOutlined />} disabled={progress !== null}>
          {t('hazards.files.uploadPhoto')}
        </Button>
      </Upload>
    );

  return (
    <Flex gap={8} wrap align="center">
      {buttons}
      {progress !== null ? (
        <Flex align="center" gap={8} style={{ minWidth: 140 }}>
          <Typography.Text type="secondary">{t('hazards.files.uploading')}</Typography.Text>
          <Progress percent={progress} size="small" style={{ width: 80, margin: 0 }} />
        </Flex>
      ) : null}
    </Flex>
  );
}

/** Thumbnails of images (tap to enlarge) and links to documents. */
export function FileThumbnails({
  hazardId,
  files,
}: {
  hazardId: number;
  files: readonly HazardFile[];
}) {
  const { t } = useLocale();
  if (files.length === 0) {
    return <Typography.Text type="secondary">{t('hazards.files.none')}</Typography.Text>;
  }
  const images = files.filter(isImage);
  const docs = files.filter((f) => !isImage(f));
  return (
    <Flex vertical gap={8}>
      {images.length > 0 ? (
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {images.map((f) => (
              <Image
                key={f.id}
                src={hazardFileUrl(hazardId, f.id)}
                alt={f.fileName}
                width={88}
                height={88}
                style={{ objectFit: 'cover', borderRadius: 6, border: '1px solid #f0f0f0' }}
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {docs.map((f) => (
        <a
          key={f.id}
          href={hazardFileUrl(hazardId, f.id)}
          target="_blank"
          rel="noreferrer"
          style={{ display: 'inline-flex', gap: 6, alignItems: 'center', minHeight: 32 }}
        >
          <FileOutlined /> {f.fileName}
        </a>
      ))}
    </Flex>
  );
}

/** The photos before and after, and the documents, each with its upload buttons. */
export function HazardFilesSection({
  hazard,
  canUpload,
}: {
  hazard: HazardDetail;
  canUpload: boolean;
}) {
  const { t } = useLocale();
  return (
    <Flex vertical gap={16}>
      {FILE_KINDS.map((kind) => (
        <section key={kind} aria-label={t(FILE_KIND_KEYS[kind])}>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t(FILE_KIND_KEYS[kind])}</Typography.Text>
            {canUpload ? <UploadButtons hazardId={hazard.id} kind={kind} /> : null}
          </Flex>
          <FileThumbnails
            hazardId={hazard.id}
            files={hazard.files.filter((f) => f.kind === kind)}
          />
        </section>
      ))}
      {canUpload ? (
        <InfoNote style={{ marginBottom: 0 }}>{t('hazards.files.hint')}</InfoNote>
      ) : null}
    </Flex>
  );
}
