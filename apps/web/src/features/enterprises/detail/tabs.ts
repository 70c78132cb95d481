import { lazy, type ComponentType } from 'react';
import type { EnterpriseDetail } from '../../../api/enterprises-api';
import type { MessageKey } from '../../../i18n/messages';
import { AccountsTab } from './AccountsTab';
import { BasicInfoTab } from './BasicInfoTab';
import { HazardSourcesTab } from './HazardSourcesTab';
import { PeopleTab } from './PeopleTab';
import type { EnterpriseTabProps } from './tab-types';
import '../../../i18n/messages-hazard';
import '../../../i18n/messages-duty';
import '../../../i18n/messages-enforcement';

// Tabs of later modules load in their own chunks.
const named = <K extends string>(
  load: () => Promise<Record<K, ComponentType<EnterpriseTabProps>>>,
  key: K,
) => lazy(() => load().then((m) => ({ default: m[key] })));
const HazardsTab = named(() => import('../../hazards/EnterpriseHazardsTab'), 'EnterpriseLedgerTab');
const ScorecardTab = named(() => import('../../duties/ScorecardTab'), 'ScorecardTab');
const OrganizeDutyTab = named(() => import('../../duties/OrganizeDutyTab'), 'OrganizeDutyTab');
const ResponsibilityTab = named(
  () => import('../../duties/records/ResponsibilityTab'),
  'ResponsibilityTab',
);
const HazardousWorkTab = named(
  () => import('../../duties/hazardous-work/HazardousWorkTab'),
  'HazardousWorkTab',
);
const OutsourcingTab = named(() => import('../../duties/records/OutsourcingTab'), 'OutsourcingTab');
const DrillsTab = named(() => import('../../duties/records/DrillsTab'), 'DrillsTab');
const EnforcementTab = named(
  () => import('../../enforcement/EnterpriseEnforcementTab'),
  'EnterpriseEnforcementTab',
);

/** One tab of the enterprise page; its key is the `?tab=` value. */
export type EnterpriseTab = {
  key: string;
  titleKey: MessageKey;
  /** Whether the tab is shown for this enterprise and user (from the detail's `can`). */
  visible: (enterprise: EnterpriseDetail) => boolean;
  Component: ComponentType<EnterpriseTabProps>;
};

/**
 * The tabs of the enterprise page, in order. A later module (hazards, inspections, duties) adds
 * its tab here with one entry — use React.lazy for its Component to keep it in its own chunk.
 */
export const ENTERPRISE_TABS: readonly EnterpriseTab[] = [
  { key: 'basic', titleKey: 'enterprises.tab.basic', visible: () => true, Component: BasicInfoTab },
  { key: 'people', titleKey: 'enterprises.tab.people', visible: () => true, Component: PeopleTab },
  {
    key: 'sources',
    titleKey: 'enterprises.tab.sources',
    visible: () => true,
    Component: HazardSourcesTab,
  },
  { key: 'hazards', titleKey: 'hazards.tab', visible: () => true, Component: HazardsTab },
  {
    key: 'duties',
    titleKey: 'duties.tab.scorecard',
    visible: () => true,
    Component: ScorecardTab,
  },
  {
    key: 'duty-organize',
    titleKey: 'duties.tab.organize',
    visible: () => true,
    Component: OrganizeDutyTab,
  },
  {
    key: 'duty-responsibility',
    titleKey: 'duties.tab.responsibility',
    visible: () => true,
    Component: ResponsibilityTab,
  },
  {
    key: 'duty-hazardous-work',
    titleKey: 'duties.tab.hazardousWork',
    visible: () => true,
    Component: HazardousWorkTab,
  },
  {
    key: 'duty-outsourcing',
    titleKey: 'duties.tab.outsourcing',
    visible: () => true,
    Component: OutsourcingTab,
  },
  { key: 'duty-drills', titleKey: 'duties.tab.drills', visible: () => true, Component: DrillsTab },
  {
    key: 'enforcement',
    titleKey: 'enforcement.tab',
    visible: () => true,
    Component: EnforcementTab,
  },
  {
    key: 'accounts',
    titleKey: 'enterprises.tab.accounts',
    visible: (e) => e.can.manageAccounts,
    Component: AccountsTab,
  },
];

/** The tabs shown for an enterprise. */
export function visibleTabs(enterprise: EnterpriseDetail): EnterpriseTab[] {
  return ENTERPRISE_TABS.filter((tab) => tab.visible(enterprise));
}
