// GM-2023: reference records → catalog items. Rules in mapping-common.mjs.
import { cn, industry, pad2, range } from './mapping-common.mjs';

const GM_ARTICLES = {
  MG: { article: 3, ref: '管理类', section: '管理类', appliesTo: industry() },
  YJ: { article: 4, ref: '行业类·冶金', section: '冶金', appliesTo: industry(['metallurgy']) },
  YS: { article: 5, ref: '行业类·有色', section: '有色', appliesTo: industry(['nonferrous']) },
  JC: {
    article: 6,
    ref: '行业类·建材',
    section: '建材',
    appliesTo: industry(['building_materials']),
  },
  JX: { article: 7, ref: '行业类·机械', section: '机械', appliesTo: industry(['machinery']) },
  QG: { article: 8, ref: '行业类·轻工', section: '轻工', appliesTo: industry(['light']) },
  FZ: { article: 9, ref: '行业类·纺织', section: '纺织', appliesTo: industry(['textile']) },
  YC: { article: 10, ref: '行业类·烟草', section: '烟草', appliesTo: industry(['tobacco']) },
  FC: {
    article: 11,
    ref: '专项类·存在粉尘爆炸危险',
    section: '粉尘涉爆',
    appliesTo: industry(null, ['dust_explosion']),
  },
  AN: {
    article: 12,
    ref: '专项类·使用液氨制冷',
    section: '液氨制冷',
    appliesTo: industry(null, ['ammonia_refrigeration']),
  },
  YK: {
    article: 13,
    ref: '专项类·有限空间作业',
    section: '有限空间',
    appliesTo: industry(null, ['confined_space']),
  },
};

/** A GM-2023 item: key of its article, item number, title, requirement (null: not found). */
function gm(key, no, title, requirement, extra = {}) {
  const a = GM_ARTICLES[key];
  const clause = `第${cn(a.article)}条第（${cn(no)}）项`;
  return {
    match: { section: a.ref, clause },
    code: `GM-2023-${key}-${pad2(no)}`,
    parentCode: null,
    section: a.section,
    clause,
    title,
    requirement,
    appliesTo: a.appliesTo,
    ...extra,
  };
}
const gmMissing = (key, no) =>
  gm(key, no, `待补充：${GM_ARTICLES[key].section}第（${cn(no)}）项`, null);

