import { useState } from 'react';
import { App as AntApp, Button, Flex, Grid, Image, Progress, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { CameraOutlined, DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { SelfInspectionItem } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import {
  removeSelfInspectionPhoto,
  selfInspectionKeys,
  selfInspectionPhotoUrl,
  uploadSelfInspectionPhoto,
} from '../../../api/self-inspections-api';
import { useLocale } from '../../../i18n/locale-context';
import { detailedMessage } from './run-errors';
import type { RunChange } from './run-saver';
import '../../../i18n/messages-duty-self';

/** The server's default upload limit (UPLOAD_LIMIT_BYTES); checked here to fail fast. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp';

type Props = {
  runId: number;
  item: SelfInspectionItem;
  canEdit: boolean;
  save: (change: RunChange) => Promise<unknown>;
};

/**
 * The photos of one item: thumbnails (tap to enlarge) and, while the run is open, the phone
 * camera (`accept="image/*" capture="environment"`) next to the photo library.
 */
export function ItemPhotos({ runId, item, canEdit, save }: Props) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [progress, setProgress] = useState<number | null>(null);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (file.size > MAX_UPLOAD_BYTES) {
      void message.error(t('selfInspections.run.photoTooLarge'));
      return Upload.LIST_IGNORE;
    }
    return true;
  };
  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setProgress(0);
    uploadSelfInspectionPhoto(runId, item.code, file as File, setProgress)
      .then(async (saved) => {
        onSuccess?.(saved);
        void message.success(t('selfInspections.run.photoUploaded'));
        await queryClient.invalidateQueries({ queryKey: selfInspectionKeys.run(runId) });
      })
      .catch((e: unknown) => {
        onError?.(e instanceof Error ? e : new Error(String(e)));
        void message.error(
          e instanceof ApiError ? detailedMessage(e, e.message) : t('common.unexpectedError'),
        );
      })
      .finally(() => setProgress(null));
  };
  const common = {
    showUploadList: false,
    beforeUpload,
    customRequest,
    disabled: progress !== null,
  } satisfies UploadProps;
  const busy = progress !== null;

  return (
    <Flex vertical gap={8}>
      {item.photos.length > 0 ? (
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {item.photos.map((p) => (
              <Flex key={p.id} vertical align="center" gap={2}>
                <Image
                  src={selfInspectionPhotoUrl(runId, p.id)}
                  alt={p.fileName}
                  width={88}
                  height={88}
                  style={{ objectFit: 'cover', borderRadius: 6, border: '1px solid #f0f0f0' }}
                />
                {canEdit ? (
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('selfInspections.run.removePhoto')} ${p.fileName}`}
                    onClick={() => {
                      save(() => removeSelfInspectionPhoto(runId, p.id)).catch((e: unknown) =>
                        message.error(detailedMessage(e, t('common.unexpectedError'))),
                      );
                    }}
                  />
                ) : null}
              </Flex>
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {canEdit ? (
        <Flex gap={8} wrap align="center">
          {phone ? (
            <>
              <Upload
                {...common}
                accept="image/*"
                capture="environment"
                id={`si-photo-${item.code}-camera`}
              >
                <Button type="primary" ghost icon={<CameraOutlined />} disabled={busy}>
                  {t('selfInspections.run.takePhoto')}
                </Button>
              </Upload>
              <Upload {...common} accept={PHOTO_ACCEPT} id={`si-photo-${item.code}`}>
                <Button icon={<PictureOutlined />} disabled={busy}>
                  {t('selfInspections.run.choosePhoto')}
                </Button>
              </Upload>
            </>
          ) : (
            <Upload {...common} accept={PHOTO_ACCEPT} id={`si-photo-${item.code}`}>
              <Button icon={<CameraOutlined />} disabled={busy}>
                {t('selfInspections.run.uploadPhoto')}
              </Button>
            </Upload>
          )}
          {busy ? (
            <Flex align="center" gap={8}>
              <Typography.Text type="secondary">{t('selfInspections.run.saving')}</Typography.Text>
              <Progress percent={progress} size="small" style={{ width: 80, margin: 0 }} />
            </Flex>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
}
