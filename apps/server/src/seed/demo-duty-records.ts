import crypto from 'node:crypto';
import { addDays, type DutyFileOwner } from '@hazard-ledger/domain';
import { loadConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { RequestContext } from '../lib/request-context.js';
import { type FileStorage, newStorageKey, storageFor } from '../lib/storage.js';
import { nowIso, todayInChina } from '../lib/time.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { diffRecords } from '../modules/audit/audit.writer.js';
import { campaignForEnterprise } from '../modules/campaigns/enterprise-campaign.js';
import * as repo from '../modules/duty-records/duty-records.repository.js';
import { tinyPdf } from '../modules/duty-records/tiny-pdf.js';

// Demo records of duties 2, 4 and 5. 恒泰化工 has its responsibility system complete, one
// contract without a safety agreement and one drill this year (scorecard: partly on outsourcing
// and drills); 金鼎矿业 has an uploaded responsibility document but no duty lists, a compliant
// contract without the comprehensive check, and both drills and its plan done.

const SEED_CTX: RequestContext = { actor: null, ip: null, requestId: 'seed:demo', locale: 'zh' };

type Author = { userId: number | null; name: string | null };

/** Writes the demo through the repository, with an audit row per record. */
class DemoWriter {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditWriter,
    private readonly storage: FileStorage,
    readonly enterpriseId: number,
    private readonly author: Author,
  ) {}

  async record(table: repo.RecordTable, entity: string, columns: Record<string, unknown>) {
    const at = nowIso();
    return this.db.kysely.transaction().execute(async (trx) => {
      const row = {
        enterprise_id: this.enterpriseId,
        ...columns,
        created_by_user_id: this.author.userId,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
        version: 1,
      };
      const id = await repo.insertRecord(trx, table, row);
      await this.audit.append(trx, SEED_CTX, {
        action: `${entity}.created`,
        entityType: entity,
        entityId: id,
        changes: diffRecords(null, row),
      });
      return id;
    });
  }

  async pdf(owner: DutyFileOwner, ownerId: number | null, fileName: string, lines: string[]) {
    const buffer = tinyPdf(lines);
    const key = newStorageKey('duty-records');
    await this.storage.put(key, buffer);
    await this.db.kysely.transaction().execute(async (trx) => {
      const id = await repo.insertFile(trx, {
        enterprise_id: this.enterpriseId,
        owner,
        owner_id: ownerId,
        file_name: fileName,
        mime_type: 'application/pdf',
        size_bytes: buffer.length,
        sha256: crypto.createHash('sha256').update(buffer).digest('hex'),
        storage_key: key,
        uploaded_by_user_id: this.author.userId,
        uploaded_by_name: this.author.name,
        uploaded_at: nowIso(),
        voided_at: null,
        void_reason: null,
      });
      await this.audit.append(trx, SEED_CTX, {
        action: 'duty_file.added',
        entityType: 'duty_file',
        entityId: id,
        changes: { enterpriseId: this.enterpriseId, owner, ownerId, fileName },
      });
    });
  }
}

async function writerFor(
  db: Db,
  audit: AuditWriter,
  storage: FileStorage,
  enterpriseName: string,
  username: string,
): Promise<DemoWriter | null> {
  const enterprise = await db.kysely
    .selectFrom('enterprises')
    .select('id')
    .where('name', '=', enterpriseName)
    .executeTakeFirst();
  if (!enterprise) return null;
  const id = Number(enterprise.id);
  // Seeded once: an enterprise that already has contracts is left alone.
  const seeded = await db.kysely
    .selectFrom('outsourcing_contracts')
    .select('id')
    .where('enterprise_id', '=', id)
    .executeTakeFirst();
  if (seeded) return null;
  const user = await db.kysely
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', username)
    .executeTakeFirst();
  return new DemoWriter(db, audit, storage, id, {
    userId: user ? Number(user.id) : null,
    name: user?.display_name ?? null,
  });
}

/** The earlier of a date this year and today (demo dates must not lie in the future). */
function thisYear(monthDay: string, today: string): string {
  const d = `${today.slice(0, 4)}-${monthDay}`;
  return d < today ? d : today;
}

