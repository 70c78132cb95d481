import { z } from 'zod';

// Redaction of personal data in published cases (公开曝光, issue 10 item 2). Names of persons
// known from the source records, Chinese ID numbers and phone numbers are removed automatically;
// staff add the rest by hand. The result says exactly what was removed and where, so the editor
// can show it before a second person approves the text.

/** Why a piece of text was removed. */
export const RemovalKind = {
  Name: 'name',
  IdNumber: 'id_number',
  Phone: 'phone',
  Manual: 'manual',
} as const;
export type RemovalKind = (typeof RemovalKind)[keyof typeof RemovalKind];
export const REMOVAL_KINDS = Object.values(RemovalKind) as readonly RemovalKind[];
export const REMOVAL_KIND_LABELS: Record<RemovalKind, { zh: string; en: string }> = {
  name: { zh: '人名', en: 'Name' },
  id_number: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '电话号码', en: 'Phone number' },
  manual: { zh: '人工隐去', en: 'Manual' },
};

/** What replaces ID numbers, phone numbers and manual redactions. */
export const REDACTED_MARK = '[已隐去]';

/** One removed piece: where it was in the original text and what replaced it. */
export const removedItemSchema = z.object({
  kind: z.enum(REMOVAL_KINDS as [RemovalKind, ...RemovalKind[]]),
  original: z.string(),
  replacement: z.string(),
  /** Offsets in the original text (UTF-16 code units, end exclusive). */
  start: z.number().int(),
  end: z.number().int(),
});
export type RemovedItem = z.infer<typeof removedItemSchema>;

/** A run of the redacted text; `kind` is set on the replacements (for highlighting). */
export const redactedPartSchema = z.object({
  text: z.string(),
  kind: z.enum(REMOVAL_KINDS as [RemovalKind, ...RemovalKind[]]).nullable(),
});
export type RedactedPart = z.infer<typeof redactedPartSchema>;

export const redactionResultSchema = z.object({
  text: z.string(),
  parts: z.array(redactedPartSchema),
  removed: z.array(removedItemSchema),
});
export type RedactionResult = z.infer<typeof redactionResultSchema>;

/** What to remove besides ID and phone numbers. */
export type RedactionRules = {
  /** Names of persons known from the source records (parties, leaders, inspectors…). */
  personNames: readonly string[];
  /** Strings staff chose to remove by hand. */
  manual: readonly string[];
};

// Two-character surnames, so that 欧阳明 becomes 欧阳某 rather than 欧某.
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '呼延',
  '澹台',
  '万俟',
];

/** The pseudonym of a person's name: the surname and 某 (张三 → 张某); a non-Chinese name → ×××. */
export function pseudonymOf(name: string): string {
  if (!/^[\u4e00-\u9fff·]+$/.test(name)) return '×××';
  const compound = COMPOUND_SURNAMES.find((s) => name.startsWith(s) && name.length > s.length);
  return `${compound ?? name.slice(0, 1)}某`;
}

// 18-digit resident ID numbers (the last may be X) and the old 15-digit ones, not inside a
// longer run of digits or letters (unified credit codes and case numbers must not match).
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
// Mobile numbers (optionally +86), with or without separators (138-1234-5678, 138 1234 5678).
const MOBILE = /(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9])/g;
// Landlines with an area code: 0477-1234567, 0477 1234567, (0477)1234567, （0477）12345678.
const LANDLINE = /(?<![0-9])(?:[(（]0\d{2,3}[)）]\s?|0\d{2,3}[- ]?)\d{7,8}(?![0-9])/g;
// A local number without area code, when the text says it is a phone (电话：8581234).
const LOCAL_PHONE = /(?<=(?:电话|座机|手机|联系方式|tel)[:：]?\s*)\d{7,8}(?![0-9])/gi;

type Match = { start: number; end: number; kind: RemovalKind; replacement: string };

function matchesOf(text: string, pattern: RegExp, kind: RemovalKind): Match[] {
  return [...text.matchAll(pattern)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind,
    replacement: REDACTED_MARK,
  }));
}

function literalMatches(text: string, needle: string, kind: RemovalKind, replacement: string) {
  const out: Match[] = [];
  if (!needle) return out;
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) return out;
    out.push({ start: at, end: at + needle.length, kind, replacement });
    from = at + needle.length;
  }
}

