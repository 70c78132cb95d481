import { Tag } from 'antd';
import {
  ENFORCEMENT_MEASURE_LABELS,
  fenToYuan,
  PENALTY_ARTICLES,
  PENALTY_CASE_STATUS_LABELS,
  type EnforcementMeasureKind,
  type PenaltyArticleKey,
  type PenaltyCaseListItem,
  type PenaltyCaseStatus,
} from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-enforcement-penalties';

const STATUS_COLORS: Record<PenaltyCaseStatus, string> = {
  filed: 'blue',
  investigated: 'cyan',
  notified: 'geekblue',
  decided: 'orange',
  executed: 'green',
  closed: 'default',
  withdrawn: 'default',
  terminated: 'default',
};

/** The status of a case as a coloured tag. */
export function PenaltyStatusTag({ status }: { status: PenaltyCaseStatus }) {
  const { label } = useLocale();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {label(PENALTY_CASE_STATUS_LABELS[status])}
    </Tag>
  );
}

/** The kind of a measure as a tag. */
export function MeasureKindTag({ kind }: { kind: EnforcementMeasureKind }) {
  const { label } = useLocale();
  const color = kind === 'closure_proposal' || kind === 'judicial_referral' ? 'red' : 'purple';
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {label(ENFORCEMENT_MEASURE_LABELS[kind])}
    </Tag>
  );
}

/** Whether the case's major hazard persists, as a tag (nothing when none is major). */
export function MajorHazardTag({ major }: { major: PenaltyCaseListItem['majorHazard'] }) {
  const { t } = useLocale();
  if (!major) return null;
  return major.persists ? (
    <Tag color="red" style={{ marginInlineEnd: 0 }}>
      {t('penalties.majorPersists')}
    </Tag>
  ) : (
    <Tag color="green" style={{ marginInlineEnd: 0 }}>
      {t('penalties.majorEliminated')}
    </Tag>
  );
}

/** The publication state of a decision: deadline, published or overdue. */
export function PublicationTag({
  publication,
}: {
  publication: PenaltyCaseListItem['publication'];
}) {
  const { t } = useLocale();
  if (!publication) return null;
  if (publication.publishedOn) {
    return (
      <Tag color={publication.overdue ? 'orange' : 'green'} style={{ marginInlineEnd: 0 }}>
        {publication.overdue
          ? t('penalties.publishedLate', { date: publication.publishedOn })
          : t('penalties.publishedOn', { date: publication.publishedOn })}
      </Tag>
    );
  }
  return publication.overdue ? (
    <Tag color="red" style={{ marginInlineEnd: 0 }}>
      {t('penalties.publicationOverdue', { date: publication.deadline })}
    </Tag>
  ) : (
    <Tag style={{ marginInlineEnd: 0 }}>
      {t('penalties.publicationDue', { date: publication.deadline })}
    </Tag>
  );
}

/** An amount of fen as yuan with thousands separators: ¥30,000.00. */
export function formatYuan(fen: number): string {
  const [whole, cents] = fenToYuan(fen).split('.') as [string, string];
  return `¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** An article as cited: 《安全生产法》第九十四条（主要负责人未履行安全生产管理职责）. */
export function useArticleLabel() {
  const { label } = useLocale();
  return (key: PenaltyArticleKey) => {
    const a = PENALTY_ARTICLES[key];
    return `${a.citation}（${label(a.title)}）`;
  };
}
