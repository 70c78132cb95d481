import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FileDoneOutlined,
  FileExclamationOutlined,
  FileSearchOutlined,
  FlagOutlined,
  NotificationOutlined,
  GiftOutlined,
  HomeOutlined,
  IdcardOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Permission } from '@hazard-ledger/domain';
import type { MessageKey } from '../i18n/messages';

/** One page of the signed-in app: its route, menu entry and the permission it needs. */
export type AppPage = {
  key: string;
  path: string;
  titleKey: MessageKey;
  icon: ComponentType;
  /** Null: every signed-in user. */
  permission: Permission | null;
  /** Shown in the side menu. */
  inMenu: boolean;
  /** A further condition for the menu entry (the route itself only needs `permission`). */
  menuIf?: (can: CanFn) => boolean;
  /** The submenu the entry sits in (none: top level). */
  group?: MenuGroupKey;
  Component: LazyExoticComponent<ComponentType>;
};

/** Submenus of the side menu: related pages under one heading keep the menu short. */
export const MENU_GROUPS = {
  duties: { titleKey: 'nav.group.duties', icon: SafetyCertificateOutlined },
  enforcement: { titleKey: 'nav.group.enforcement', icon: FileSearchOutlined },
  tips: { titleKey: 'nav.group.tips', icon: MessageOutlined },
  reports: { titleKey: 'nav.group.reports', icon: BarChartOutlined },
  team: { titleKey: 'nav.group.team', icon: IdcardOutlined },
} as const satisfies Record<string, { titleKey: MessageKey; icon: ComponentType }>;
export type MenuGroupKey = keyof typeof MENU_GROUPS;

// Each page is its own chunk, fetched the first time it is opened.
const HomePage = lazy(() =>
  import('../features/home/HomePage').then((m) => ({ default: m.HomePage })),
);
const EnterprisesPage = lazy(() =>
  import('../features/enterprises/EnterprisesPage').then((m) => ({ default: m.EnterprisesPage })),
);
const EnterpriseDetailPage = lazy(() =>
  import('../features/enterprises/detail/EnterpriseDetailPage').then((m) => ({
    default: m.EnterpriseDetailPage,
  })),
);
const EnterpriseImportPage = lazy(() =>
  import('../features/enterprises/import/EnterpriseImportPage').then((m) => ({
    default: m.EnterpriseImportPage,
  })),
);
const HazardsPage = lazy(() =>
  import('../features/hazards/HazardsPage').then((m) => ({ default: m.HazardsPage })),
);
const HazardCreatePage = lazy(() =>
  import('../features/hazards/HazardCreatePage').then((m) => ({ default: m.HazardCreatePage })),
);
const HazardDetailPage = lazy(() =>
  import('../features/hazards/HazardDetailPage').then((m) => ({ default: m.HazardDetailPage })),
);
const UsersPage = lazy(() =>
  import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })),
);
const AccountPage = lazy(() =>
  import('../features/account/AccountPage').then((m) => ({ default: m.AccountPage })),
);
const CatalogsPage = lazy(() =>
  import('../features/catalogs/CatalogsPage').then((m) => ({ default: m.CatalogsPage })),
);
const CatalogPage = lazy(() =>
  import('../features/catalogs/CatalogPage').then((m) => ({ default: m.CatalogPage })),
);
const ChecklistPage = lazy(() =>
  import('../features/catalogs/ChecklistPage').then((m) => ({ default: m.ChecklistPage })),
);
const CampaignsPage = lazy(() =>
  import('../features/campaigns/CampaignsPage').then((m) => ({ default: m.CampaignsPage })),
);
const CampaignDetailPage = lazy(() =>
  import('../features/campaigns/CampaignDetailPage').then((m) => ({
    default: m.CampaignDetailPage,
  })),
);
const NoticesPage = lazy(() =>
  import('../features/notices/NoticesPage').then((m) => ({ default: m.NoticesPage })),
);
const NoticeDetailPage = lazy(() =>
  import('../features/notices/NoticeDetailPage').then((m) => ({ default: m.NoticeDetailPage })),
);
const AlertsPage = lazy(() =>
  import('../features/alerts/AlertsPage').then((m) => ({ default: m.AlertsPage })),
);
const AlertDetailPage = lazy(() =>
  import('../features/alerts/AlertDetailPage').then((m) => ({ default: m.AlertDetailPage })),
);
const DutiesOverviewPage = lazy(() =>
  import('../features/duties/DutiesOverviewPage').then((m) => ({
    default: m.DutiesOverviewPage,
  })),
);
const SelfInspectionsPage = lazy(() =>
  import('../features/duties/self-inspection/SelfInspectionsPage').then((m) => ({
    default: m.SelfInspectionsPage,
  })),
);
const SelfInspectionRunPage = lazy(() =>
  import('../features/duties/self-inspection/SelfInspectionRunPage').then((m) => ({
    default: m.SelfInspectionRunPage,
  })),
);
const LeaderInspectionsPage = lazy(() =>
  import('../features/duties/leader/LeaderInspectionsPage').then((m) => ({
    default: m.LeaderInspectionsPage,
  })),
);
const KeyPeriodsPage = lazy(() =>
  import('../features/duties/leader/KeyPeriodsPage').then((m) => ({
    default: m.KeyPeriodsPage,
  })),
);
const CertificatesPage = lazy(() =>
  import('../features/duties/hazardous-work/CertificatesPage').then((m) => ({
    default: m.CertificatesPage,
  })),
);

