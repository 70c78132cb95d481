import { Flex, Grid, Segmented, Select } from 'antd';
import {
  SECTOR_LABELS,
  type ReportKind,
  type ReportOptionsView,
  type Sector,
} from '@hazard-ledger/domain';
import { formatDateTime } from '../../components/format';
import { useLocale } from '../../i18n/locale-context';
import type { ReportSelection, ResolvedSelection } from './report-selection';
import { sectorChoices } from './report-selection';
import { useRangeText } from './report-labels';

type Props = {
  options: ReportOptionsView;
  /** The districts (dispatch page) or the roll-up units. */
  units: { id: number; name: string }[];
  unitLabel: string;
  value: ResolvedSelection;
  /** A change of the selection; the page writes it to the URL. */
  onChange: (next: ReportSelection) => void;
};

/**
 * The pickers of a report: district (or roll-up unit), sector (the caller's), campaign, weekly
 * or milestone, and the week (with its due time) or the milestone.
 */
export function ReportSelectors({ options, units, unitLabel, value, onChange }: Props) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const rangeText = useRangeText();
  const { campaign } = value;
  const width = (w: number) => (screens.sm ? { width: w } : { width: '100%' });
  // Any change leaves the version shown: it belonged to the report picked before.
  const base: ReportSelection = {
    unitId: value.unitId,
    sector: value.sector,
    campaignId: campaign.id,
    kind: value.kind,
    week: value.week,
    milestone: value.milestone,
  };
  const change = (patch: Partial<ReportSelection>) => onChange({ ...base, ...patch });

  const weekOptions = campaign.weeks.map((w) => ({
    value: w.from,
    label: `${rangeText(w.from, w.to)}（${t('reports.dueShort', { due: formatDateTime(w.dueAt) })}）`,
  }));
  if (value.week && !campaign.weeks.some((w) => w.from === value.week))
    weekOptions.unshift({ value: value.week, label: value.week });

  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }} role="search">
      <Select<number>
        id="reportUnit"
        aria-label={unitLabel}
        value={value.unitId}
        onChange={(unitId) => change({ unitId })}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        style={width(200)}
        popupMatchSelectWidth={false}
      />
      <Select<Sector>
        id="reportSector"
        aria-label={t('reports.sector')}
        value={value.sector}
        onChange={(sector) => change({ sector })}
        options={sectorChoices(options, campaign).map((s) => ({
          value: s,
          label: label(SECTOR_LABELS[s]),
        }))}
        style={width(140)}
      />
      <Select<number>
        id="reportCampaign"
        aria-label={t('reports.campaign')}
        value={campaign.id}
        onChange={(campaignId) => change({ campaignId, week: undefined, milestone: undefined })}
        options={options.campaigns.map((c) => ({ value: c.id, label: c.name }))}
        style={width(240)}
        popupMatchSelectWidth={false}
      />
      <Segmented<ReportKind>
        aria-label={t('reports.kind')}
        value={value.kind}
        onChange={(kind) => change({ kind })}
        options={[
          { value: 'weekly', label: t('reports.kind.weekly') },
          {
            value: 'milestone',
            label: t('reports.kind.milestone'),
            disabled: campaign.milestones.length === 0,
          },
        ]}
      />
      {value.kind === 'weekly' ? (
        <Select<string>
          id="reportWeek"
          aria-label={t('reports.week')}
          placeholder={t('reports.noWeeks')}
          value={value.week}
          onChange={(week) => change({ week })}
          options={weekOptions}
          style={width(380)}
          popupMatchSelectWidth={false}
          showSearch={{ optionFilterProp: 'label' }}
        />
      ) : (
        <Select<string>
          id="reportMilestone"
          aria-label={t('reports.milestone')}
          value={value.milestone}
          onChange={(milestone) => change({ milestone })}
          options={campaign.milestones.map((m) => ({
            value: m.key,
            label: `${m.name}（${t('reports.dueShort', { due: formatDateTime(m.dueAt) })}）`,
          }))}
          style={width(320)}
          popupMatchSelectWidth={false}
        />
      )}
    </Flex>
  );
}
