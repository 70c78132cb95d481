// FMKS-2022: reference records → catalog items. Rules in mapping-common.mjs.
import { mining, pad2 } from './mapping-common.mjs';

// Parts map to mine type by section: 一 → underground, 二 → open_pit, 三 → tailings_pond.
const FMKS_PARTS = {
  UG: { ref: '一、', cite: '一', section: '地下矿山', subType: 'underground' },
  OP: { ref: '二、', cite: '二', section: '露天矿山', subType: 'open_pit' },
  TP: { ref: '三、', cite: '三', section: '尾矿库', subType: 'tailings_pond' },
};
const CN_DIGITS = '一二三四五六七八九';
function parseCn(s) {
  if (s === '十') return 10;
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  const t = s.includes('十') ? (tens === '' ? 1 : CN_DIGITS.indexOf(tens) + 1) : 0;
  return t * 10 + (ones === '' ? 0 : CN_DIGITS.indexOf(ones) + 1);
}

/** A numbered FMKS item or sub-item, `ref` as the reference writes it: （一） or （一）3. */
function fm(part, ref, title, requirement, extra = {}) {
  const m = /^（([一二三四五六七八九十]+)）(\d*)$/.exec(ref);
  if (!m) throw new Error(`bad FMKS clause ${ref}`);
  const no = pad2(parseCn(m[1]));
  const p = FMKS_PARTS[part];
  return {
    match: { section: p.ref, clause: ref },
    code: `FMKS-2022-${part}-${no}${m[2] ? `-${m[2]}` : ''}`,
    parentCode: m[2] ? `FMKS-2022-${part}-${no}` : null,
    section: p.section,
    clause: `${p.cite}${ref}`,
    title,
    requirement,
    appliesTo: mining(p.subType),
    ...extra,
  };
}
/** A placeholder for an FMKS item or sub-item the reference could not find. */
function fmMissing(part, ref, gapNote = undefined) {
  return fm(
    part,
    ref,
    `待补充：${FMKS_PARTS[part].section}${ref}`,
    null,
    gapNote ? { gapNote } : {},
  );
}
// The reference guesses the three unnumbered underground items (U1–U3) sit in （六）—（十二）.
const UG_6_12_NOTE = '原文未找到，待补充；项号未核实的U1—U3可能属于（六）—（十二）中的某几项';
/** An item the official summary lists without an item number (code U<n>). */
function fmUnnumbered(part, n, refClause, textStart, title, requirement) {
  const p = FMKS_PARTS[part];
  return {
    match: { section: p.ref, clause: refClause, text: textStart },
    code: `FMKS-2022-${part}-U${n}`,
    parentCode: null,
    section: p.section,
    clause: `${p.cite}（项号未核实）`,
    title,
    requirement,
    appliesTo: mining(p.subType),
  };
}

