import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';

// The 双随机 draw (随机抽取检查对象、随机选派执法检查人员): N enterprises from the eligible list and,
// for each, a pair of inspectors from the eligible staff. The plan stores the seed and the inputs
// so that anyone with access can re-run the draw and get exactly the same result, on the server
// or in the browser. Hence no node:crypto and no Math.random: a small seeded PRNG in plain JS.
//
// Algorithm HL-DRAW-V1 (changing any step below needs a new version name, because stored plans
// must keep re-running to the same result):
//  1. Canonicalise: enterprises and inspectors sorted by id ascending, so the order of the given
//     arrays never matters. Duplicate ids are an input error.
//  2. Two independent random streams from the seed: "<seed>|enterprises" and "<seed>|inspectors"
//     (each: cyrb128 hash of the string's UTF-16 code units → sfc32, first 12 outputs dropped).
//     Being independent, a change in the staff list never changes which enterprises are drawn.
//  3. Fisher–Yates seededShuffle of the canonical enterprise list (i from n−1 down to 1, j uniform in
//     [0, i] by rejection sampling); the first N are drawn, in that order.
//  4. Inspectors without an enforcement certificate number (执法证号, after trimming) are never
//     eligible. The eligible ones are shuffled the same way with their own stream; the position
//     in that seededShuffle is the tie-breaker.
//  5. Each drawn enterprise, in draw order, gets `inspectorsPerEnterprise` distinct inspectors:
//     those allowed for it, sorted by (assignments so far ascending, seededShuffle position ascending).
//     Without restrictions this keeps max − min assignments ≤ 1; with cross-area restrictions the
//     same greedy rule is applied and the balance is the best it achieves, not a proven optimum.
//  6. Cross-area (异地执法/交叉互检): an inspector may not belong to the enterprise's district, nor —
//     when the enterprise names one — to the office that supervises it. An inspector of a city-level
//     office has no district (null) and counts as "another district" for every enterprise.

/** Name of the algorithm; stored with every draw so a later version never re-runs an old plan differently. */
export const DRAW_ALGORITHM = 'HL-DRAW-V1';

/** 128-bit hash of a string (cyrb128), as four unsigned 32-bit words; seeds sfc32. */
export function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A seeded random source: `next()` gives an unsigned 32-bit integer, `below(n)` an integer in [0, n). */
export type SeededRandom = { next(): number; below(n: number): number };

/** The sfc32 generator seeded from a string via cyrb128 (same sequence in every JS engine). */
export function seededRandom(seed: string): SeededRandom {
  let [a, b, c, d] = cyrb128(seed);
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Mix the state before use: the first outputs of sfc32 still resemble the seed.
  for (let i = 0; i < 12; i++) next();
  const below = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`below(${n})`);
    // Rejection sampling: no modulo bias, so the seededShuffle is exactly uniform.
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const x = next();
      if (x < limit) return x % n;
    }
  };
  return { next, below };
}

/** A Fisher–Yates seededShuffle of a copy of `items` with the given random source. */
export function seededShuffle<T>(items: readonly T[], random: SeededRandom): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}

/** An enterprise on the eligible list of a plan. */
export const drawEnterpriseSchema = z.strictObject({
  id: z.number().int().positive(),
  districtId: z.number().int().positive(),
  sector: z.enum(SECTORS as [Sector, ...Sector[]]),
  /** The office that supervises it day to day; cross-area draws exclude that office's staff. */
  supervisingOfficeId: z.number().int().positive().nullable().optional(),
});
export type DrawEnterprise = z.infer<typeof drawEnterpriseSchema>;

/** A member of staff who may be drawn; without a certificate number never eligible. */
export const drawInspectorSchema = z.strictObject({
  id: z.number().int().positive(),
  /** District of the inspector's unit; null for city-level staff. */
  districtId: z.number().int().positive().nullable(),
  officeId: z.number().int().positive().nullable(),
  /** Enforcement certificate number (执法证号); null or blank = not eligible. */
  certificateNo: z.string().nullable(),
});
export type DrawInspector = z.infer<typeof drawInspectorSchema>;

/** Everything a draw depends on: stored with the plan so the draw can be re-run. */
export const drawInputSchema = z.strictObject({
  seed: z.string().min(1, { message: '抽取种子不能为空' }).max(200),
  enterpriseCount: z.number().int().min(1, { message: '抽取企业数至少为1' }),
  enterprises: z.array(drawEnterpriseSchema),
  inspectors: z.array(drawInspectorSchema),
  crossArea: z.boolean(),
  /** At least two inspectors per enterprise (执法人员不得少于两人). */
  inspectorsPerEnterprise: z.number().int().min(2).max(10).default(2),
});
export type DrawInput = z.input<typeof drawInputSchema>;

/** One drawn enterprise and the inspectors assigned to it (in the order they were picked). */
export type DrawAssignment = { order: number; enterpriseId: number; inspectorIds: number[] };

/** The result of a draw. */
export type Draw = {
  algorithm: typeof DRAW_ALGORITHM;
  seed: string;
  crossArea: boolean;
  /** The drawn enterprises in draw order (order 1, 2, …). */
  assignments: DrawAssignment[];
  /** Assignments per eligible inspector, by inspector id (zero included). */
  inspectorLoad: { inspectorId: number; assignments: number }[];
  /** Ids of the inspectors left out for want of a certificate number. */
  ineligibleInspectorIds: number[];
};

