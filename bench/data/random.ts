// Seeded randomness and realistic-looking text for the benchmark datasets. Everything drawn
// here comes from one seed, so a dataset is reproducible from (scale, seed, end date).

export type Random = () => number;

/** mulberry32: small, fast and good enough to spread benchmark data. */
export function seededRandom(seed: number): Random {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: Random, min: number, maxInclusive: number): number {
  return min + Math.floor(random() * (maxInclusive - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Picks a key by weight. */
export function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [key, weight] of table) {
    r -= weight;
    if (r < 0) return key;
  }
  return table[table.length - 1]![0];
}

const PHRASES = [
  '安全生产责任制落实不到位',
  '现场检查发现',
  '设备设施未按规定维护保养',
  '安全警示标志缺失',
  '应急预案未按期演练',
  '特种作业人员未持证上岗',
  '动火作业审批手续不全',
  '可燃气体报警装置失效',
  '安全阀未按期校验',
  '消防通道堵塞',
  '危险化学品储存超量',
  '防爆电气设备选型不符合要求',
  '员工安全培训记录不全',
  '隐患排查治理台账未及时更新',
  '已责令限期整改',
  '企业主要负责人签字确认',
];

/** Text of roughly `chars` characters, so rows are about as wide as real ones. */
export function filler(random: Random, chars: number): string {
  let out = '';
  while (out.length < chars) out += `${pick(random, PHRASES)}，`;
  return `${out.slice(0, chars - 1)}。`;
}

export function hex(random: Random, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

const CITY_WORDS = ['云州', '河阳', '平川', '安宁', '兴和', '长泰', '临江', '青石', '丰源', '德安', '永宁', '华亭'];
const DISTRICT_FIRST = ['东', '西', '南', '北', '中', '新', '安', '平', '和', '兴', '宁', '长'];
const DISTRICT_SECOND = ['阳', '城', '山', '川', '河', '丰', '源', '德', '泰', '华'];
const FIRM_WORDS = ['华', '鑫', '恒', '盛', '泰', '安', '瑞', '丰', '宏', '达', '金', '源', '永', '嘉', '祥', '利'];
const FIRM_KIND: Record<string, readonly string[]> = {
  hazchem: ['化工', '石化', '化学品储运', '精细化工', '气体'],
  fireworks: ['烟花爆竹', '花炮', '烟花'],
  mining: ['矿业', '石料', '砂石', '尾矿库运营'],
  industry: ['钢铁', '铝业', '建材', '机械制造', '食品', '纺织', '木业'],
};

/** The name of city `index` (unique for the first 12, numbered after). */
export function cityName(index: number): string {
  const word = CITY_WORDS[index % CITY_WORDS.length]!;
  return index < CITY_WORDS.length ? `${word}市` : `${word}${index}市`;
}

/**
 * The name of district `index`: unique over 120 districts, and distinct after the app strips
 * 区/县 from it for document numbers (东阳区 → 东阳).
 */
export function districtName(index: number): string {
  const first = DISTRICT_FIRST[index % DISTRICT_FIRST.length]!;
  const second = DISTRICT_SECOND[Math.floor(index / DISTRICT_FIRST.length) % DISTRICT_SECOND.length]!;
  const round = Math.floor(index / (DISTRICT_FIRST.length * DISTRICT_SECOND.length));
  return `${first}${second}${round > 0 ? round + 1 : ''}${index % 3 === 2 ? '县' : '区'}`;
}

/** An enterprise name; the index keeps names unique within a dataset. */
export function enterpriseName(random: Random, districtShort: string, sector: string, index: number): string {
  const kind = pick(random, FIRM_KIND[sector] ?? ['实业']);
  return `${districtShort}${pick(random, FIRM_WORDS)}${pick(random, FIRM_WORDS)}${kind}有限公司${index > 0 ? `（${index}）` : ''}`;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞'];

export function personName(random: Random): string {
  return `${pick(random, SURNAMES)}${pick(random, GIVEN)}${random() < 0.6 ? pick(random, GIVEN) : ''}`;
}