// 管理类 apply to every industry sub-type, commerce included (第二条 covers 商贸). Item （三）
// names metal-smelting enterprises; it stays on every sub-type because smelting is not a
// sub-type of its own (it occurs in metallurgy, non-ferrous and machinery foundries), and an
// enterprise that does not smelt answers 不涉及.
const GM_ITEMS = [
  gm(
    'MG',
    1,
    '承包承租单位未统一管理',
    '对承包、承租单位的安全生产没有统一协调管理，或未定期对其开展安全检查。',
  ),
  gm(
    'MG',
    2,
    '特种作业人员无证上岗',
    '特种作业人员未经规定的专门安全作业培训、未取得相应资格即上岗。',
  ),
  gm(
    'MG',
    3,
    '冶炼企业负责人未经考核',
    '金属冶炼企业的主要负责人或安全生产管理人员，没有按规定通过考核。',
  ),

  gm(
    'YJ',
    1,
    '人员聚集场所设在吊运跨',
    '铁水、钢水、液渣吊运跨的地坪区域内设有人员聚集场所（如会议室、休息室、操作室、更衣室等6类）或钢铁水罐冷热修工位。',
  ),
  gm(
    'YJ',
    2,
    '熔融金属影响区域积水',
    '生产时，冶炼、精炼、铸造区的事故坑和炉下渣坑，或熔融金属泄漏、喷溅可及的炉前平台、炉基、厂房内吊运及地面运输通道等6类区域存在积水。',
  ),
  gm(
    'YJ',
    3,
    '缺事故钢水罐等应急设施',
    '炼钢连铸流程缺事故钢水罐、中间罐漏钢坑（槽）、中间罐溢流坑（槽）或漏钢回转溜槽；或模铸流程缺事故钢水罐（坑、槽）。',
  ),
  gm(
    'YJ',
    4,
    '炼钢炉水冷元件监测联锁缺失',
    '炼钢炉（转炉、电弧炉、AOD、LF、RH、VOD等）水冷元件缺出水温度、进出水流量差等监测报警，或报警未联锁炉体倾动、氧（副）枪自动提升、电极自动断电升起。',
  ),
  gm(
    'YJ',
    5,
    '高炉炉顶压力超设计',
    '高炉生产中炉顶工作压力设定值超出设计文件规定的最高值，或炉顶……',
    { gapNote: '原文摘录截断，待补充' },
  ),
  ...range(6, 8).map((n) => gmMissing('YJ', n)),

  // 有色: the 7 aluminium-processing texts have no verified item number and the article has a
  // fixed 13 items, so they go to unnumberedTexts (GM_UNNUMBERED) rather than into an item.
  ...range(1, 13).map((n) => ({
    ...gmMissing('YS', n),
    gapNote: '原文未找到，待补充；另有7条铝加工相关文本项号未核实，见本标准的待归属文本',
  })),

  gm(
    'JC',
    1,
    '煤磨收尘器煤粉仓缺监测',
    '煤磨袋式收尘器、煤粉仓缺温度及固定式一氧化碳浓度监测报警，或缺气体灭火装置。',
  ),
  gm(
    'JC',
    2,
    '筒型储库清库措施不落实',
    '筒型储库人工清库时，清库方案中的防高处坠落、防坍塌等措施未落实。',
  ),
  gm(
    'JC',
    3,
    '电石渣储库缺可燃气体报警',
    '水泥企业电石渣原料筒型储库缺固定式可燃气体浓度监测报警，或报警与事故通风未联锁。',
  ),
  gm(
    'JC',
    4,
    '进入窑磨储库前未隔离',
    '人员进入磨机、破碎机、筒型储库、焙烧窑、竖炉、预热器旋风筒、分解炉、篦冷机前，未隔离可能意外启动的设备及可能涌入的物料、高温或有毒有害气体，或未落实防坠落、防坍塌措施。',
  ),
  gm(
    'JC',
    5,
    '燃气总管压力监测联锁缺失',
    '预混燃烧式燃气窑炉（热发生炉煤气窑炉除外）的燃气总管缺管道压力监测报警，或报警与紧急自动切断装置未联锁。',
  ),
  gm(
    'JC',
    6,
    '制氢等场所缺可燃气体报警',
    '制氢站、燃气配气间、氮氢保护气体配气间（3类场所）缺固定式可燃气体浓度监测报警。',
  ),
  gm('JC', 7, '电熔制品电炉水冷失效', '电熔制品电炉的水冷设备不起作用。'),
  gm(
    'JC',
    8,
    '玻璃窑炉冷却保护缺监测',
    '玻璃窑炉、玻璃锡槽等设备的水冷、风冷保护系统缺少监测报警。',
  ),

  gm(
    'JX',
    1,
    '人员聚集场所设在吊运跨',
    '熔融金属吊运跨或浇注跨的地坪区域内设有人员聚集场所（会议、活动、休息、更衣、交接班用房5类）。',
  ),
  gm('JX', 2, '熔炼炉缺紧急排放设施', '铸造熔炼炉、精炼炉、保温炉缺紧急排放和应急储存设施。'),
  ...range(3, 7).map((n) => gmMissing('JX', n)),

  ...range(1, 7).map((n) => gmMissing('QG', n)),
  ...range(1, 2).map((n) => gmMissing('FZ', n)),

  gm(
    'YC',
    1,
    '熏蒸作业防护不到位',
    '熏蒸作业场所缺磷化氢浓度监测报警仪或防毒面具，或熏蒸杀虫前未确认无关人员已撤离。',
  ),
  gm(
    'YC',
    2,
    '膨胀烟丝线缺CO₂报警',
    '液态二氧化碳膨胀烟丝生产线及场所缺固定式二氧化碳浓度监测报警，或报警与事故通风未联锁。',
  ),

  gm(
    'FC',
    1,
    '涉爆场所建筑或人员聚集不符',
    '在非框架结构的多层建（构）筑物内设置粉尘爆炸危险场所，或在该场所内设办公室、会议室、员工宿舍、休息室等人员聚集场所。',
  ),
  gm(
    'FC',
    2,
    '除尘系统违规共用或互联',
    '会加剧爆炸危险的介质（不同类别的可燃性粉尘，或可燃性粉尘与可燃气体等）合用一套除尘系统；或不同建（构）筑物、防火分区的除尘系统合用或互联互通。',
  ),
  gm('FC', 3, '干式除尘无爆炸防控措施', '干式除尘系统泄爆、惰化、抑爆等爆炸防控措施一项也没有。'),
  gm(
    'FC',
    4,
    '正压除尘未防点燃源',
    '铝镁等金属粉尘除尘采用正压方式；或其他可燃性粉尘正压吹送时，无火花探测消除等防点燃源措施。',
  ),
  gm('FC', 5, '重力沉降室或巷道式风道', '以重力沉降室除尘，或用干式巷道式构筑物充当除尘风道。'),
  gm('FC', 6, '未设锁气卸灰装置', '铝镁等金属粉尘、木质粉尘干式除尘系统缺锁气卸灰装置。'),
  gm(
    'FC',
    7,
    '20区电气设备不防爆',
    '除尘器、收尘仓等20区粉尘爆炸危险场所的电气设备不满足防爆要求。',
  ),
  gm(
    'FC',
    8,
    '未设除杂或火花探测装置',
    '粉碎、研磨、造粒等可能产生机械点燃源的设备前缺除铁、除石等杂物去除装置，或木制品加工企业砂光机连接风管缺火花探测消除装置。',
  ),
  gm(
    'FC',
    9,
    '遇湿自燃粉尘防氢积聚不足',
    '收集、堆放、储存遇湿自燃金属粉尘的场所无通风等防氢气积聚措施，或干式收集、堆放……',
    { gapNote: '原文摘录截断，待补充' },
  ),
  gmMissing('FC', 10),

  gm('AN', 1, '空调采用氨直接蒸发制冷', '空调系统以氨直接蒸发方式为包装、分割、产品整理场所制冷。'),
  gm(
    'AN',
    2,
    '速冻装置设置或人数超限',
    '快速冻结装置未单独设作业间，或其作业间内作业人员超过9人。',
  ),

  gm(
    'YK',
    1,
    '有限空间未辨识未设标志',
    '未辨识有限空间、未建立安全管理台账，且未设置明显安全警示标志。',
  ),
  gm('YK', 2, '有限空间作业审批不落实', '有限空间作业审批未落实，或……', {
    gapNote: '原文摘录截断，待补充',
  }),
];

