import { Flex, Progress, Tag, Typography } from 'antd';
import { CAMPAIGN_STATUS_LABELS, isoWeekday, type CampaignProgress } from '@hazard-ledger/domain';
import { useLocale } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/messages';
import '../../i18n/messages-campaign';

const WEEKDAY_KEYS: MessageKey[] = [
  'campaignUi.weekday1',
  'campaignUi.weekday2',
  'campaignUi.weekday3',
  'campaignUi.weekday4',
  'campaignUi.weekday5',
  'campaignUi.weekday6',
  'campaignUi.weekday7',
];

/** 周一 … 周日 for ISO weekdays 1 … 7. */
export function useWeekdayLabel(): (weekday: number) => string {
  const { t } = useLocale();
  return (weekday) => {
    const key = WEEKDAY_KEYS[weekday - 1];
    return key ? t(key) : String(weekday);
  };
}

export function useWeekdayOptions(): { value: number; label: string }[] {
  const weekday = useWeekdayLabel();
  return [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: weekday(d) }));
}

const STATUS_COLOR: Record<CampaignProgress['status'], string> = {
  not_started: 'default',
  in_progress: 'processing',
  between_phases: 'warning',
  finished: 'success',
};

/** 未开始 / 进行中 / 阶段间隔 / 已结束. */
export function CampaignStatusTag({ status }: { status: CampaignProgress['status'] }) {
  const { label } = useLocale();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {label(CAMPAIGN_STATUS_LABELS[status])}
    </Tag>
  );
}

const pct = (share: number | null) => Math.round((share ?? 0) * 100);

/** "2025-06-02（周一）12:00". */
export function useDueText(): (due: { date: string; hour: number }) => string {
  const weekday = useWeekdayLabel();
  return ({ date, hour }) =>
    `${date}（${weekday(isoWeekday(date))}）${String(hour).padStart(2, '0')}:00`;
}

/**
 * Where the campaign stands today: the current phase with its days left, the share of the whole
 * campaign gone by, the next milestone report and the next weekly deadline.
 */
export function ProgressFacts({
  progress: p,
  compact,
}: {
  progress: CampaignProgress;
  compact?: boolean;
}) {
  const { t } = useLocale();
  const dueText = useDueText();
  const phaseLine = p.phase
    ? t('campaigns.phaseNow', {
        name: p.phase.name,
        end: p.phase.end,
        days: p.daysLeftInPhase ?? 0,
      })
    : p.status === 'not_started'
      ? t('campaigns.startsOn', { date: p.startDate })
      : p.status === 'finished'
        ? t('campaigns.endedOn', { date: p.endDate })
        : p.nextPhase
          ? t('campaigns.betweenPhases', { name: p.nextPhase.name, date: p.nextPhase.start })
          : '—';
  return (
    <Flex vertical gap={compact ? 6 : 10}>
      <Flex gap={8} wrap align="center">
        <CampaignStatusTag status={p.status} />
        <Typography.Text strong>{phaseLine}</Typography.Text>
      </Flex>
      {p.phase ? (
        <div>
          <Typography.Text type="secondary">{t('campaigns.phaseProgress')}</Typography.Text>
          <Progress
            percent={pct(p.phaseElapsedShare)}
            size="small"
            aria-label={t('campaigns.phaseProgress')}
          />
        </div>
      ) : null}
      <div>
        <Typography.Text type="secondary">
          {t('campaigns.overall', {
            elapsed: p.elapsedDays,
            total: p.totalDays,
            start: p.startDate,
            end: p.endDate,
          })}
        </Typography.Text>
        <Progress
          percent={pct(p.elapsedShare)}
          size="small"
          status={p.status === 'finished' ? 'success' : 'normal'}
          aria-label={t('campaigns.overallLabel')}
        />
      </div>
      <Flex vertical gap={2}>
        <Typography.Text>
          {t('campaigns.nextMilestone')}：
          {p.nextMilestone
            ? t('campaigns.milestoneLine', {
                name: p.nextMilestone.name,
                due: p.nextMilestone.due,
                days: p.nextMilestone.daysLeft,
              })
            : t('common.none')}
        </Typography.Text>
        <Typography.Text>
          {t('campaigns.nextWeekly')}：
          {p.nextWeeklyDue ? dueText(p.nextWeeklyDue) : t('common.none')}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
