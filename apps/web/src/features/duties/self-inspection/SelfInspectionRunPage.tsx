import { useMemo, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Grid,
  Progress,
  Spin,
  Typography,
} from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import {
  type SelfInspectionDetail,
  type SelfInspectionItem,
  SECTOR_LABELS,
} from '@hazard-ledger/domain';
import {
  getSelfInspection,
  selfInspectionKeys,
  selfInspectionPdfUrl,
} from '../../../api/self-inspections-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { InfoNote } from '../../../components/InfoNote';
import { PageHeader } from '../../../components/PageHeader';
import { useLocale } from '../../../i18n/locale-context';
import { DiscardButton, RunHeaderForm } from './RunHeaderForm';
import { RunItemCard } from './RunItemCard';
import { SubmitPanel } from './SubmitPanel';
import { useRunSaver } from './run-saver';
import { SelfInspectionStatusTag } from './self-inspection-labels';

type Section = { key: string; name: string; items: { item: SelfInspectionItem; index: number }[] };

/** The items grouped by catalog and section, in checklist order, each with its 序号. */
function sectionsOf(run: SelfInspectionDetail, keep: (i: SelfInspectionItem) => boolean) {
  const sections: Section[] = [];
  run.items.forEach((item, index) => {
    if (!keep(item)) return;
    const key = `${item.catalogId}/${item.section}`;
    let s = sections.find((x) => x.key === key);
    if (!s) {
      s = { key, name: item.section, items: [] };
      sections.push(s);
    }
    s.items.push({ item, index });
  });
  return sections;
}

/**
 * /self-inspections/:id — one run: the header (检查日期, 检查人员), every checklist item with
 * its answer (saved as it is given), progress, the leader's submit-and-sign, the PDF record.
 */
export function SelfInspectionRunPage() {
  const { t } = useLocale();
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: selfInspectionKeys.run(id),
    queryFn: ({ signal }) => getSelfInspection(id, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (query.isPending) {
    return (
      <>
        <PageHeader title={t('selfInspections.run.title')} />
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('selfInspections.run.title')} />
        <ErrorAlert error={query.error} />
      </>
    );
  }
  return <RunView run={query.data} />;
}

function RunView({ run }: { run: SelfInspectionDetail }) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const save = useRunSaver(run.id);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const can = (a: SelfInspectionDetail['availableActions'][number]) =>
    run.availableActions.includes(a);
  const sections = useMemo(
    () => sectionsOf(run, (i) => !onlyOpen || i.issues.length > 0),
    [run, onlyOpen],
  );
  const { answered, total, problems } = run.progress;
  const leader = run.signerName ?? run.leaderName ?? '—';

  return (
    <>
      <PageHeader
        title={`${t('selfInspections.run.title')} · ${run.enterpriseName}`}
        extra={
          <>
            <Button icon={<FilePdfOutlined />} href={selfInspectionPdfUrl(run.id)} download>
              {t('selfInspections.run.pdf')}
            </Button>
            {can('discard') ? <DiscardButton run={run} save={save} /> : null}
          </>
        }
      />
      {run.status === 'submitted' && run.submittedAt ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('selfInspections.run.submittedBanner', {
            name: run.signerName ?? '',
            at: formatDateTime(run.submittedAt),
          })}
        />
      ) : null}
      {run.status === 'discarded' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('selfInspections.run.discarded', {
            at: formatDateTime(run.discardedAt),
            reason: run.discardReason ?? '',
          })}
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={screens.md ? 2 : 1}
          items={[
            {
              key: 'status',
              label: t('selfInspections.col.status'),
              children: <SelfInspectionStatusTag status={run.status} />,
            },
            {
              key: 'enterprise',
              label: t('selfInspections.run.enterprise'),
              children: `${run.enterpriseName}（${label(SECTOR_LABELS[run.sector])}）`,
            },
            { key: 'leader', label: t('selfInspections.run.leader'), children: leader },
            {
              key: 'campaign',
              label: t('selfInspections.run.campaign'),
              children: run.campaignName ?? t('selfInspections.noCampaignShort'),
            },
            ...(can('edit')
              ? []
              : [
                  {
                    key: 'date',
                    label: t('selfInspections.run.date'),
                    children: run.inspectionDate,
                  },
                  {
                    key: 'inspectors',
                    label: t('selfInspections.run.inspectors'),
                    children: run.inspectors ?? '—',
                  },
                ]),
            {
              key: 'basis',
              label: t('selfInspections.run.basis'),
              span: screens.md ? 2 : 1,
              children: (
                <Flex vertical>
                  {run.catalogs.map((c) => (
                    <span key={c.catalogId}>
                      {t('selfInspections.run.basisLine', {
                        name: c.name,
                        doc: c.documentNumber ? `（${c.documentNumber}）` : '',
                        version: c.version,
                      })}
                    </span>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'started',
              label: '',
              span: screens.md ? 2 : 1,
              children: (
                <Typography.Text type="secondary">
                  {t('selfInspections.run.startedBy', {
                    name: run.startedByName,
                    at: formatDateTime(run.startedAt),
                  })}
                </Typography.Text>
              ),
            },
          ]}
        />
        {can('edit') ? (
          <RunHeaderForm
            run={run}
            save={save}
            onSaved={() => void message.success(t('selfInspections.run.headerSaved'))}
          />
        ) : null}
      </Card>
      {can('answer') ? (
        <InfoNote>
          {run.photoRequired
            ? t('selfInspections.run.photoRequired')
            : t('selfInspections.run.photoOptional')}
        </InfoNote>
      ) : null}
      <Card
        title={
          <Flex vertical gap={4} style={{ paddingBlock: 8 }}>
            <Typography.Text strong>
              {t('selfInspections.progress', { n: answered, m: total })}
            </Typography.Text>
            <Progress
              percent={total ? Math.round((answered / total) * 100) : 0}
              size="small"
              style={{ margin: 0, maxWidth: 360 }}
            />
          </Flex>
        }
        extra={
          <Flex gap={12} wrap align="center" justify="flex-end">
            {problems > 0 ? (
              <Typography.Text type="danger">
                {t('selfInspections.run.problems', { n: problems })}
              </Typography.Text>
            ) : null}
            {run.status === 'draft' ? (
              <Checkbox checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)}>
                {t('selfInspections.run.onlyOpen')}
              </Checkbox>
            ) : null}
          </Flex>
        }
        style={{ marginBottom: 16 }}
      >
        {sections.length === 0 ? (
          <Typography.Text type="success">{t('selfInspections.run.allDone')}</Typography.Text>
        ) : null}
        {sections.map((s) => (
          <section key={s.key} aria-label={s.name}>
            {sections.length > 1 ? (
              <Typography.Title level={5} style={{ marginTop: 8 }}>
                {s.name}
              </Typography.Title>
            ) : null}
            {s.items.map(({ item, index }) => (
              <RunItemCard
                key={item.code}
                runId={run.id}
                item={item}
                index={index}
                canAnswer={can('answer')}
                canPhoto={can('photo')}
                save={save}
              />
            ))}
          </section>
        ))}
      </Card>
      <SubmitPanel run={run} />
    </>
  );
}
