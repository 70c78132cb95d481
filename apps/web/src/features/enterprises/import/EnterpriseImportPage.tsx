import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Flex,
  Grid,
  Result,
  Spin,
  Steps,
  Typography,
} from 'antd';
import { CheckOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { commitImport, getImport, type ImportView } from '../../../api/enterprises-api';
import { queryKeys } from '../../../api/query-keys';
import { ErrorAlert, errorMessage } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { InfoNote } from '../../../components/InfoNote';
import { PageHeader } from '../../../components/PageHeader';
import { useLocale } from '../../../i18n/locale-context';
import { validRowCount } from './import-rows';
import { ImportHistory } from './ImportHistory';
import { ImportRowsTable, ImportSummary } from './ImportPreview';
import { UploadPanel } from './UploadPanel';

function parseId(raw: string | null): number | null {
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

/**
 * /enterprises/import — upload an .xlsx (step 1), check the preview with its row errors and
 * import all valid rows at once (step 2), see the result (step 3); import records below. The
 * import being looked at is in the URL (?id=…), so a reload keeps it.
 */
export function EnterpriseImportPage() {
  const { t } = useLocale();
  const screens = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const id = parseId(params.get('id'));

  const current = useQuery({
    queryKey: queryKeys.enterpriseImport(id ?? 0),
    queryFn: ({ signal }) => getImport(id!, signal),
    enabled: id !== null,
  });

  const open = (importId: number) => setParams({ id: String(importId) });
  const restart = () => setParams({});

  const view = id !== null ? current.data : undefined;
  const step = id === null ? 0 : view && view.status !== 'previewed' ? 2 : 1;
  const pad = screens.md ? 24 : 12;

  return (
    <>
      <PageHeader
        title={t('import.title')}
        extra={
          <Link to="/enterprises">
            <Button icon={<UnorderedListOutlined />}>{t('enterprises.backToList')}</Button>
          </Link>
        }
      />
      <Flex vertical gap={16}>
        <Card styles={{ body: { padding: pad } }}>
          <Steps
            current={step}
            size="small"
            responsive={false}
            style={{ marginBottom: 24 }}
            items={[
              { title: t('import.step.upload') },
              { title: t('import.step.preview') },
              { title: t('import.step.result') },
            ]}
          />
          {id === null ? (
            <UploadPanel
              onChecked={(v) => {
                queryClient.setQueryData(queryKeys.enterpriseImport(v.id), v);
                void queryClient.invalidateQueries({ queryKey: queryKeys.enterpriseImportLists });
                open(v.id);
              }}
            />
          ) : current.isPending ? (
            <Flex justify="center" style={{ padding: 24 }}>
              <Spin />
            </Flex>
          ) : current.isError ? (
            <Flex vertical gap={12} align="flex-start">
              <ErrorAlert error={current.error} style={{ marginBottom: 0, width: '100%' }} />
              <Button icon={<UploadOutlined />} onClick={restart}>
                {t('import.reupload')}
              </Button>
            </Flex>
          ) : current.data.status === 'previewed' ? (
            <PreviewStep view={current.data} onRestart={restart} />
          ) : (
            <ResultStep view={current.data} onRestart={restart} />
          )}
        </Card>
        <Card title={t('import.history')} styles={{ body: { padding: pad } }}>
          <ImportHistory onOpen={open} />
        </Card>
      </Flex>
    </>
  );
}

function FileLine({ view }: { view: ImportView }) {
  const { t } = useLocale();
  return (
    <Typography.Text type="secondary">
      {t('import.fileName')}：{view.fileName} · {view.userName} · {formatDateTime(view.createdAt)}
    </Typography.Text>
  );
}

/** Step 2: counts, the row errors, and "import all valid rows" or "upload again". */
function PreviewStep({ view, onRestart }: { view: ImportView; onRestart: () => void }) {
  const { t } = useLocale();
  const { modal, message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [commitError, setCommitError] = useState<string | null>(null);
  const valid = validRowCount(view);

  const commit = useMutation({
    mutationFn: () => commitImport(view.id),
    onSuccess: async (done) => {
      queryClient.setQueryData(queryKeys.enterpriseImport(done.id), done);
      void message.success(t('import.doneTitle'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.enterpriseImportLists }),
        queryClient.invalidateQueries({ queryKey: queryKeys.enterpriseAll }),
      ]);
    },
    onError: async (e) => {
      // 409: committed meanwhile, or the registry changed since the preview: upload again.
      setCommitError(errorMessage(e, t('common.unexpectedError')));
      // Reload this record too: if it was committed meanwhile, the page shows the result.
      await queryClient.invalidateQueries({ queryKey: queryKeys.enterpriseImports });
    },
  });

  const confirm = () =>
    modal.confirm({
      title: t('import.commitTitle'),
      content: t('import.commitContent', {
        created: view.created,
        updated: view.updated,
        unchanged: view.unchanged,
        errors: view.errorRows,
      }),
      okText: t('import.commitOk'),
      cancelText: t('common.cancel'),
      onOk: () => commit.mutateAsync().catch(() => undefined),
    });

  return (
    <Flex vertical gap={16}>
      <FileLine view={view} />
      <ImportSummary view={view} />
      <InfoNote style={{ marginBottom: 0 }}>{t('import.previewNote')}</InfoNote>
      {valid === 0 ? <Alert type="warning" showIcon title={t('import.noValidRows')} /> : null}
      {commitError ? <Alert type="error" showIcon title={commitError} /> : null}
      <Flex wrap gap={8}>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={valid === 0}
          loading={commit.isPending}
          onClick={confirm}
        >
          {t('import.commit', { n: valid.toLocaleString('zh-CN') })}
        </Button>
        <Button icon={<UploadOutlined />} onClick={onRestart}>
          {t('import.reupload')}
        </Button>
      </Flex>
      <ImportRowsTable view={view} />
    </Flex>
  );
}

/** Step 3: what the import wrote; skipped rows stay visible with their errors. */
function ResultStep({ view, onRestart }: { view: ImportView; onRestart: () => void }) {
  const { t } = useLocale();
  const committed = view.status === 'committed';
  return (
    <Flex vertical gap={16}>
      <Result
        status={committed ? 'success' : 'info'}
        title={committed ? t('import.doneTitle') : t('import.status.discarded')}
        subTitle={
          committed
            ? t('import.doneSummary', {
                created: view.created,
                updated: view.updated,
                unchanged: view.unchanged,
                skipped: view.skipped,
              })
            : undefined
        }
        style={{ padding: '16px 0' }}
        extra={[
          <Link key="list" to="/enterprises">
            <Button type="primary">{t('import.toList')}</Button>
          </Link>,
          <Button key="again" icon={<UploadOutlined />} onClick={onRestart}>
            {t('import.again')}
          </Button>,
        ]}
      />
      <FileLine view={view} />
      <ImportSummary view={view} />
      {view.errorRows > 0 ? <ImportRowsTable view={view} /> : null}
    </Flex>
  );
}