async function seedHengtai(w: DemoWriter, db: Db, today: string) {
  const positions: [string, string, string][] = [
    [
      '总经理',
      'main_leader',
      '建立健全并落实全员安全生产责任制；组织制定安全生产规章制度和操作规程；组织重大事故隐患排查整治；保证安全投入；组织制定并实施应急救援预案。',
    ],
    [
      '生产副总经理',
      'deputy_leader',
      '分管生产、设备，对分管范围内的安全生产工作负直接领导责任；每月带队检查生产装置。',
    ],
    [
      '安全部长',
      'management',
      '组织开展隐患排查治理，建立重大事故隐患台账；督促落实重大危险源安全管理措施；组织安全教育培训和应急演练。',
    ],
    ['工艺工程师', 'technical', '负责工艺安全技术管理，参与HAZOP分析，审核工艺变更。'],
    [
      '合成车间操作工',
      'frontline',
      '严格执行操作规程和工艺指标；按时巡检并如实记录；发现隐患立即报告。',
    ],
    [
      '劳务派遣装卸工',
      'dispatched',
      '接受岗前安全培训后上岗；遵守装卸作业安全规定，服从现场监护人员指挥。',
    ],
    ['实习生', 'intern', '在师傅指导下作业，不得单独从事危险作业；熟知疏散通道和安全出口。'],
  ];
  for (const [name, category, duties] of positions) {
    await w.record('duty_positions', 'duty_position', { name, category, duties });
  }
  await w.record('duty_deputy_lists', 'deputy_duty_list', {
    name: '高远',
    title: '生产副总经理',
    area: '生产、设备、动火作业管理',
    duties:
      '1. 组织分管部门对标重大事故隐患判定标准自查；\n2. 审批二级动火作业；\n3. 每月至少检查一次设备完好情况。',
  });
  const campaign = await campaignForEnterprise(db.kysely, w.enterpriseId, today);
  await w.record('duty_work_lists', 'work_list', {
    year: Number(today.slice(0, 4)),
    campaign_id: campaign?.id ?? null,
    title: '重大事故隐患专项排查整治行动工作清单',
    content:
      '1. 组织学习判定标准（安全部，5月底前）\n2. 对标自查并建立隐患台账（各车间，7月底前）\n3. 外包外租全面排查（设备部）\n4. 组织2次应急演练（安全部）',
  });
  await w.record('duty_experts', 'duty_expert', {
    name: '周立',
    specialty: '化工工艺安全',
    organisation: '内蒙古某安全技术咨询有限公司',
    phone: null,
    engaged_from: `${today.slice(0, 4)}-03-01`,
    engaged_to: null,
    scope: '重大危险源和重点监管工艺隐患排查技术指导',
  });
  const start = thisYear('03-15', today);
  const compliant = await w.record('outsourcing_contracts', 'outsourcing_contract', {
    kind: 'outsource',
    counterparty: '鄂尔多斯市某防腐工程有限公司',
    scope_kind: 'project',
    scope: '液氨罐区防腐保温工程',
    start_date: start,
    end_date: `${Number(today.slice(0, 4)) + 1}-03-14`,
    qualification_name: '防水防腐保温工程专业承包二级',
    qualification_number: 'D215060118',
    qualification_expiry: `${Number(today.slice(0, 4)) + 2}-12-31`,
    agreement_signed_on: start,
    duties_defined: 1,
    duties_text:
      '乙方负责施工区域安全管理和作业人员持证上岗；甲方负责统一协调、动火审批和定期检查。',
    ended_on: null,
    end_reason: null,
  });
  await w.pdf('contract_agreement', compliant, '安全生产管理协议.pdf', [
    'Safety management agreement (demo)',
    'Hengtai Chemical / anti-corrosion contractor',
  ]);
  const checked = addDays(today, -20) < start ? start : addDays(today, -20);
  await w.record('outsourcing_checks', 'outsourcing_check', {
    contract_id: compliant,
    check_date: checked,
    checked_by: '刘安',
    findings: '脚手架未挂设检查合格牌',
    rectification: '已责令施工单位当日整改完毕',
  });
  const leased = await w.record('outsourcing_contracts', 'outsourcing_contract', {
    kind: 'lease',
    counterparty: '东胜区某物流有限公司',
    scope_kind: 'premises',
    scope: '厂区东侧2号仓库（存放包装材料）',
    start_date: thisYear('04-01', today),
    end_date: null,
    qualification_name: '道路运输经营许可证',
    qualification_number: '150602001234',
    qualification_expiry: `${Number(today.slice(0, 4)) + 1}-06-30`,
    agreement_signed_on: null,
    duties_defined: 1,
    duties_text: '承租方负责仓库内日常安全管理，出租方每季度检查一次。',
    ended_on: null,
    end_reason: null,
  });
  await w.record('outsourcing_reviews', 'outsourcing_review', {
    check_date: thisYear('07-20', today),
    scope: '本企业全部外包工程项目和出租场所',
    contract_ids: JSON.stringify([compliant, leased]),
    findings: '2号仓库租赁未签订安全生产管理协议。',
    actions: '限期与承租方签订安全生产管理协议，纳入本企业安全管理体系。',
  });
  await w.record('emergency_drills', 'emergency_drill', {
    scenario: '液氨储罐法兰泄漏',
    drill_type: 'special',
    drill_date: thisYear('06-18', today),
    participants: 46,
    equipment_used: '正压式空气呼吸器6套、重型防化服2套、堵漏工具1套',
    equipment_added: '补充重型防化服2套',
    evaluation: '响应及时，警戒疏散到位；堵漏组着装用时偏长。',
    improvements: '增加防化服穿戴训练；完善风向标设置。',
  });
  await w.pdf('emergency_plan', null, '生产安全事故应急预案.pdf', [
    'Emergency response plan (demo)',
    'Dongsheng Hengtai Chemical Co., Ltd.',
  ]);
}

