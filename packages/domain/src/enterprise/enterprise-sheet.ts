import { SECTOR_LABELS, SECTORS, type Sector } from '../common/sector.js';
import {
  ENTERPRISE_STATUS_LABELS,
  ENTERPRISE_STATUSES,
  ENTERPRISE_TAG_LABELS,
  ENTERPRISE_TAGS,
  type EnterpriseStatus,
  type EnterpriseTag,
  SUB_TYPE_LABELS,
} from './enterprise-attributes.js';
import { SAFETY_AGENCY_KINDS, SAFETY_AGENCY_LABELS, type SafetyAgencyKind } from './enterprise.js';

// The enterprise spreadsheet: one column set for the import template, the import and the export,
// so that exporting and re-importing a list changes nothing.

export type SheetColumn = {
  key: SheetKey;
  header: string;
  required: boolean;
  note: string;
  example: string;
  width: number;
};

export const SHEET_KEYS = [
  'name',
  'creditCode',
  'sector',
  'subType',
  'tags',
  'district',
  'address',
  'longitude',
  'latitude',
  'status',
  'statusDate',
  'statusReason',
  'employees',
  'leaderName',
  'leaderPhone',
  'leaderAssessed',
  'safetyName',
  'safetyPhone',
  'safetyAssessed',
  'safetyAgency',
  'safetyStaffCount',
  'licenceType',
  'licenceNumber',
  'licenceExpiry',
] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

const label = (o: { zh: string }) => o.zh;
const sectorList = SECTORS.map((s) => label(SECTOR_LABELS[s])).join('、');

export const ENTERPRISE_SHEET_COLUMNS: SheetColumn[] = [
  {
    key: 'name',
    header: '企业名称',
    required: true,
    note: '营业执照上的全称',
    example: '东胜区某某化工有限公司',
    width: 32,
  },
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    required: true,
    note: '18位，含校验位；据此判断新增或更新',
    example: '91350100M000100Y43',
    width: 22,
  },
  {
    key: 'sector',
    header: '行业领域',
    required: true,
    note: `填：${sectorList}`,
    example: '危险化学品',
    width: 12,
  },
  {
    key: 'subType',
    header: '企业类型',
    required: true,
    note: SECTORS.map(
      (s) =>
        `${label(SECTOR_LABELS[s])}：${Object.values(SUB_TYPE_LABELS[s]).map(label).join('/')}`,
    ).join('；'),
    example: '生产',
    width: 10,
  },
  {
    key: 'tags',
    header: '特殊标签',
    required: false,
    note: `多个用“；”分隔：${ENTERPRISE_TAGS.map((t) => label(ENTERPRISE_TAG_LABELS[t])).join('、')}`,
    example: '重大危险源；有限空间作业',
    width: 24,
  },
  {
    key: 'district',
    header: '所属区县',
    required: true,
    note: '区县名称（如“东胜区”）或机构编码',
    example: '东胜区',
    width: 14,
  },
  {
    key: 'address',
    header: '详细地址',
    required: false,
    note: '',
    example: '东胜区某某路1号',
    width: 30,
  },
  {
    key: 'longitude',
    header: '经度',
    required: false,
    note: '十进制度，如 109.98',
    example: '109.98',
    width: 10,
  },
  {
    key: 'latitude',
    header: '纬度',
    required: false,
    note: '十进制度，如 39.81',
    example: '39.81',
    width: 10,
  },
  {
    key: 'status',
    header: '经营状态',
    required: false,
    note: `填：${ENTERPRISE_STATUSES.map((s) => label(ENTERPRISE_STATUS_LABELS[s])).join('、')}；空为正常生产经营`,
    example: '正常生产经营',
    width: 14,
  },
  {
    key: 'statusDate',
    header: '状态日期',
    required: false,
    note: '停产或关闭时必填，YYYY-MM-DD',
    example: '',
    width: 12,
  },
  {
    key: 'statusReason',
    header: '状态原因',
    required: false,
    note: '停产或关闭时必填',
    example: '',
    width: 20,
  },
  {
    key: 'employees',
    header: '从业人数',
    required: false,
    note: '整数',
    example: '120',
    width: 10,
  },
  {
    key: 'leaderName',
    header: '主要负责人',
    required: false,
    note: '',
    example: '张三',
    width: 12,
  },
  {
    key: 'leaderPhone',
    header: '主要负责人电话',
    required: false,
    note: '',
    example: '13800000000',
    width: 16,
  },
  {
    key: 'leaderAssessed',
    header: '主要负责人考核合格',
    required: false,
    note: '是/否',
    example: '是',
    width: 12,
  },
  {
    key: 'safetyName',
    header: '安全管理人员',
    required: false,
    note: '',
    example: '李四',
    width: 12,
  },
  {
    key: 'safetyPhone',
    header: '安全管理人员电话',
    required: false,
    note: '',
    example: '13900000000',
    width: 16,
  },
  {
    key: 'safetyAssessed',
    header: '安全管理人员考核合格',
    required: false,
    note: '是/否',
    example: '是',
    width: 12,
  },
  {
    key: 'safetyAgency',
    header: '安全管理机构',
    required: false,
    note: `填：${SAFETY_AGENCY_KINDS.map((k) => label(SAFETY_AGENCY_LABELS[k])).join('、')}`,
    example: '专职安全管理人员',
    width: 18,
  },
  {
    key: 'safetyStaffCount',
    header: '专兼职安全管理人员数',
    required: false,
    note: '整数',
    example: '3',
    width: 12,
  },
  {
    key: 'licenceType',
    header: '许可证类型',
    required: false,
    note: '如 安全生产许可证、危险化学品经营许可证',
    example: '安全生产许可证',
    width: 18,
  },
  {
    key: 'licenceNumber',
    header: '许可证编号',
    required: false,
    note: '',
    example: '（蒙）WH安许证字〔2021〕000123',
    width: 26,
  },
  {
    key: 'licenceExpiry',
    header: '许可证有效期至',
    required: false,
    note: 'YYYY-MM-DD',
    example: '2026-12-31',
    width: 14,
  },
];