const InspectionPlansPage = lazy(() =>
  import('../features/enforcement/plans/InspectionPlansPage').then((m) => ({
    default: m.InspectionPlansPage,
  })),
);
const InspectionPlanPage = lazy(() =>
  import('../features/enforcement/plans/InspectionPlanPage').then((m) => ({
    default: m.InspectionPlanPage,
  })),
);
const InspectionRecordsPage = lazy(() =>
  import('../features/enforcement/inspections/InspectionRecordsPage').then((m) => ({
    default: m.InspectionRecordsPage,
  })),
);
const InspectionRecordFormPage = lazy(() =>
  import('../features/enforcement/inspections/InspectionRecordFormPage').then((m) => ({
    default: m.InspectionRecordFormPage,
  })),
);
const InspectionRecordPage = lazy(() =>
  import('../features/enforcement/inspections/InspectionRecordPage').then((m) => ({
    default: m.InspectionRecordPage,
  })),
);
const OrdersPage = lazy(() =>
  import('../features/enforcement/orders/OrdersPage').then((m) => ({ default: m.OrdersPage })),
);
const OrderPage = lazy(() =>
  import('../features/enforcement/orders/OrderPage').then((m) => ({ default: m.OrderPage })),
);
const PenaltyCasesPage = lazy(() =>
  import('../features/enforcement/penalties/PenaltyCasesPage').then((m) => ({
    default: m.PenaltyCasesPage,
  })),
);
const PenaltyCasePage = lazy(() =>
  import('../features/enforcement/penalties/PenaltyCasePage').then((m) => ({
    default: m.PenaltyCasePage,
  })),
);
const RepeatOffendersPage = lazy(() =>
  import('../features/enforcement/penalties/RepeatOffendersPage').then((m) => ({
    default: m.RepeatOffendersPage,
  })),
);