/** 有色 texts with no verified item number (source numbered them （一）—（七）). */
const GM_UNNUMBERED = [
  [
    '采用水冷冷却',
    '（一）',
    '冶炼炉窑、铸造机（铝加工深井铸造结晶器除外）、加热炉靠水冷却，却没有应急水源。',
  ],
  [
    '熔融金属冶炼炉窑的闭路',
    '（二）',
    '熔融金属冶炼炉窑：闭路循环水冷元件缺出水温度、进出水流量差监测报警；开路水冷元件缺进水流量、压力监测报警，或不监测其出水温度。',
  ],
  [
    '铝加工深井铸造工艺的结晶器',
    '（三）',
    '铝加工深井铸造结晶器冷却水系统缺进水压力、流量监测报警，或报警未联锁快速切断阀、紧急排放阀、流槽断开装置，或未联锁倾动式浇铸炉控制系统。',
  ],
  [
    '铝加工深井铸造工艺的浇铸炉',
    '（四）',
    '铝加工深井铸造：浇铸炉铝液出口流槽及其与模盘（分配流槽）入口的连接处缺液位监测报警，或固定式浇铸炉铝液出口无机械锁紧装置。',
  ],
  [
    '铝加工深井铸造工艺的固定式',
    '（五）',
    '铝加工深井铸造固定式浇铸炉：铝液流槽无紧急排放阀，流槽与模盘入口连接处无快速切断阀（断开装置），或该处液位报警未联锁快速切断阀、紧急排放阀。',
  ],
  [
    '铝加工深井铸造工艺的倾动式',
    '（六）',
    '铝加工深井铸造倾动式浇铸炉：流槽与模盘入口连接处无快速切断阀（断开装置），或该处液位报警未联锁浇铸炉倾动控制、快速切断阀。',
  ],
  [
    '铝加工深井铸造机钢丝卷扬',
    '（七）',
    '铝加工深井铸造机钢丝卷扬系统用了非钢芯钢丝绳，或钢丝绳定期检查、更换制度未落实。',
  ],
];

/** The GM-2023 catalog spec: descriptor, items, and texts kept aside. */
export const GM_2023 = {
  descriptor: {
    id: 'GM-2023',
    name: '工贸企业重大事故隐患判定标准',
    documentNumber: '应急管理部令第10号',
    issuedOn: '2023-04-14',
    effectiveOn: '2023-05-15',
    sectors: ['industry'],
    sections: Object.entries(GM_ARTICLES).map(([key, a]) => ({ key, name: a.section })),
    notes: [
      '3方面64项：管理类3项；行业类47项（冶金8、有色13、建材8、机械7、轻工7、纺织2、烟草2）；专项类14项（粉尘涉爆10、液氨制冷2、有限空间2）。',
      '不得与2017版《工贸行业重大生产安全事故隐患判定标准》混用。',
      '第二条：工贸企业内涉及危险化学品、消防（火灾）、燃气、特种设备等方面的重大事故隐患判定另有规定的，适用其规定。',
      '烟草（第十条）、粉尘涉爆（第十一条）的条号按条文顺序推定。',
    ],
  },
  items: GM_ITEMS,
  unattributedFragments: [],
  unnumberedTexts: GM_UNNUMBERED.map(([text, sourceNo, summary]) => ({
    match: { section: '行业类·有色（铝加工相关）', clause: '第五条（项号未核实）', text },
    section: '有色',
    placementHint: `疑属第五条（有色），项号未核实；来源编号${sourceNo}`,
    summary,
  })),
};