/** Largest number of data rows one import may carry. */
export const MAX_IMPORT_ROWS = 20_000;

const byLabel = <T extends string>(
  values: readonly T[],
  labels: Record<T, { zh: string; en: string }>,
) =>
  new Map<string, T>(
    values.flatMap((v) => [[labels[v].zh, v] as [string, T], [v, v] as [string, T]]),
  );

const SECTOR_BY_LABEL = byLabel(SECTORS, SECTOR_LABELS);
const TAG_BY_LABEL = byLabel(ENTERPRISE_TAGS, ENTERPRISE_TAG_LABELS);
const STATUS_BY_LABEL = byLabel(ENTERPRISE_STATUSES, ENTERPRISE_STATUS_LABELS);
const AGENCY_BY_LABEL = byLabel(SAFETY_AGENCY_KINDS, SAFETY_AGENCY_LABELS);

/** A sheet row as cell texts keyed by column. */
export type SheetRow = Partial<Record<SheetKey, string>>;

/** A row turned into typed values, plus the cell errors found on the way. */
export type ParsedSheetRow = {
  values: {
    name: string;
    creditCode: string;
    sector: Sector | null;
    subType: string | null;
    tags: EnterpriseTag[];
    district: string;
    address: string | null;
    longitude: number | null;
    latitude: number | null;
    status: EnterpriseStatus;
    statusDate: string | null;
    statusReason: string | null;
    employees: number | null;
    leader: { name: string; phone: string | null; assessed: boolean | null } | null;
    safety: { name: string; phone: string | null; assessed: boolean | null } | null;
    safetyAgency: SafetyAgencyKind | null;
    safetyStaffCount: number | null;
    licence: { type: string; number: string; expiry: string | null } | null;
  };
  errors: { column: SheetKey; message: string }[];
};

const text = (row: SheetRow, key: SheetKey): string => (row[key] ?? '').trim();
const optional = (v: string): string | null => (v === '' ? null : v);