/** Why a draw could not be made. */
export const DrawErrorCode = {
  InvalidInput: 'invalid_input',
  NotEnoughEnterprises: 'not_enough_enterprises',
  NoEligiblePair: 'no_eligible_pair',
} as const;
export type DrawErrorCode = (typeof DrawErrorCode)[keyof typeof DrawErrorCode];

export type DrawError =
  | { code: 'invalid_input'; message: { zh: string; en: string } }
  | {
      code: 'not_enough_enterprises';
      requested: number;
      available: number;
      message: { zh: string; en: string };
    }
  | {
      code: 'no_eligible_pair';
      /** Drawn enterprises with fewer allowed inspectors than needed, with how many they have. */
      enterprises: { enterpriseId: number; eligibleInspectors: number }[];
      message: { zh: string; en: string };
    };

export type DrawResult = { ok: true; draw: Draw } | { ok: false; error: DrawError };

/** Whether the cross-area rule lets this inspector inspect this enterprise. */
export function crossAreaAllows(
  enterprise: Pick<DrawEnterprise, 'districtId' | 'supervisingOfficeId'>,
  inspector: Pick<DrawInspector, 'districtId' | 'officeId'>,
): boolean {
  if (inspector.districtId !== null && inspector.districtId === enterprise.districtId) return false;
  const office = enterprise.supervisingOfficeId ?? null;
  return office === null || inspector.officeId !== office;
}

/** Whether an inspector may be drawn at all: only with an enforcement certificate number. */
export function isDrawableInspector(inspector: Pick<DrawInspector, 'certificateNo'>): boolean {
  return (inspector.certificateNo ?? '').trim().length > 0;
}

function duplicateId(items: readonly { id: number }[]): number | undefined {
  const seen = new Set<number>();
  for (const { id } of items) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

/** Runs the 双随机 draw (algorithm HL-DRAW-V1, described at the top of this file). */
export function drawInspection(input: DrawInput): DrawResult {
  const parsed = drawInputSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: {
          zh: `抽取参数有误：${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim(),
          en: 'Invalid draw input',
        },
      },
    };
  }
  const { seed, enterpriseCount, crossArea, inspectorsPerEnterprise: perEnterprise } = parsed.data;
  const byId = <T extends { id: number }>(a: T, b: T) => a.id - b.id;
  const enterprises = [...parsed.data.enterprises].sort(byId);
  const inspectors = [...parsed.data.inspectors].sort(byId);
  const dupEnterprise = duplicateId(enterprises);
  const dupInspector = duplicateId(inspectors);
  if (dupEnterprise !== undefined || dupInspector !== undefined) {
    const what = dupEnterprise !== undefined ? `企业 ${dupEnterprise}` : `执法人员 ${dupInspector}`;
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: { zh: `名单中${what}重复`, en: 'Duplicate id in the lists' },
      },
    };
  }
  if (enterprises.length < enterpriseCount) {
    return {
      ok: false,
      error: {
        code: 'not_enough_enterprises',
        requested: enterpriseCount,
        available: enterprises.length,
        message: {
          zh: `可抽取企业只有${enterprises.length}家，不足计划抽取的${enterpriseCount}家`,
          en: `Only ${enterprises.length} eligible enterprises for ${enterpriseCount} to draw`,
        },
      },
    };
  }

  const drawn = seededShuffle(enterprises, seededRandom(`${seed}|enterprises`)).slice(
    0,
    enterpriseCount,
  );
  const eligible = inspectors.filter(isDrawableInspector);
  const ineligibleInspectorIds = inspectors.filter((i) => !isDrawableInspector(i)).map((i) => i.id);
  const position = new Map(
    seededShuffle(eligible, seededRandom(`${seed}|inspectors`)).map((i, index) => [i.id, index]),
  );
  const allowedFor = (e: DrawEnterprise) =>
    crossArea ? eligible.filter((i) => crossAreaAllows(e, i)) : eligible;

  // Eligibility does not depend on load, so every infeasible enterprise is known up front.
  const short = drawn
    .map((e) => ({ enterpriseId: e.id, eligibleInspectors: allowedFor(e).length }))
    .filter((s) => s.eligibleInspectors < perEnterprise);
  if (short.length > 0) {
    const ids = short.map((s) => s.enterpriseId).join('、');
    return {
      ok: false,
      error: {
        code: 'no_eligible_pair',
        enterprises: short,
        message: {
          zh: `企业 ${ids} 可选派的持证执法人员不足${perEnterprise}人${crossArea ? '（异地交叉检查）' : ''}`,
          en: `Enterprises ${short.map((s) => s.enterpriseId).join(', ')} have fewer than ${perEnterprise} eligible inspectors`,
        },
      },
    };
  }

  const load = new Map(eligible.map((i) => [i.id, 0]));
  const assignments = drawn.map((e, index): DrawAssignment => {
    const picked = allowedFor(e)
      .map((i) => i.id)
      .sort((a, b) => load.get(a)! - load.get(b)! || position.get(a)! - position.get(b)!)
      .slice(0, perEnterprise);
    for (const id of picked) load.set(id, load.get(id)! + 1);
    return { order: index + 1, enterpriseId: e.id, inspectorIds: picked };
  });

  return {
    ok: true,
    draw: {
      algorithm: DRAW_ALGORITHM,
      seed,
      crossArea,
      assignments,
      inspectorLoad: eligible.map((i) => ({ inspectorId: i.id, assignments: load.get(i.id)! })),
      ineligibleInspectorIds,
    },
  };
}