const FMKS_ITEMS = [
  fm('UG', '（一）', '安全出口不符合要求', '安全出口存在下列任一情形（见各目）。'),
  fm(
    'UG',
    '（一）1',
    '独立安全出口不足2个',
    '矿井通往地面的独立安全出口不足2个，或出口设置与设计不符。',
  ),
  fm(
    'UG',
    '（一）2',
    '安全出口间距或设置不足',
    '矿井仅两个独立直通地面的出口、相距不足30米；或矿体一翼走向长超过1000米，该翼却未设安全出口。',
  ),
  fm(
    'UG',
    '（一）3',
    '竖井安全出口无梯子间',
    '安全出口全为竖井且均无梯子间；或作为主要安全出口的罐笼提升井仅一套提升系统、也无梯子间。',
  ),
  fm(
    'UG',
    '（一）4',
    '中段采区安全出口不足',
    '单个采区、盘区、矿块或主要生产中段（水平）安全出口不到2个，或者与通地面的安全出口不连通。',
  ),
  fm('UG', '（一）5', '安全出口不畅通', '安全出口因堵塞或梯子、踏步等设施损坏而无法畅通使用。'),
  fm('UG', '（二）', '使用明令禁止的设备工艺', '仍在使用国家明令禁止的设备、材料或工艺。'),
  fm(
    'UG',
    '（三）',
    '井巷违规贯通',
    '相邻矿山分属不同矿权主体而井巷相通，或同一矿权主体相邻的独立生产系统之间擅自贯通井巷。',
  ),
  fm('UG', '（四）', '现状图纸不符合要求', '地下矿山现状图纸存在下列任一情形（见各目）。'),
  fm(
    'UG',
    '（四）1',
    '图纸缺失或未按期更新',
    '缺少GB 16423-2020《金属非金属矿山安全规程》第4.1.10条规定保存的图纸，或图纸未按期更新（生产矿山每3个月、基建矿山每1个月）。',
  ),
  fm(
    'UG',
    '（四）2',
    '岩移范围地面情况与实际不符',
    '图纸所示岩体移动范围内地面建（构）筑物、运输道路、沟谷河流与现场不符。',
  ),
  fm('UG', '（四）3', '井巷采区与实际不符', '图纸所示开拓、采准工程井巷或井下采区与现场不符。'),
  fm('UG', '（四）4', '相邻矿山采区位置不符', '图纸所示相邻矿山采区的相互位置与现场不符。'),
  fm(
    'UG',
    '（四）5',
    '采空区等位置与实际不符',
    '图纸所示采空区、废弃井巷（位置、处理方式、现状）或地表塌陷区位置与现场不符。',
  ),
  fm('UG', '（五）', '露天转地下开采不符要求', '露天转地下开采存在下列任一情形（见各目）。'),
  fm('UG', '（五）1', '未按设计防排水', '防水、排水措施未按设计落实。'),
  fmMissing('UG', '（五）2'),
  fmMissing('UG', '（五）3'),
  fmMissing('UG', '（五）4'),
  fmMissing('UG', '（五）5'),
  fm('UG', '（五）6', '联合开采回采顺序不符', '露天、地下联合开采的回采顺序违背设计。'),
  fm('UG', '（五）7', '未留安全顶柱或岩石垫层', '安全顶柱、岩石垫层等防护措施未按设计留设。'),
  fmMissing('UG', '（六）', UG_6_12_NOTE),
  fm('UG', '（七）', '主要排水系统不符要求', '井下主要排水系统有本项所列情形之一……', {
    gapNote: '仅见项标题，各目原文待补充',
  }),
  ...['（八）', '（九）', '（十）', '（十一）', '（十二）'].map((r) =>
    fmMissing('UG', r, UG_6_12_NOTE),
  ),
  fm('UG', '（十三）', '自然发火防治不符要求', '具有自然发火危险的矿山，有本项所列情形之一……', {
    gapNote: '仅见项标题，各目原文待补充',
  }),
  ...['（十四）', '（十五）', '（十六）', '（十七）', '（十八）', '（十九）'].map((r) =>
    fmMissing('UG', r),
  ),
  fm(
    'UG',
    '（二十）',
    '矿井通风不符合要求',
    '矿井不用机械通风，或用机械通风但有本项所列情形之一……',
    { gapNote: '仅见项标题，各目原文待补充' },
  ),
  fm(
    'UG',
    '（二十一）',
    '气体检测仪和自救器不足',
    '便携式气体检测报警仪、自救器（须有矿用产品安全标志）未配齐或未随身携带，或从业人员不会正确使用自救器。',
  ),
  ...['（二十二）', '（二十三）', '（二十四）', '（二十五）', '（二十六）'].map((r) =>
    fmMissing('UG', r),
  ),
  fm('UG', '（二十七）', '建设项目存在违规行为', '新建、改扩建矿山建设项目有本项所列行为之一……', {
    gapNote: '仅见项标题，各目原文待补充',
  }),
  fmUnnumbered(
    'UG',
    1,
    '项号未核实',
    '矿区及其附近的地表水',
    '地表水未按设计防治',
    '矿区及附近的地表水、大气降水危及井下时，防治水措施未按设计落实。',
  ),
  fmUnnumbered(
    'UG',
    2,
    '项号未核实',
    '井口标高',
    '井口标高不足且无防护',
    '井口高出当地历史最高洪水位不足1米，又未按设计设防护措施。',
  ),
  fmUnnumbered(
    'UG',
    3,
    '项号未核实',
    '受地表水倒灌',
    '倒灌威胁时未停产撤人',
    '矿井受地表水倒灌威胁，遇强降雨或上游来洪时未停产撤人。',
  ),

  fm(
    'OP',
    '（一）',
    '转露天前采空区未探明处理',
    '地下开采改为露天开采之前，未查清采空区、溶洞，或未按设计处理危及露天开采的采空区、溶洞。',
  ),
  fm('OP', '（二）', '使用明令禁止的设备工艺', '仍在使用国家明令禁止的设备、材料或工艺。'),
  fm('OP', '（三）', '未自上而下分台阶开采', '开采未遵循自上而下的顺序分台阶或分层进行。'),
  fm(
    'OP',
    '（四）',
    '帮坡角或台阶高度超设计',
    '工作帮坡角陡于设计值，或最终边坡台阶高于设计高度。',
  ),
  fm('OP', '（五）', '开采设计保留的矿柱', '设计要求保留的矿（岩）柱、挂帮矿体被开采或破坏。'),
  fm(
    'OP',
    '（六）',
    '未做边坡稳定性分析',
    '采场边坡、排土场边坡未依国家或行业标准开展稳定性分析。',
  ),
  fm('OP', '（七）', '边坡监测不符合要求', '边坡有下列任一情形（见各目）。'),
  fm('OP', '（七）1', '高边坡未在线监测', '200米及以上高度的采场边坡未实施在线监测。'),
  fm('OP', '（七）2', '高排土场未建监测系统', '200米及以上高度的排土场边坡无边坡稳定监测系统。'),
  fm(
    'OP',
    '（七）3',
    '破坏监测系统或篡改数据',
    '监测系统被关闭、破坏，或监测数据、信息被隐瞒、篡改、销毁。',
  ),
  fm('OP', '（八）', '边坡出现滑移', '边坡发生滑移，且有下列任一情形（见各目）。'),
  fm('OP', '（八）1', '边坡出现放射状裂缝', '边坡出现横、纵向放射状裂缝。'),
  fm(
    'OP',
    '（八）2',
    '坡脚异常且后缘裂缝扩展',
    '坡体前缘坡脚有……现象（原文此处乱码），同时后缘裂缝急剧扩展。',
    { gapNote: '原文此处乱码，待对照原文核对' },
  ),
  fm('OP', '（八）3', '位移观测数据异常', '观测资料表明水平位移量或……', {
    gapNote: '原文摘录截断，待补充',
  }),
  fmMissing('OP', '（九）'),
  {
    ...fm('OP', '（十）', '凹陷露天矿缺防洪设施', '凹陷露天矿山的防洪、排洪设施未按设计建成。'),
    gapNote: '项号取自片段页，待对照原文核对',
  },
  {
    match: { section: '二、', clause: '（十一）及以后' },
    code: 'FMKS-2022-OP-REST',
    parentCode: null,
    section: '露天矿山',
    clause: '二（十一）及以后',
    title: '待补充：露天矿山其余各项',
    requirement: null,
    appliesTo: mining('open_pit'),
    gapNote: '（十一）以后各项与总项数均未找到，待补充',
  },

  fmUnnumbered(
    'TP',
    1,
    '项号未核实',
    '库区或者尾矿坝上',
    '库区坝上违规开采爆破',
    '库区或坝体上有不符合设计的开采、挖掘、爆破等活动，危及尾矿库安全。',
  ),
  fmUnnumbered(
    'TP',
    2,
    '项号未核实',
    '坝体的平均外坡比',
    '坝体外坡比陡于设计',
    '外坡比偏陡：坝体平均外坡比或堆积子坝外坡比陡于设计值。',
  ),
  fmUnnumbered(
    'TP',
    3,
    '项号未核实',
    '坝体高度超过',
    '超设计坝高或库容',
    '尾矿库超设计库容贮存，或坝体高度超过设计总坝高。',
  ),
  {
    match: { section: '三、', clause: '其余各项' },
    code: 'FMKS-2022-TP-REST',
    parentCode: null,
    section: '尾矿库',
    clause: '三（其余各项）',
    title: '待补充：尾矿库其余各项',
    requirement: null,
    appliesTo: mining('tailings_pond'),
    gapNote: '尾矿库部分的项数与原文均未找到，待补充',
  },
];