/** Converts the cell texts of one row into typed values; lookups by Chinese label or code. */
export function parseSheetRow(row: SheetRow): ParsedSheetRow {
  const errors: ParsedSheetRow['errors'] = [];
  const fail = (column: SheetKey, message: string) => errors.push({ column, message });

  for (const col of ENTERPRISE_SHEET_COLUMNS) {
    if (col.required && text(row, col.key) === '') fail(col.key, `${col.header}不能为空`);
  }
  const sectorText = text(row, 'sector');
  const sector = sectorText === '' ? null : (SECTOR_BY_LABEL.get(sectorText) ?? null);
  if (sectorText !== '' && !sector) fail('sector', `未知的行业领域“${sectorText}”`);

  const subTypeText = text(row, 'subType');
  let subType: string | null = null;
  if (sector && subTypeText !== '') {
    const labels = SUB_TYPE_LABELS[sector];
    subType =
      Object.keys(labels).find((k) => k === subTypeText || labels[k]!.zh === subTypeText) ?? null;
    if (!subType) fail('subType', `“${subTypeText}”不是${SECTOR_LABELS[sector].zh}的企业类型`);
  }

  const tags: EnterpriseTag[] = [];
  for (const part of text(row, 'tags')
    .split(/[;；,，、]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const tag = TAG_BY_LABEL.get(part);
    if (tag) {
      if (!tags.includes(tag)) tags.push(tag);
    } else fail('tags', `未知的特殊标签“${part}”`);
  }

  const number = (
    key: SheetKey,
    opts: { int?: boolean; min: number; max: number },
  ): number | null => {
    const v = text(row, key);
    if (v === '') return null;
    const n = Number(v);
    if (!Number.isFinite(n) || (opts.int && !Number.isInteger(n)) || n < opts.min || n > opts.max) {
      fail(
        key,
        `${ENTERPRISE_SHEET_COLUMNS.find((c) => c.key === key)!.header}应为${opts.int ? '整数' : '数字'}（${opts.min}–${opts.max}）`,
      );
      return null;
    }
    return n;
  };
  const date = (key: SheetKey): string | null => {
    const v = text(row, key);
    if (v === '') return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
      fail(key, '日期格式应为YYYY-MM-DD');
      return null;
    }
    return v;
  };
  const yesNo = (key: SheetKey): boolean | null => {
    const v = text(row, key);
    if (v === '') return null;
    if (['是', '合格', 'Y', 'y', 'yes', 'true', '1'].includes(v)) return true;
    if (['否', '不合格', 'N', 'n', 'no', 'false', '0'].includes(v)) return false;
    fail(key, '请填“是”或“否”');
    return null;
  };
  const phone = (key: SheetKey): string | null => {
    const v = text(row, key);
    if (v === '') return null;
    if (!/^\+?[0-9-]{5,20}$/.test(v)) {
      fail(key, '电话号码格式不正确');
      return null;
    }
    return v;
  };

  const statusText = text(row, 'status');
  const status = statusText === '' ? 'operating' : STATUS_BY_LABEL.get(statusText);
  if (!status) fail('status', `未知的经营状态“${statusText}”`);
  const agencyText = text(row, 'safetyAgency');
  const safetyAgency = agencyText === '' ? null : (AGENCY_BY_LABEL.get(agencyText) ?? null);
  if (agencyText !== '' && !safetyAgency)
    fail('safetyAgency', `未知的安全管理机构设置“${agencyText}”`);

  const leaderName = text(row, 'leaderName');
  const safetyName = text(row, 'safetyName');
  const licenceType = text(row, 'licenceType');
  const licenceNumber = text(row, 'licenceNumber');
  if ((licenceType === '') !== (licenceNumber === '')) {
    fail(licenceType === '' ? 'licenceType' : 'licenceNumber', '许可证类型和编号须同时填写');
  }

  const values: ParsedSheetRow['values'] = {
    name: text(row, 'name'),
    creditCode: text(row, 'creditCode').toUpperCase(),
    sector,
    subType,
    tags,
    district: text(row, 'district'),
    address: optional(text(row, 'address')),
    longitude: number('longitude', { min: 73, max: 136 }),
    latitude: number('latitude', { min: 3, max: 54 }),
    status: status ?? 'operating',
    statusDate: date('statusDate'),
    statusReason: optional(text(row, 'statusReason')),
    employees: number('employees', { int: true, min: 0, max: 1_000_000 }),
    leader: leaderName
      ? { name: leaderName, phone: phone('leaderPhone'), assessed: yesNo('leaderAssessed') }
      : null,
    safety: safetyName
      ? { name: safetyName, phone: phone('safetyPhone'), assessed: yesNo('safetyAssessed') }
      : null,
    safetyAgency,
    safetyStaffCount: number('safetyStaffCount', { int: true, min: 0, max: 10_000 }),
    licence:
      licenceType && licenceNumber
        ? { type: licenceType, number: licenceNumber, expiry: date('licenceExpiry') }
        : null,
  };
  return { values, errors };
}

/** Formats typed values back into the cell texts the import reads (for the export). */
export function formatSheetRow(
  v: ParsedSheetRow['values'] & { districtName: string },
): Record<SheetKey, string> {
  const yes = (b: boolean | null | undefined) =>
    b === null || b === undefined ? '' : b ? '是' : '否';
  return {
    name: v.name,
    creditCode: v.creditCode,
    sector: v.sector ? SECTOR_LABELS[v.sector].zh : '',
    subType: v.sector && v.subType ? (SUB_TYPE_LABELS[v.sector][v.subType]?.zh ?? v.subType) : '',
    tags: v.tags.map((t) => ENTERPRISE_TAG_LABELS[t].zh).join('；'),
    district: v.districtName,
    address: v.address ?? '',
    longitude: v.longitude === null ? '' : String(v.longitude),
    latitude: v.latitude === null ? '' : String(v.latitude),
    status: ENTERPRISE_STATUS_LABELS[v.status].zh,
    statusDate: v.statusDate ?? '',
    statusReason: v.statusReason ?? '',
    employees: v.employees === null ? '' : String(v.employees),
    leaderName: v.leader?.name ?? '',
    leaderPhone: v.leader?.phone ?? '',
    leaderAssessed: yes(v.leader?.assessed),
    safetyName: v.safety?.name ?? '',
    safetyPhone: v.safety?.phone ?? '',
    safetyAssessed: yes(v.safety?.assessed),
    safetyAgency: v.safetyAgency ? SAFETY_AGENCY_LABELS[v.safetyAgency].zh : '',
    safetyStaffCount: v.safetyStaffCount === null ? '' : String(v.safetyStaffCount),
    licenceType: v.licence?.type ?? '',
    licenceNumber: v.licence?.number ?? '',
    licenceExpiry: v.licence?.expiry ?? '',
  };
}
