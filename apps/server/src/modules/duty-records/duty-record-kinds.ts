import type { Kysely, Transaction } from 'kysely';
import {
  campaignWorkListInputSchema,
  type CampaignWorkListInput,
  deputyDutyListInputSchema,
  type DeputyDutyListInput,
  dutyPositionInputSchema,
  type DutyPositionInput,
  emergencyDrillInputSchema,
  type EmergencyDrillInput,
  engagedExpertInputSchema,
  type EngagedExpertInput,
  outsourcingContractInputSchema,
  type OutsourcingContractInput,
  outsourcingReviewInputSchema,
  type OutsourcingReviewInput,
  updateCampaignWorkListSchema,
  updateDeputyDutyListSchema,
  updateDutyPositionSchema,
  updateEmergencyDrillSchema,
  updateEngagedExpertSchema,
  updateOutsourcingContractSchema,
  updateOutsourcingReviewSchema,
} from '@hazard-ledger/domain';
import type { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { fieldError } from '../../lib/app-error.js';
import { campaignForEnterprise } from '../campaigns/enterprise-campaign.js';
import { listRecords, type RecordTable } from './duty-records.repository.js';

// The kinds of record this module keeps, each with its table, audit name, input schemas and
// the columns an input becomes. Routes and use cases are generic over these.

type Q = Kysely<Database> | Transaction<Database>;

/** What turning an input into columns may need: the database, the enterprise and today. */
export type KindEnv = { db: Q; enterpriseId: number; today: string; cutoff: string };

/** The tab a kind of record shows on (its write answers with that tab's view). */
export type DutySection = 'responsibility' | 'outsourcing' | 'drills';

export type RecordKind<I> = {
  table: RecordTable;
  /** Audit entity type, and the prefix of its actions (`<entity>.created`). */
  entity: string;
  section: DutySection;
  summary: string;
  create: z.ZodType<I>;
  update: z.ZodType<I & { version: number }>;
  /** Columns for a new record (`isNew`) or an edit; throws a field error for a bad input. */
  columns: (input: I, env: KindEnv, isNew: boolean) => Promise<Record<string, unknown>>;
};

const notAfterToday = (value: string | null, today: string, path: string, what: string) => {
  if (value && value > today) throw fieldError(path, `${what}不能晚于今天`);
};

const positions: RecordKind<DutyPositionInput> = {
  table: 'duty_positions',
  entity: 'duty_position',
  section: 'responsibility',
  summary: '岗位安全生产责任',
  create: dutyPositionInputSchema,
  update: updateDutyPositionSchema,
  columns: async (i) => ({ name: i.name, category: i.category, duties: i.duties }),
};

const deputyLists: RecordKind<DeputyDutyListInput> = {
  table: 'duty_deputy_lists',
  entity: 'deputy_duty_list',
  section: 'responsibility',
  summary: '分管负责人安全生产职责清单',
  create: deputyDutyListInputSchema,
  update: updateDeputyDutyListSchema,
  columns: async (i) => ({ name: i.name, title: i.title, area: i.area, duties: i.duties }),
};

const workLists: RecordKind<CampaignWorkListInput> = {
  table: 'duty_work_lists',
  entity: 'work_list',
  section: 'responsibility',
  summary: '专项行动工作清单',
  create: campaignWorkListInputSchema,
  update: updateCampaignWorkListSchema,
  // A new list belongs to this year and to the campaign the enterprise is in today, if any.
  columns: async (i, env, isNew) => {
    if (!isNew) return { title: i.title, content: i.content };
    const campaign = await campaignForEnterprise(env.db, env.enterpriseId, env.today);
    return {
      title: i.title,
      content: i.content,
      year: Number(env.today.slice(0, 4)),
      campaign_id: campaign?.id ?? null,
    };
  },
};

const experts: RecordKind<EngagedExpertInput> = {
  table: 'duty_experts',
  entity: 'duty_expert',
  section: 'responsibility',
  summary: '聘请专家',
  create: engagedExpertInputSchema,
  update: updateEngagedExpertSchema,
  columns: async (i) => ({
    name: i.name,
    specialty: i.specialty,
    organisation: i.organisation,
    phone: i.phone,
    engaged_from: i.engagedFrom,
    engaged_to: i.engagedTo,
    scope: i.scope,
  }),
};

const contracts: RecordKind<OutsourcingContractInput> = {
  table: 'outsourcing_contracts',
  entity: 'outsourcing_contract',
  section: 'outsourcing',
  summary: '外包外租合同',
  create: outsourcingContractInputSchema,
  update: updateOutsourcingContractSchema,
  columns: async (i, env) => {
    notAfterToday(i.agreementSignedOn, env.today, 'agreementSignedOn', '安全生产协议签订日期');
    return {
      kind: i.kind,
      counterparty: i.counterparty,
      scope_kind: i.scopeKind,
      scope: i.scope,
      start_date: i.startDate,
      end_date: i.endDate,
      qualification_name: i.qualificationName,
      qualification_number: i.qualificationNumber,
      qualification_expiry: i.qualificationExpiry,
      agreement_signed_on: i.agreementSignedOn,
      duties_defined: i.dutiesDefined ? 1 : 0,
      duties_text: i.dutiesDefined ? i.dutiesText : null,
    };
  },
};

const reviews: RecordKind<OutsourcingReviewInput> = {
  table: 'outsourcing_reviews',
  entity: 'outsourcing_review',
  section: 'outsourcing',
  summary: '外包外租全面排查',
  create: outsourcingReviewInputSchema,
  update: updateOutsourcingReviewSchema,
  columns: async (i, env) => {
    notAfterToday(i.checkDate, env.today, 'checkDate', '排查日期');
    if (i.contractIds.length > 0) {
      const own = new Set(
        (await listRecords(env.db, 'outsourcing_contracts', env.enterpriseId, env.cutoff)).map(
          (c) => c.id,
        ),
      );
      if (i.contractIds.some((id) => !own.has(id))) {
        throw fieldError('contractIds', '所选合同不存在或不属于本企业');
      }
    }
    return {
      check_date: i.checkDate,
      scope: i.scope,
      contract_ids: JSON.stringify(i.contractIds),
      findings: i.findings,
      actions: i.actions,
    };
  },
};

const drills: RecordKind<EmergencyDrillInput> = {
  table: 'emergency_drills',
  entity: 'emergency_drill',
  section: 'drills',
  summary: '应急演练',
  create: emergencyDrillInputSchema,
  update: updateEmergencyDrillSchema,
  columns: async (i, env) => {
    notAfterToday(i.drillDate, env.today, 'drillDate', '演练日期');
    return {
      scenario: i.scenario,
      drill_type: i.drillType,
      drill_date: i.drillDate,
      participants: i.participants,
      equipment_used: i.equipmentUsed,
      equipment_added: i.equipmentAdded,
      evaluation: i.evaluation,
      improvements: i.improvements,
    };
  },
};

/** The kinds by their URL segment (`/enterprises/:id/duty-records/<segment>`). */
export const RECORD_KINDS = {
  positions,
  'deputy-lists': deputyLists,
  'work-lists': workLists,
  experts,
  contracts,
  reviews,
  drills,
} as const;
export type RecordKindKey = keyof typeof RECORD_KINDS;
export const RECORD_KIND_KEYS = Object.keys(RECORD_KINDS) as RecordKindKey[];
