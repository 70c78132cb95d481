import { useState } from 'react';
import { Alert, Button, Flex, Progress, Spin, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { MAX_IMPORT_ROWS } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import {
  ENTERPRISE_TEMPLATE_URL,
  previewImport,
  type ImportView,
} from '../../../api/enterprises-api';
import { errorMessage } from '../../../components/ErrorAlert';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import { uploadProblem } from './import-rows';
import '../../../i18n/messages-enterprise';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; name: string; percent: number }
  | { kind: 'checking'; name: string };

/**
 * Step 1: the template link and the file picker. The upload goes through XMLHttpRequest so the
 * bar shows real progress; once sent, "正在校验…" while the server reads every row.
 */
export function UploadPanel({ onChecked }: { onChecked: (view: ImportView) => void }) {
  const { t } = useLocale();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const busy = phase.kind !== 'idle';

  const customRequest: UploadProps['customRequest'] = (options) => {
    const file = options.file as File;
    setError(null);
    setPhase({ kind: 'uploading', name: file.name, percent: 0 });
    previewImport(file, {
      onProgress: (loaded, total) => {
        const percent = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
        setPhase({ kind: 'uploading', name: file.name, percent });
        options.onProgress?.({ percent });
      },
      onUploaded: () => setPhase({ kind: 'checking', name: file.name }),
    })
      .then((view) => {
        setPhase({ kind: 'idle' });
        options.onSuccess?.(view);
        onChecked(view);
      })
      .catch((e: unknown) => {
        setPhase({ kind: 'idle' });
        // The server names the file's problem (not xlsx, missing columns, too many rows…).
        const fileError =
          e instanceof ApiError ? e.fields.find((f) => f.path === 'file') : undefined;
        setError(fileError?.message ?? errorMessage(e, t('import.uploadFailed')));
        options.onError?.(e instanceof Error ? e : new Error(String(e)));
      });
  };

  return (
    <Flex vertical gap={16}>
      <InfoNote style={{ marginBottom: 0 }}>
        <Flex vertical gap={8} align="flex-start">
          <span>{t('import.templateHint')}</span>
          <Button icon={<DownloadOutlined />} href={ENTERPRISE_TEMPLATE_URL} download>
            {t('import.template')}
          </Button>
        </Flex>
      </InfoNote>
      <Typography.Text>
        {t('import.chooseHint', { rows: MAX_IMPORT_ROWS.toLocaleString('zh-CN') })}
      </Typography.Text>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={t('import.uploadFailed')}
          description={error}
          closable={{ onClose: () => setError(null) }}
        />
      ) : null}
      <Upload.Dragger
        name="file"
        // The picker offers .xlsx only; any file still reaches beforeUpload (a dropped .xls too),
        // which says why it is refused instead of ignoring it silently.
        accept={{ format: '.xlsx', filter: 'native' }}
        multiple={false}
        maxCount={1}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          const problem = uploadProblem(file);
          if (problem) {
            setError(t(problem === 'notXlsx' ? 'import.notXlsx' : 'import.tooLarge'));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={customRequest}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.drop')}</p>
        <p className="ant-upload-hint">{t('import.dropHint')}</p>
      </Upload.Dragger>
      {phase.kind === 'uploading' ? (
        <div role="status">
          <Typography.Text>{t('import.uploading', { name: phase.name })}</Typography.Text>
          <Progress percent={phase.percent} status="active" />
        </div>
      ) : null}
      {phase.kind === 'checking' ? (
        <Flex role="status" align="center" gap={12}>
          <Spin />
          <Flex vertical>
            <Typography.Text strong>{t('import.checking')}</Typography.Text>
            <Typography.Text type="secondary">{t('import.checkingHint')}</Typography.Text>
          </Flex>
        </Flex>
      ) : null}
    </Flex>
  );
}
