import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import {
  HAZARD_ACTIONS,
  HAZARD_STATUSES,
  type HazardAction,
  type HazardStatus,
} from './hazard-workflow.js';
import {
  HAZARD_CATEGORIES,
  HAZARD_LEVELS,
  HAZARD_ORIGINS,
  type HazardLevel,
  SUPERVISION_LEVELS,
  TREATMENTS,
} from './hazard.js';

const statusEnum = z.enum(HAZARD_STATUSES as [HazardStatus, ...HazardStatus[]]);
const actionEnum = z.enum(HAZARD_ACTIONS as [HazardAction, ...HazardAction[]]);

/** A row of the ledger list. */
export const hazardListItemSchema = z.object({
  id: z.number(),
  number: z.string(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  sector: z.enum(SECTORS as [Sector, ...Sector[]]),
  level: z.enum(HAZARD_LEVELS as [HazardLevel, ...HazardLevel[]]),
  title: z.string(),
  origin: z.enum(HAZARD_ORIGINS),
  foundAt: z.string(),
  status: statusEnum,
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  supervisionLevel: z.enum(SUPERVISION_LEVELS).nullable(),
  catalogItemCode: z.string().nullable(),
  version: z.number(),
});
export type HazardListItem = z.infer<typeof hazardListItemSchema>;

export const hazardFileSchema = z.object({
  id: z.number(),
  kind: z.enum(['before', 'after', 'document']),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
});
export type HazardFile = z.infer<typeof hazardFileSchema>;

export const hazardEventSchema = z.object({
  id: z.number(),
  action: z.union([actionEnum, z.enum(['created', 'edited', 'plan_saved', 'file_added'])]),
  fromStatus: statusEnum.nullable(),
  toStatus: statusEnum,
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  at: z.string(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type HazardEvent = z.infer<typeof hazardEventSchema>;

/** A hazard page: the record, its plan, history, files and what the caller may do now. */
export const hazardDetailSchema = hazardListItemSchema.extend({
  districtName: z.string(),
  enterpriseCreditCode: z.string(),
  catalogId: z.string().nullable(),
  catalogVersion: z.number().nullable(),
  noCatalogReason: z.string().nullable(),
  description: z.string(),
  place: z.string().nullable(),
  causeAnalysis: z.string().nullable(),
  category: z.enum(HAZARD_CATEGORIES).nullable(),
  foundBy: z.string(),
  treatment: z.enum(TREATMENTS),
  plan: z.object({
    responsiblePerson: z.string().nullable(),
    measures: z.string().nullable(),
    fundsYuan: z.string().nullable(),
    fundsSource: z.string().nullable(),
    deadline: z.string().nullable(),
    emergencyMeasures: z.string().nullable(),
    approvedAt: z.string().nullable(),
    missing: z.array(z.string()),
  }),
  reportedToBureauAt: z.string().nullable(),
  selfFoundAndReported: z.boolean(),
  fixDescription: z.string().nullable(),
  fixedAt: z.string().nullable(),
  leaderAcceptedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  supervisedAt: z.string().nullable(),
  extensionRequest: z.object({ deadline: z.string(), reason: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  files: z.array(hazardFileSchema),
  history: z.array(hazardEventSchema),
  availableActions: z.array(actionEnum),
  canEdit: z.boolean(),
});
export type HazardDetail = z.infer<typeof hazardDetailSchema>;

/** Editing the description of a hazard while it is still being registered. */
export const updateHazardSchema = z.strictObject({
  title: z.string().trim().min(2, { message: '请填写隐患名称' }).max(100),
  description: z.string().trim().min(2, { message: '请填写隐患描述' }).max(4000),
  place: z.string().trim().max(200).nullable(),
  causeAnalysis: z.string().trim().max(2000).nullable(),
  category: z.enum(HAZARD_CATEGORIES).nullable(),
  version: z.number().int().min(1),
});
export type UpdateHazardInput = z.infer<typeof updateHazardSchema>;

/** The columns of the major-hazard issue list (重大事故隐患问题清单) export, in order. */
export const HAZARD_LIST_COLUMNS = [
  '序号',
  '企业名称',
  '统一社会信用代码',
  '行业领域',
  '隐患名称/描述',
  '判定依据',
  '发现方式',
  '发现时间',
  '整改责任人',
  '整改措施',
  '整改资金（元）',
  '整改期限',
  '整改状态',
  '督办级别',
  '验收情况',
] as const;
