import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import type { ReportVersionView } from '@hazard-ledger/domain';
import { formatDateTime } from '../../components/format';
import { useLocale } from '../../i18n/locale-context';
import { OnTimeTag } from './report-labels';

type Props = {
  versions: ReportVersionView[];
  /** The version on screen (null for the live draft). */
  shownVersionId: number | null;
  dueAt: string;
  onOpen: (versionId: number) => void;
};

/** The submitted versions of a report, newest first; each opens its frozen snapshot. */
export function ReportVersions({ versions, shownVersionId, dueAt, onOpen }: Props) {
  const { t } = useLocale();
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const columns: TableColumnsType<ReportVersionView> = [
    {
      key: 'version',
      title: t('reports.versions.version'),
      render: (_: unknown, v) => (
        <>
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            aria-label={t('reports.versions.open', { version: v.version })}
            onClick={() => onOpen(v.id)}
          >
            {`v${v.version}`}
          </Button>
          {v.id === shownVersionId ? (
            <Tag color="blue" style={{ marginInlineStart: 8 }}>
              {t('reports.versions.shown')}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      key: 'submittedAt',
      title: t('reports.versions.submittedAt'),
      render: (_: unknown, v) => formatDateTime(v.submittedAt),
    },
    {
      key: 'submittedBy',
      title: t('reports.versions.submittedBy'),
      render: (_: unknown, v) => v.submittedByName,
    },
    { key: 'preparedBy', title: t('reports.preparedBy'), render: (_: unknown, v) => v.preparedBy },
    {
      key: 'reason',
      title: t('reports.reason'),
      render: (_: unknown, v) => v.reason ?? t('reports.versions.first'),
    },
    {
      key: 'onTime',
      title: t('reports.versions.onTime'),
      render: (_: unknown, v) => <OnTimeTag onTime={v.onTime} dueAt={dueAt} />,
    },
  ];
  return (
    <Card size="small" title={t('reports.versions.title')}>
      <Table<ReportVersionView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={sorted}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