/** Person names worth matching: trimmed, at least two characters, no duplicates. */
export function cleanPersonNames(names: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const raw of names) {
    const name = raw?.trim() ?? '';
    if (name.length >= 2 && name.length <= 20) seen.add(name);
  }
  return [...seen];
}

// Words that mark a unit, a role or an activity rather than a person (安全科, 管理员, 举报核查).
const NOT_A_PERSON =
  /[科室部局处队组厂站所司院会班]$|公司|中心|企业|车间|管理员|负责人|安全员|检查|核查|自查|排查|系统|办公/;

/**
 * The person names in a free-text field such as a hazard's 发现人 or 责任人 ("举报核查：耿建",
 * "张三、李四"): tokens of 2–5 Chinese characters (or with ·) that do not name a unit or role.
 */
export function personNamesInText(raw: string | null | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(/[、，,；;：:\s/（）()]+/)
    .map((t) => t.trim())
    .filter((t) => /^[\u4e00-\u9fff·]{2,6}$/.test(t) && t.replace('·', '').length <= 5)
    .filter((t) => !NOT_A_PERSON.test(t));
}

/**
 * Removes personal data from `text`: ID numbers first (they contain digit runs a phone pattern
 * could take), then phones, manual strings and names; longer matches win over overlapping
 * shorter ones so 张三丰 is not half-replaced through 张三.
 */
export function redactText(text: string, rules: RedactionRules): RedactionResult {
  const candidates: Match[] = [
    ...matchesOf(text, ID_NUMBER, 'id_number'),
    ...matchesOf(text, MOBILE, 'phone'),
    ...matchesOf(text, LANDLINE, 'phone'),
    ...matchesOf(text, LOCAL_PHONE, 'phone'),
    ...cleanManual(rules.manual).flatMap((m) => literalMatches(text, m, 'manual', REDACTED_MARK)),
    ...cleanPersonNames(rules.personNames).flatMap((n) =>
      literalMatches(text, n, 'name', pseudonymOf(n)),
    ),
  ];
  const priority: Record<RemovalKind, number> = { id_number: 0, phone: 1, manual: 2, name: 3 };
  candidates.sort(
    (a, b) =>
      a.start - b.start ||
      b.end - b.start - (a.end - a.start) ||
      priority[a.kind] - priority[b.kind],
  );
  const chosen: Match[] = [];
  for (const m of candidates) {
    const last = chosen[chosen.length - 1];
    if (last && m.start < last.end) continue;
    chosen.push(m);
  }
  const parts: RedactedPart[] = [];
  const removed: RemovedItem[] = [];
  let cursor = 0;
  for (const m of chosen) {
    if (m.start > cursor) parts.push({ text: text.slice(cursor, m.start), kind: null });
    parts.push({ text: m.replacement, kind: m.kind });
    removed.push({
      kind: m.kind,
      original: text.slice(m.start, m.end),
      replacement: m.replacement,
      start: m.start,
      end: m.end,
    });
    cursor = m.end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), kind: null });
  return { text: parts.map((p) => p.text).join(''), parts, removed };
}

function cleanManual(manual: readonly string[]): string[] {
  return [...new Set(manual.map((m) => m.trim()).filter((m) => m.length > 0))];
}

/** A box to pixelate on a photo, relative to the image size (0–1), origin top left. */
export const redactionBoxSchema = z
  .object({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    w: z.number().gt(0, { message: '遮挡框宽度应大于0' }).max(1),
    h: z.number().gt(0, { message: '遮挡框高度应大于0' }).max(1),
  })
  .strict();
export type RedactionBox = z.infer<typeof redactionBoxSchema>;

/** The pixel rectangle of a relative box on a width × height image, clamped to the image. */
export function boxToPixels(
  box: RedactionBox,
  width: number,
  height: number,
): { left: number; top: number; right: number; bottom: number } {
  const left = Math.max(0, Math.floor(box.x * width));
  const top = Math.max(0, Math.floor(box.y * height));
  const right = Math.min(width, Math.ceil((box.x + box.w) * width));
  const bottom = Math.min(height, Math.ceil((box.y + box.h) * height));
  return { left, top, right: Math.max(left, right), bottom: Math.max(top, bottom) };
}
