import { Flex, Steps, Tag, Timeline, Typography } from 'antd';
import type { CampaignView } from '@hazard-ledger/domain';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-campaign';

// The campaign page's steps and timeline, apart from progress.tsx: the home page's campaign card
// uses the progress facts only and should not download Steps and Timeline with them.

/** The phases as steps: done, current (with days left) and to come. */
export function PhaseSteps({
  campaign,
  vertical,
}: {
  campaign: Pick<CampaignView, 'phases' | 'progress'>;
  vertical?: boolean;
}) {
  const { t } = useLocale();
  const date = campaign.progress.date;
  const current = campaign.progress.phase?.index ?? -1;
  return (
    <Steps
      orientation={vertical ? 'vertical' : 'horizontal'}
      size="small"
      current={current >= 0 ? current : campaign.phases.filter((p) => p.end < date).length}
      items={campaign.phases.map((p, i) => ({
        title: p.name,
        status: p.end < date ? 'finish' : i === current ? 'process' : 'wait',
        content: (
          <Flex vertical>
            <span>
              {p.start} ~ {p.end}
            </span>
            {i === current ? (
              <Typography.Text type="warning">
                {t('campaigns.daysLeft', { days: campaign.progress.daysLeftInPhase ?? 0 })}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
      }))}
    />
  );
}

/** The milestone reports on a timeline: past ones grey, the next one highlighted. */
export function MilestoneTimeline({
  campaign,
}: {
  campaign: Pick<CampaignView, 'milestones' | 'progress'>;
}) {
  const { t } = useLocale();
  const date = campaign.progress.date;
  const next = campaign.progress.nextMilestone?.key;
  const sorted = [...campaign.milestones].sort((a, b) => a.due.localeCompare(b.due));
  if (sorted.length === 0)
    return <Typography.Text type="secondary">{t('campaigns.noMilestones')}</Typography.Text>;
  return (
    <Timeline
      items={sorted.map((m) => ({
        color: m.key === next ? 'blue' : m.due < date ? 'gray' : 'green',
        title: m.due,
        content: (
          <Flex gap={8} wrap>
            <span>{m.name}</span>
            {m.key === next ? (
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {t('campaigns.dueInDays', { days: campaign.progress.nextMilestone?.daysLeft ?? 0 })}
              </Tag>
            ) : m.due < date ? (
              <Typography.Text type="secondary">{t('campaigns.pastDue')}</Typography.Text>
            ) : null}
          </Flex>
        ),
      }))}
    />
  );
}
