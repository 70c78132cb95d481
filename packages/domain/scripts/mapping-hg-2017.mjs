// HG-2017: reference records → catalog items. Rules in mapping-common.mjs.
import { cn, hazchem, pad2 } from './mapping-common.mjs';

// Production and use (化工企业 that use hazchem in their processes) run 化工装置; items whose
// subject is explicitly a chemical process unit or process go to those two sub-types only.
// Everything else — people, management, storage facilities, tanks, loading, pipelines,
// detection, relief devices — can exist at storage and trading enterprises too, so it applies
// to all sub-types (an enterprise without the facility answers 不涉及).
const PROCESS = ['production', 'use'];

/** [item number, title, requirement, sub-types or null for all] */
const HG_ITEMS = [
  [
    1,
    '负责人未经考核合格',
    '危化品生产或经营单位的主要负责人、安全生产管理人员，未取得法定的考核合格。',
    null,
  ],
  [2, '特种作业人员无证上岗', '特种作业人员无相应资格证书仍在岗作业。', null],
  [
    3,
    '外部安全防护距离不足',
    '“两重点一重大”（重点监管工艺、重点监管危化品、重大危险源）所涉生产装置或储存设施，与周边的外部安全防护距离低于国家标准。',
    null,
  ],
  [
    4,
    '重点工艺未实现自动控制',
    '重点监管危险化工工艺装置无自动化控制或无紧急停车功能，或已装的自动化控制、紧急停车系统未投运。',
    PROCESS,
  ],
  [
    5,
    '重大危险源罐区无紧急切断',
    '一、二级重大危险源危化品罐区不能紧急切断；其中储存毒性气体、液化气体或剧毒液体的，还缺少独立的安全仪表系统。',
    null,
  ],
  [6, '液化烃储罐未设注水措施', '全压力式液化烃储罐不具备国家标准规定的注水设施。', null],
  [
    7,
    '液化气体充装未用万向管道',
    '充装易燃易爆、有毒有害液化气体（如液化烃、液氨、液氯）时不用万向管道充装系统。',
    null,
  ],
  [
    8,
    '剧毒气体管道穿越公共区域',
    '输送光气、氯气等剧毒气体或硫化氢的管道，走线经过厂区和化工、工业园区以外的公共区域。',
    null,
  ],
  [9, '架空电力线穿越生产区', '生产区有地区架空电力线路穿过，且不满足国家标准。', null],
  [10, '化工装置未经正规设计', '在役化工装置没有正规设计，也未补做安全设计诊断。', PROCESS],
  [11, '使用淘汰落后工艺设备', '所用工艺或设备已列入淘汰落后安全技术工艺、设备目录。', null],
  [
    12,
    '缺检测报警或防爆电气',
    '有可燃、有毒有害气体泄漏可能的场所缺少符合国家标准的检测报警装置，或爆炸危险场所的电气设备未按国家标准选用防爆型并投用。',
    null,
  ],
  [
    13,
    '控制室防火防爆不达标',
    '控制室、机柜间朝向火灾爆炸危险装置的那一面，防火防爆不符合国家标准。',
    PROCESS,
  ],
  [
    14,
    '未设双重电源或不间断电源',
    '化工生产装置供电未按国家标准采用双重电源，或自动化控制系统没有不间断电源（UPS）。',
    PROCESS,
  ],
  [15, '安全附件未正常投用', '安全阀、爆破片等安全附件没有处于正常投用状态。', null],
  [
    16,
    '无全员责任制或排查制度',
    '全员安全生产责任制缺失或与岗位不匹配，或隐患排查治理制度没有制定、没有实施。',
    null,
  ],
  [17, '无操作规程和工艺指标', '操作规程和工艺控制指标没有制定。', null],
  [
    18,
    '特殊作业制度缺失或未执行',
    '动火、受限空间作业等特殊作业没有按国家标准建立管理制度，或有制度但执行不到位。',
    null,
  ],
  [
    19,
    '新工艺新装置未经验证评估',
    '新工艺、新装置未履行验证程序：新开发的危化品生产工艺跳过小试、中试、工业化试验直接投产；国内首次使用的化工工艺未经省级政府有关部门组织安全可靠性论证；新建装置无试生产方案即投料开车；精细化工企业未按规定做反应安全风险评估。',
    PROCESS,
  ],
  [
    20,
    '危化品储存不规范',
    '危化品储存不合规：未按国家标准分区、分类，超量或超品种储存，或禁配物质混放混存。',
    null,
  ],
];

/** The HG-2017 catalog spec: descriptor, items, and texts kept aside. */
export const HG_2017 = {
  descriptor: {
    id: 'HG-2017',
    name: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）',
    documentNumber: '安监总管三〔2017〕121号',
    issuedOn: null,
    effectiveOn: null,
    sectors: ['hazchem'],
    sections: [{ key: '', name: '化工和危险化学品' }],
    notes: [
      '印发及施行日期待对照原文核实。',
      '第（十六）—（二十）项只见于两份代码来源，上线前须对照应急管理部原文逐字核对。',
    ],
  },
  items: HG_ITEMS.map(([no, title, requirement, subTypes]) => ({
    match: { section: '', clause: `（${cn(no)}）` },
    code: `HG-2017-${pad2(no)}`,
    parentCode: null,
    section: '化工和危险化学品',
    clause: `（${cn(no)}）`,
    title,
    requirement,
    appliesTo: hazchem(subTypes),
  })),
  unattributedFragments: [],
  unnumberedTexts: [],
};