/** Sentence fragments of unknown item: kept aside, never items. `text` only matches. */
const FMKS_FRAGMENTS = [
  [
    '一、',
    '2.未设置防治水机构',
    '地下矿山',
    '某项第2目，所属项未核实',
    '没有设立防治水机构，或者没有组建探放水队伍。',
  ],
  [
    '一、',
    '2.未超前探放水',
    '地下矿山',
    '某项第2目，所属项未核实',
    '不做超前探放水，或超前钻孔数量、深度、方位不符合设计。',
  ],
  [
    '一、',
    '2.主要排水系统的水仓',
    '地下矿山',
    '某项第2目，所属项未核实',
    '主要排水系统水仓与水泵房间的隔墙或配水阀未按设计设置。',
  ],
  [
    '一、',
    '3.井下最低中段',
    '地下矿山',
    '某项第3目，所属项未核实',
    '最低中段主水泵房通中段巷道的出口无防水门，或另一出口比泵房地面高出不足7米。',
  ],
  [
    '一、',
    '4.利用采空区',
    '地下矿山',
    '某项第4目，所属项未核实',
    '把采空区或其他废弃巷道当作水仓使用。',
  ],
  ['一、', '1.未按设计留设', '地下矿山', '某项第1目，所属项未核实', '没有按设计留设矿（岩）柱。'],
  [
    '一、',
    '2.安全监测系统',
    '地下矿山',
    '某项第2目，所属项未核实',
    '安全监测系统运行不正常且没有及时修复。',
  ],
  [
    '一、',
    '2.载人数量',
    '地下矿山',
    '某项第2目，所属项未核实',
    '一次载人超过25人或者超过核定载人数。',
  ],
  [
    '一、',
    '1.未设置专门机构',
    '地下矿山',
    '某项第1目，所属项未核实',
    '没有设专门机构、配专门人员负责地压防治工作。',
  ],
  [
    '一、',
    '2.竖井井口',
    '地下矿山',
    '某项第2目，所属项未核实',
    '竖井井口和各中段马头门的安全门、摇台与提升机之间无联锁。',
  ],
  [
    '一、',
    '2.在竣工验收前',
    '地下矿山',
    '某项第2目；参考资料疑属（二十七）',
    '在竣工验收前就组织生产（经批准的联合试运转除外）。',
  ],
  [
    '三、',
    '3.排洪构筑物',
    '尾矿库',
    '某项第3目，疑属尾矿库部分',
    '排洪构筑物停止使用时，封堵措施达不到设计要求。',
  ],
];

/** The FMKS-2022 catalog spec: descriptor, items, and texts kept aside. */
export const FMKS_2022 = {
  descriptor: {
    id: 'FMKS-2022',
    name: '金属非金属矿山重大事故隐患判定标准',
    documentNumber: '矿安〔2022〕88号',
    issuedOn: '2022-07-08',
    effectiveOn: '2022-09-01',
    sectors: ['mining'],
    sections: [
      { key: 'UG', name: '地下矿山' },
      { key: 'OP', name: '露天矿山' },
      { key: 'TP', name: '尾矿库' },
    ],
    notes: [
      '同时废止《金属非金属矿山重大生产安全事故隐患判定标准（试行）》（安监总管一〔2017〕98号），不得混用2017试行版条款。',
      '各部分总项数未核实（地下矿山至少到第（二十七）项）；项号未核实的条目编码为U1、U2…，其余未找到的各项以REST占位。',
    ],
  },
  items: FMKS_ITEMS,
  unattributedFragments: FMKS_FRAGMENTS.map(([part, text, section, placementHint, summary]) => ({
    match: { section: part, clause: '归属未核实（片段）', text },
    section,
    placementHint,
    summary,
  })),
  unnumberedTexts: [],
};