const DispatchReportPage = lazy(() =>
  import('../features/reports/DispatchReportPage').then((m) => ({ default: m.DispatchReportPage })),
);
const RollupPage = lazy(() =>
  import('../features/reports/RollupPage').then((m) => ({ default: m.RollupPage })),
);
const ReportLayoutsPage = lazy(() =>
  import('../features/reports/ReportLayoutsPage').then((m) => ({ default: m.ReportLayoutsPage })),
);
const DisclosuresPage = lazy(() =>
  import('../features/disclosures/DisclosuresPage').then((m) => ({ default: m.DisclosuresPage })),
);
const DisclosurePage = lazy(() =>
  import('../features/disclosures/DisclosurePage').then((m) => ({ default: m.DisclosurePage })),
);
const StaffPage = lazy(() =>
  import('../features/staff/StaffPage').then((m) => ({ default: m.StaffPage })),
);
const TrainingsPage = lazy(() =>
  import('../features/staff/TrainingsPage').then((m) => ({ default: m.TrainingsPage })),
);
const TrainingPage = lazy(() =>
  import('../features/staff/TrainingPage').then((m) => ({ default: m.TrainingPage })),
);
const EnterpriseTrainingsPage = lazy(() =>
  import('../features/staff/EnterpriseTrainingsPage').then((m) => ({
    default: m.EnterpriseTrainingsPage,
  })),
);
const AccidentsPage = lazy(() =>
  import('../features/accidents/AccidentsPage').then((m) => ({ default: m.AccidentsPage })),
);
const AccidentPage = lazy(() =>
  import('../features/accidents/AccidentPage').then((m) => ({ default: m.AccidentPage })),
);
const NotificationsPage = lazy(() =>
  import('../features/notifications/NotificationsPage').then((m) => ({
    default: m.NotificationsPage,
  })),
);
const TipsPage = lazy(() =>
  import('../features/tips/staff/TipsPage').then((m) => ({ default: m.TipsPage })),
);
const TipPage = lazy(() =>
  import('../features/tips/staff/TipPage').then((m) => ({ default: m.TipPage })),
);
const InformantsPage = lazy(() =>
  import('../features/tips/informants/InformantsPage').then((m) => ({ default: m.InformantsPage })),
);
const RewardsPage = lazy(() =>
  import('../features/tips/informants/RewardsPage').then((m) => ({ default: m.RewardsPage })),
);
const MyReportsPage = lazy(() =>
  import('../features/tips/informants/MyReportsPage').then((m) => ({ default: m.MyReportsPage })),
);

/**
 * Enterprise users are the ones who answer alerts for their enterprise (alert.respond is held by
 * the enterprise roles only): they get "our checklist" in the menu, staff get the catalogs and
 * campaigns.
 */
const forEnterpriseUsers = (can: CanFn) => can(Permission.AlertRespond);
const forStaff = (can: CanFn) => !can(Permission.AlertRespond);

