import { useRef, useState } from 'react';
import { App as AntApp, Button, Empty, Flex, Image, Typography } from 'antd';
import { FileOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { TipDetail, TipFile } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { tipFileUrl, tipKeys, uploadTipFile } from '../../../api/tips-api';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-tips';

const isImage = (f: TipFile) => f.mimeType.startsWith('image/');

/**
 * The files of a tip (the reporter's and staff's), served only to staff who may see the tip.
 * File names are shown as text. Staff who handle the tip may add a scan or a photo.
 */
export function TipFilesCard({ tip, canUpload }: { tip: TipDetail; canUpload: boolean }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      await uploadTipFile(tip.id, file);
      void message.success(t('tips.files.uploaded'));
      await queryClient.invalidateQueries({ queryKey: tipKeys.one(tip.id) });
    } catch (e) {
      void message.error(
        e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : t('common.unexpectedError'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={8}>
      {tip.files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tips.files.none')} />
      ) : (
        <Flex wrap gap={12}>
          {tip.files.map((f) => (
            <Flex key={f.id} vertical gap={4} style={{ width: 140 }} data-testid="tip-file">
              {isImage(f) ? (
                <Image
                  src={tipFileUrl(tip.id, f.id)}
                  alt={f.fileName}
                  width={140}
                  height={105}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                />
              ) : (
                <FileOutlined style={{ fontSize: 40 }} aria-hidden />
              )}
              <Typography.Link
                href={tipFileUrl(tip.id, f.id)}
                target="_blank"
                rel="noopener noreferrer"
                style={{ wordBreak: 'break-all' }}
              >
                {f.fileName}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.fromReporter ? t('tips.files.fromReporter') : t('tips.files.fromStaff')} ·{' '}
                {formatDateTime(f.createdAt)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
      {canUpload ? (
        <div>
          <input
            ref={input}
            type="file"
            accept=".jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx"
            style={{ display: 'none' }}
            aria-label={t('tips.files.upload')}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
          <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
            {t('tips.files.upload')}
          </Button>
        </div>
      ) : null}
    </Flex>
  );
}
