import { useState } from 'react';
import { Alert, Flex, Modal, Progress, Spin, Table, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import {
  CATALOG_SHEET_COLUMNS,
  type CatalogId,
  type CatalogVersionView,
} from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { importCatalog } from '../../api/catalogs-api';
import { errorMessage } from '../../components/ErrorAlert';
import { InfoNote } from '../../components/InfoNote';
import { useLocale } from '../../i18n/locale-context';
import { importRowErrors } from './item-form';
import '../../i18n/messages-catalog';
import '../../i18n/messages-campaign';

const MAX_BYTES = 10 * 1024 * 1024;

type Phase = { kind: 'idle' } | { kind: 'uploading'; percent: number } | { kind: 'checking' };
type RowError = ReturnType<typeof importRowErrors>[number];

/**
 * Uploads an .xlsx of a whole catalog; the server makes it a new draft and answers with the diff
 * against the current version (shown by the version page), or with row errors (listed here).
 */
export function ImportCatalogModal({
  catalogId,
  onImported,
  onClose,
}: {
  catalogId: CatalogId;
  onImported: (version: CatalogVersionView) => void;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<RowError[]>([]);
  const busy = phase.kind !== 'idle';

  const customRequest: UploadProps['customRequest'] = (options) => {
    const file = options.file as File;
    setError(null);
    setRows([]);
    setPhase({ kind: 'uploading', percent: 0 });
    importCatalog(catalogId, file, {
      onProgress: (loaded, total) =>
        setPhase({
          kind: 'uploading',
          percent: total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0,
        }),
      onUploaded: () => setPhase({ kind: 'checking' }),
    })
      .then((version) => {
        setPhase({ kind: 'idle' });
        onImported(version);
      })
      .catch((e: unknown) => {
        setPhase({ kind: 'idle' });
        if (e instanceof ApiError && e.fields.length > 0) {
          const list = importRowErrors(e.fields);
          const fileLevel = list.filter((r) => r.row === null);
          const rowErrors = list.filter((r) => r.row !== null);
          setRows(rowErrors);
          setError(
            fileLevel.map((r) => r.message).join('；') ||
              t('catalogs.importRowErrors', { n: rowErrors.length }),
          );
        } else {
          setError(errorMessage(e, t('catalogs.importFailed')));
        }
        options.onError?.(e instanceof Error ? e : new Error(String(e)));
      });
  };

  return (
    <Modal
      open
      title={t('catalogs.importTitle', { catalog: catalogId })}
      footer={null}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      width={720}
      destroyOnHidden
    >
      <InfoNote>{t('catalogs.importHint')}</InfoNote>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={t('catalogs.importFailed')}
          description={error}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {rows.length > 0 ? (
        <Table
          size="small"
          rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
          scroll={{ x: 480 }}
          style={{ marginBottom: 16 }}
          columns={[
            { title: t('catalogs.importRow'), dataIndex: 'row', width: 70 },
            {
              title: t('catalogs.importColumn'),
              key: 'column',
              width: 120,
              render: (_: unknown, r: RowError) =>
                CATALOG_SHEET_COLUMNS.find((c) => c.key === r.column)?.header ?? r.column,
            },
            { title: t('catalogs.importMessage'), dataIndex: 'message' },
          ]}
        />
      ) : null}
      <Upload.Dragger
        name="file"
        accept=".xlsx"
        multiple={false}
        maxCount={1}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          if (!file.name.toLowerCase().endsWith('.xlsx')) {
            setError(t('catalogs.notXlsx'));
            return Upload.LIST_IGNORE;
          }
          if (file.size > MAX_BYTES) {
            setError(t('campaignUi.fileTooLarge', { mb: 10 }));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={customRequest}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('catalogs.importDrop')}</p>
      </Upload.Dragger>
      {phase.kind === 'uploading' ? (
        <div role="status" style={{ marginTop: 12 }}>
          <Progress percent={phase.percent} status="active" />
        </div>
      ) : null}
      {phase.kind === 'checking' ? (
        <Flex role="status" align="center" gap={12} style={{ marginTop: 12 }}>
          <Spin />
          <Typography.Text>{t('catalogs.importChecking')}</Typography.Text>
        </Flex>
      ) : null}
    </Modal>
  );
}