async function seedJinding(w: DemoWriter, today: string) {
  await w.pdf('responsibility_system', null, '全员安全生产责任制.pdf', [
    'All-staff safety responsibility system (demo)',
    'Jinding Mining Co., Ltd.',
  ]);
  const start = thisYear('02-20', today);
  const contract = await w.record('outsourcing_contracts', 'outsourcing_contract', {
    kind: 'entrust',
    counterparty: '鄂尔多斯市某爆破工程有限公司',
    scope_kind: 'project',
    scope: '露天采场中深孔爆破作业',
    start_date: start,
    end_date: `${today.slice(0, 4)}-12-31`,
    qualification_name: '爆破作业单位许可证（营业性）',
    qualification_number: '1506001300045',
    qualification_expiry: `${Number(today.slice(0, 4)) + 1}-09-30`,
    agreement_signed_on: start,
    duties_defined: 1,
    duties_text: '受托方负责爆破设计、装药和警戒；委托方负责统一调度和清场确认。',
    ended_on: null,
    end_reason: null,
  });
  await w.pdf('contract_agreement', contract, '爆破作业安全协议.pdf', [
    'Blasting safety agreement (demo)',
  ]);
  await w.record('outsourcing_checks', 'outsourcing_check', {
    contract_id: contract,
    check_date: addDays(today, -10) < start ? start : addDays(today, -10),
    checked_by: '周全',
    findings: '未发现问题',
    rectification: null,
  });
  const drills: [string, string, string, number][] = [
    ['01-15', '边坡坍塌人员被困', 'comprehensive', 38],
    ['09-10', '采场炮烟中毒窒息', 'onsite', 22],
  ];
  for (const [day, scenario, type, participants] of drills) {
    await w.record('emergency_drills', 'emergency_drill', {
      scenario,
      drill_type: type,
      drill_date: thisYear(day, today),
      participants,
      equipment_used: '担架、急救箱、便携式气体检测仪',
      equipment_added: null,
      evaluation: '演练按方案完成。',
      improvements: '加强应急通讯联络测试。',
    });
  }
  await w.pdf('emergency_plan', null, '生产安全事故应急预案.pdf', [
    'Emergency response plan (demo)',
    'Dongsheng Jinding Mining Co., Ltd.',
  ]);
}

/**
 * Demo records of this part of issue 6 (runs after the registry and users are seeded). Files go
 * to `storage`, by default the configured upload directory.
 */
export async function seedDutyRecordDemo(
  db: Db,
  audit: AuditWriter,
  storage: FileStorage = storageFor(loadConfig()),
): Promise<void> {
  const today = todayInChina();
  const hengtai = await writerFor(db, audit, storage, '东胜区恒泰化工有限公司', 'qiye1_aq');
  if (hengtai) await seedHengtai(hengtai, db, today);
  const jinding = await writerFor(db, audit, storage, '东胜区金鼎矿业有限责任公司', 'qiye2_aq');
  if (jinding) await seedJinding(jinding, today);
}