/** The route table: the router and the menu are both built from it. */
export const APP_PAGES: readonly AppPage[] = [
  {
    key: 'home',
    path: '/',
    titleKey: 'nav.home',
    icon: HomeOutlined,
    permission: null,
    inMenu: true,
    Component: HomePage,
  },
  {
    key: 'enterprises',
    path: '/enterprises',
    titleKey: 'nav.enterprises',
    icon: BankOutlined,
    permission: Permission.EnterpriseRead,
    inMenu: true,
    Component: EnterprisesPage,
  },
  // Sub-pages of the enterprise registry: the menu keeps "企业" selected (pageForPath matches the
  // list's prefix first); the router ranks the static /import above /:id.
  {
    key: 'enterpriseImport',
    path: '/enterprises/import',
    titleKey: 'nav.enterpriseImport',
    icon: BankOutlined,
    permission: Permission.EnterpriseImport,
    inMenu: false,
    Component: EnterpriseImportPage,
  },
  {
    key: 'enterpriseDetail',
    path: '/enterprises/:id',
    titleKey: 'nav.enterpriseDetail',
    icon: BankOutlined,
    permission: Permission.EnterpriseRead,
    inMenu: false,
    Component: EnterpriseDetailPage,
  },
  // The hazard ledger; /hazards/new ranks above /hazards/:id in the router.
  {
    key: 'hazards',
    path: '/hazards',
    titleKey: 'nav.hazards',
    icon: WarningOutlined,
    permission: Permission.HazardRead,
    inMenu: true,
    Component: HazardsPage,
  },
  {
    key: 'hazardNew',
    path: '/hazards/new',
    titleKey: 'nav.hazardNew',
    icon: WarningOutlined,
    permission: Permission.HazardCreate,
    inMenu: false,
    Component: HazardCreatePage,
  },
  {
    key: 'hazardDetail',
    path: '/hazards/:id',
    titleKey: 'nav.hazardDetail',
    icon: WarningOutlined,
    permission: Permission.HazardRead,
    inMenu: false,
    Component: HazardDetailPage,
  },
  // Criteria catalogs, checklist, campaigns, notices and accident-lesson alerts (issue 4).
  {
    key: 'catalogs',
    path: '/catalogs',
    titleKey: 'nav.catalogs',
    icon: BookOutlined,
    permission: Permission.CatalogRead,
    inMenu: true,
    menuIf: forStaff,
    Component: CatalogsPage,
  },
  {
    key: 'catalogDetail',
    path: '/catalogs/:catalogId',
    titleKey: 'nav.catalogDetail',
    icon: BookOutlined,
    permission: Permission.CatalogRead,
    inMenu: false,
    Component: CatalogPage,
  },
  {
    key: 'checklist',
    path: '/checklist',
    titleKey: 'nav.checklist',
    icon: CheckSquareOutlined,
    permission: Permission.CatalogRead,
    inMenu: true,
    menuIf: forEnterpriseUsers,
    Component: ChecklistPage,
  },
  {
    key: 'campaigns',
    path: '/campaigns',
    titleKey: 'nav.campaigns',
    icon: FlagOutlined,
    permission: Permission.CampaignRead,
    inMenu: true,
    menuIf: forStaff,
    Component: CampaignsPage,
  },
  {
    key: 'campaignDetail',
    path: '/campaigns/:id',
    titleKey: 'nav.campaignDetail',
    icon: FlagOutlined,
    permission: Permission.CampaignRead,
    inMenu: false,
    Component: CampaignDetailPage,
  },
  {
    key: 'notices',
    path: '/notices',
    titleKey: 'nav.notices',
    icon: NotificationOutlined,
    permission: Permission.NoticeRead,
    inMenu: true,
    Component: NoticesPage,
  },
  {
    key: 'noticeDetail',
    path: '/notices/:id',
    titleKey: 'nav.noticeDetail',
    icon: NotificationOutlined,
    permission: Permission.NoticeRead,
    inMenu: false,
    Component: NoticeDetailPage,
  },
  {
    key: 'alerts',
    path: '/alerts',
    titleKey: 'nav.alerts',
    icon: AlertOutlined,
    permission: Permission.AlertRead,
    inMenu: true,
    Component: AlertsPage,
  },
  {
    key: 'alertDetail',
    path: '/alerts/:id',
    titleKey: 'nav.alertDetail',
    icon: AlertOutlined,
    permission: Permission.AlertRead,
    inMenu: false,
    Component: AlertDetailPage,
  },
  // The enterprises' five duties and self-inspections (issue 6).
  {
    key: 'duties',
    group: 'duties',
    path: '/duties',
    titleKey: 'nav.duties',
    icon: SafetyCertificateOutlined,
    permission: Permission.DutyRead,
    inMenu: true,
    Component: DutiesOverviewPage,
  },
  {
    key: 'selfInspections',
    group: 'duties',
    path: '/self-inspections',
    titleKey: 'nav.selfInspections',
    icon: FileDoneOutlined,
    permission: Permission.DutyRead,
    inMenu: true,
    Component: SelfInspectionsPage,
  },
  {
    key: 'selfInspectionRun',
    path: '/self-inspections/:id',
    titleKey: 'nav.selfInspectionRun',
    icon: FileDoneOutlined,
    permission: Permission.DutyRead,
    inMenu: false,
    Component: SelfInspectionRunPage,
  },
  {
    key: 'leaderInspections',
    group: 'duties',
    path: '/leader-inspections',
    titleKey: 'nav.leaderInspections',
    icon: ScheduleOutlined,
    permission: Permission.DutyRead,
    inMenu: true,
    Component: LeaderInspectionsPage,
  },
  {
    key: 'keyPeriods',
    group: 'duties',
    path: '/key-periods',
    titleKey: 'nav.keyPeriods',
    icon: CalendarOutlined,
    permission: Permission.DutyRead,
    inMenu: true,
    Component: KeyPeriodsPage,
  },
  {
    key: 'certificates',
    group: 'duties',
    path: '/certificates',
    titleKey: 'nav.certificates',
    icon: IdcardOutlined,
    permission: Permission.DutyRead,
    inMenu: true,
    Component: CertificatesPage,
  },
  // Enforcement (issue 7).
  {
    key: 'inspectionPlans',
    path: '/inspection-plans',
    titleKey: 'nav.inspectionPlans',
    icon: ScheduleOutlined,
    permission: Permission.EnforcementPlan,
    inMenu: true,
    group: 'enforcement',
    Component: InspectionPlansPage,
  },
  {
    key: 'inspectionPlan',
    path: '/inspection-plans/:id',
    titleKey: 'nav.inspectionPlan',
    icon: ScheduleOutlined,
    permission: Permission.EnforcementRead,
    inMenu: false,
    Component: InspectionPlanPage,
  },
  {
    key: 'inspections',
    path: '/inspections',
    titleKey: 'nav.inspections',
    icon: FileSearchOutlined,
    permission: Permission.EnforcementRead,
    inMenu: true,
    group: 'enforcement',
    Component: InspectionRecordsPage,
  },
  {
    key: 'inspectionNew',
    path: '/inspections/new',
    titleKey: 'nav.inspectionNew',
    icon: FileSearchOutlined,
    permission: Permission.EnforcementInspect,
    inMenu: false,
    Component: InspectionRecordFormPage,
  },
  {
    key: 'inspection',
    path: '/inspections/:id',
    titleKey: 'nav.inspection',
    icon: FileSearchOutlined,
    permission: Permission.EnforcementRead,
    inMenu: false,
    Component: InspectionRecordPage,
  },
  {
    key: 'orders',
    path: '/orders',
    titleKey: 'nav.orders',
    icon: FileExclamationOutlined,
    permission: Permission.EnforcementRead,
    inMenu: true,
    group: 'enforcement',
    Component: OrdersPage,
  },
  {
    key: 'order',
    path: '/orders/:id',
    titleKey: 'nav.order',
    icon: FileExclamationOutlined,
    permission: Permission.EnforcementRead,
    inMenu: false,
    Component: OrderPage,
  },
  {
    key: 'penaltyCases',
    path: '/penalty-cases',
    titleKey: 'nav.penaltyCases',
    icon: AuditOutlined,
    permission: Permission.EnforcementRead,
    inMenu: true,
    group: 'enforcement',
    Component: PenaltyCasesPage,
  },
  {
    key: 'penaltyCase',
    path: '/penalty-cases/:id',
    titleKey: 'nav.penaltyCase',
    icon: AuditOutlined,
    permission: Permission.EnforcementRead,
    inMenu: false,
    Component: PenaltyCasePage,
  },
  {
    key: 'repeatOffenders',
    path: '/repeat-offenders',
    titleKey: 'nav.repeatOffenders',
    icon: WarningOutlined,
    permission: Permission.EnforcementPenalty,
    inMenu: true,
    group: 'enforcement',
    Component: RepeatOffendersPage,
  },
  // Tips, informants and rewards (issue 8).
  {
    key: 'tips',
    path: '/tips',
    titleKey: 'nav.tips',
    icon: MessageOutlined,
    permission: Permission.TipRead,
    inMenu: true,
    group: 'tips',
    Component: TipsPage,
  },
  {
    key: 'tip',
    path: '/tips/:id',
    titleKey: 'nav.tip',
    icon: MessageOutlined,
    permission: Permission.TipRead,
    inMenu: false,
    Component: TipPage,
  },
  {
    key: 'informants',
    path: '/informants',
    titleKey: 'nav.informants',
    icon: IdcardOutlined,
    permission: Permission.InformantManage,
    inMenu: true,
    group: 'tips',
    Component: InformantsPage,
  },
  {
    key: 'rewards',
    path: '/rewards',
    titleKey: 'nav.rewards',
    icon: GiftOutlined,
    permission: Permission.RewardManage,
    inMenu: true,
    group: 'tips',
    Component: RewardsPage,
  },
  {
    key: 'myReports',
    path: '/my-reports',
    titleKey: 'nav.myReports',
    icon: MessageOutlined,
    permission: Permission.TipReport,
    inMenu: true,
    Component: MyReportsPage,
  },
  // Weekly dispatch reports and the city roll-up (issue 9).
  {
    key: 'dispatchReport',
    path: '/reports/dispatch',
    titleKey: 'nav.dispatchReport',
    icon: BarChartOutlined,
    permission: Permission.ReportRead,
    inMenu: true,
    group: 'reports',
    Component: DispatchReportPage,
  },
  {
    key: 'reportRollup',
    path: '/reports/rollup',
    titleKey: 'nav.reportRollup',
    icon: BarChartOutlined,
    permission: Permission.ReportRead,
    inMenu: true,
    group: 'reports',
    Component: RollupPage,
  },
  {
    key: 'reportLayouts',
    path: '/reports/layouts',
    titleKey: 'nav.reportLayouts',
    icon: BarChartOutlined,
    permission: Permission.ReportRead,
    inMenu: true,
    group: 'reports',
    Component: ReportLayoutsPage,
  },
  // Issue 10: disclosure, enforcement staff and training, accidents, notifications.
  {
    key: 'disclosures',
    path: '/disclosures',
    titleKey: 'nav.disclosures',
    icon: NotificationOutlined,
    permission: Permission.DisclosureManage,
    inMenu: true,
    Component: DisclosuresPage,
  },
  {
    key: 'disclosure',
    path: '/disclosures/:id',
    titleKey: 'nav.disclosure',
    icon: NotificationOutlined,
    permission: Permission.DisclosureManage,
    inMenu: false,
    Component: DisclosurePage,
  },
  {
    key: 'staff',
    path: '/staff',
    titleKey: 'nav.staff',
    icon: IdcardOutlined,
    permission: Permission.StaffRead,
    inMenu: true,
    group: 'team',
    Component: StaffPage,
  },
  {
    key: 'trainings',
    path: '/trainings',
    titleKey: 'nav.trainings',
    icon: CalendarOutlined,
    permission: Permission.TrainingManage,
    inMenu: true,
    group: 'team',
    Component: TrainingsPage,
  },
  {
    key: 'training',
    path: '/trainings/:id',
    titleKey: 'nav.training',
    icon: CalendarOutlined,
    permission: Permission.TrainingManage,
    inMenu: false,
    Component: TrainingPage,
  },
  {
    key: 'myTrainings',
    path: '/my-trainings',
    titleKey: 'nav.myTrainings',
    icon: CalendarOutlined,
    permission: Permission.TrainingEnroll,
    inMenu: true,
    Component: EnterpriseTrainingsPage,
  },
  {
    key: 'accidents',
    path: '/accidents',
    titleKey: 'nav.accidents',
    icon: AlertOutlined,
    permission: Permission.AccidentRead,
    inMenu: true,
    group: 'enforcement',
    Component: AccidentsPage,
  },
  {
    key: 'accident',
    path: '/accidents/:id',
    titleKey: 'nav.accident',
    icon: AlertOutlined,
    permission: Permission.AccidentRead,
    inMenu: false,
    Component: AccidentPage,
  },
  {
    key: 'notifications',
    path: '/notifications',
    titleKey: 'nav.notifications',
    icon: NotificationOutlined,
    permission: null,
    inMenu: false,
    Component: NotificationsPage,
  },
  {
    key: 'users',
    path: '/users',
    titleKey: 'nav.users',
    icon: TeamOutlined,
    permission: Permission.UserRead,
    inMenu: true,
    Component: UsersPage,
  },
  {
    key: 'audit',
    path: '/audit',
    titleKey: 'nav.audit',
    icon: AuditOutlined,
    permission: Permission.AuditRead,
    inMenu: true,
    Component: AuditPage,
  },
  {
    key: 'account',
    path: '/account',
    titleKey: 'nav.account',
    icon: UserOutlined,
    permission: null,
    inMenu: true,
    Component: AccountPage,
  },
];

/** Answers whether the user holds a permission (useCanFn() in components). */
export type CanFn = (permission: Permission) => boolean;

/** Whether a page is open to the user. */
export function isPageAllowed(page: AppPage, can: CanFn): boolean {
  return page.permission === null || can(page.permission);
}

/** The menu entries the user sees, in table order. */
export function menuPagesFor(can: CanFn): AppPage[] {
  return APP_PAGES.filter(
    (p) => p.inMenu && isPageAllowed(p, can) && (p.menuIf ? p.menuIf(can) : true),
  );
}

/** The page a location belongs to (exact match for "/", prefix match for the others). */
export function pageForPath(pathname: string): AppPage | undefined {
  return APP_PAGES.find((p) =>
    p.path === '/' ? pathname === '/' : pathname === p.path || pathname.startsWith(`${p.path}/`),
  );
}
