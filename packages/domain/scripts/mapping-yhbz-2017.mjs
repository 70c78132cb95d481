// YHBZ-2017: reference records → catalog items. Rules in mapping-common.mjs.
import { cn, fireworks, pad2 } from './mapping-common.mjs';

// The original is one list of 20 items, not split into production and trade. Our reading,
// to be confirmed by the office (the reference says the same): items about the factory, its
// process and its drug handling go to production; items about 工（库）房 — which a wholesaler's
// warehouse is — go to production and wholesale; licence, management and shutdown items go to
// everyone; (二十) names retail points.
const P = ['production'];
const PW = ['production', 'wholesale'];
const R = ['retail'];

const YHBZ_ITEMS = [
  [1, '负责人未经考核合格', '主要负责人、安全生产管理人员未取得法定的考核合格。', null],
  [2, '无证上岗或带药检维修', '特种作业人员无证上岗，或者设备设施在带药状态下进行检修维修。', PW],
  [3, '自带工器具涉药作业', '职工私带工器具、机器设备进厂从事涉药作业。', P],
  [4, '作业人员超核定人数', '工房、库房内在岗人数超过核定定员。', PW],
  [5, '药量超核定药量', '工房、库房的实际存药（含滞留药量）超出核定药量。', PW],
  [6, '安全距离或防护屏障不足', '工房、库房的内外部安全距离不足，或防护屏障缺失、不合格。', PW],
  [7, '防静电防火防雷失效', '缺少防静电、防火、防雷设备设施，或这些设施已失效。', PW],
  [8, '擅改工库房用途或乱建', '未经许可改变工房、库房用途，或违规私自搭建。', PW],
  [9, '围墙缺失或分区不符', '厂区缺少围墙，或功能分区不符合国家标准。', P],
  [
    10,
    '氧化剂还原剂混存混作',
    '氧化剂和还原剂混在一个库房储存，或违规预混，或在同一工房内进行粉碎、称量。',
    P,
  ],
  [11, '涉药设备未论证或擅改', '在用的涉药机械设备未做安全性论证，或被擅自改造、改作他用。', P],
  [12, '库容与产能不匹配', '中转库、药物总库、成品总库的库容与设计产能不相配。', P],
  [
    13,
    '无全员责任制或排查制度',
    '全员安全生产责任制缺失或与岗位不匹配，或隐患排查治理制度没有制定、没有实施。',
    null,
  ],
  [14, '许可证违规转让或伪造', '许可证被出租、出借、转让、买卖，或存在冒用、伪造。', null],
  [
    15,
    '超许可范围或用违禁药物',
    '生产经营超出许可的产品种类或危险等级，或生产中使用违禁药物。',
    null,
  ],
  [16, '分包转包组织生产经营', '以分包、转包生产线、工房或库房的方式组织生产经营。', PW],
  [17, '一证多厂或股东各自经营', '一张许可证对应多个厂点，或各股东分别独立组织生产经营。', PW],
  [
    18,
    '停产停业期间生产经营',
    '应当停产停业时（许可证过期、整顿改造、恶劣天气等）仍组织生产经营。',
    null,
  ],
  [
    19,
    '仓库混存爆炸物或违禁品',
    '仓库中混存其他爆炸物等危险物品，或生产、经营违禁、超标产品。',
    null,
  ],
  [20, '零售点与住宅同楼或用火', '零售点与居民住所同处一栋建筑，或零售场所内使用明火。', R],
];

/** The YHBZ-2017 catalog spec: descriptor, items, and texts kept aside. */
export const YHBZ_2017 = {
  descriptor: {
    id: 'YHBZ-2017',
    name: '烟花爆竹生产经营单位重大生产安全事故隐患判定标准（试行）',
    documentNumber: '安监总管三〔2017〕121号',
    issuedOn: null,
    effectiveOn: null,
    sectors: ['fireworks'],
    sections: [{ key: '', name: '烟花爆竹' }],
    notes: [
      '印发及施行日期待对照原文核实。',
      '原文为单一清单，不分生产、经营两部分；各项按企业类型（生产、批发、零售）的适用范围是本系统的解读，须由业务科室确认。',
      '全部20项只见于两份代码来源（逐字一致），上线前须对照原文核对。',
    ],
  },
  items: YHBZ_ITEMS.map(([no, title, requirement, subTypes]) => ({
    match: { section: '', clause: `（${cn(no)}）` },
    code: `YHBZ-2017-${pad2(no)}`,
    parentCode: null,
    section: '烟花爆竹',
    clause: `（${cn(no)}）`,
    title,
    requirement,
    appliesTo: fireworks(subTypes),
  })),
  unattributedFragments: [],
  unnumberedTexts: [],
};
