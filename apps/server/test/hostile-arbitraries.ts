import fc from 'fast-check';

// Hostile inputs for the API, and the helpers that aim them at one route's JSON body schema
// (as the OpenAPI document publishes it). Used by hostile-input.test.ts.

/** The JSON Schema subset the OpenAPI document uses for request bodies and parameters. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  default?: unknown;
};

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A step into a JSON value: an object key or an array index. */
export type JsonPath = (string | number)[];

/** A scalar as URL or query text; anything else as its JSON. */
export function scalarText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Field size the brief calls oversized: well past every declared maxLength. */
export const OVERSIZED_CHARS = 100_000;

/** Strings that try to break out of SQL, HTML, file paths or spreadsheet cells. */
export const INJECTION_STRINGS = [
  "'; DROP TABLE hazards;--",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)--',
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd\u0000.jpg',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example","x")',
  '+1+1',
  '-1+1',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  '${7*7}{{7*7}}',
  '__proto__',
  '%00%2e%2e%2f',
] as const;

/** Unicode that tends to break storage, comparison or display. */
export const UNICODE_EDGE_STRINGS = [
  '\ud800',
  'a\udfffb',
  '\u202Eevil\u202C.exe',
  '\u200B\u200C\u200D\uFEFF',
  'a\u0000b',
  '\u0000',
  '👨‍👩‍👧‍👦🇨🇳',
  'Z\u0335\u0321\u034E\u0301\u0300',
  '\uFFFF\uFFFE',
  '𠀀𪚥𝌆',
  '\u2028\u2029',
  '\u0085\u00A0',
] as const;

/** Every hostile string, as one arbitrary (optionally glued to a plain Chinese prefix). */
export const hostileString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom<string>(...INJECTION_STRINGS, ...UNICODE_EDGE_STRINGS),
    fc.constantFrom('', '隐患', 'ab'),
  )
  .map(([hostile, prefix]) => prefix + hostile);

/** A string of at least OVERSIZED_CHARS characters built from a repeated hostile chunk. */
export function oversized(chunk: string, minChars: number = OVERSIZED_CHARS): string {
  const unit = chunk.length > 0 ? chunk : 'x';
  return unit.repeat(Math.ceil(minChars / unit.length) + 1);
}

/** `depth` nested arrays or objects: parsers that recurse fall over on these. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Bodies sent as application/json that are not JSON, or JSON a safe parser refuses. */
export const MALFORMED_JSON_BODIES = [
  '{',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  '{"a":"\\x41"}',
  '{"a":NaN}',
  '{"a":undefined}',
  '[1,2',
  '"unterminated',
  '{"a":1}garbage',
  '\u0000',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '\uFEFF{"a":1}x',
] as const;

/** A malformed JSON body: one of the fixed ones, or valid JSON cut short. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom<string>(...MALFORMED_JSON_BODIES),
  fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat()).map(([value, cut]) => {
    const text = JSON.stringify({ value, pad: 'x' });
    return text.slice(0, Math.max(1, cut % (text.length - 1)));
  }),
);

/** A whole body of the wrong type, for a route that takes a JSON object. */
export const wrongTopLevelBody: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  hostileString,
  fc.array(hostileString, { maxLength: 3 }),
);

function typesOf(schema: JsonSchema): Set<string> {
  const out = new Set<string>();
  const add = (s: JsonSchema) => {
    const t = s.type;
    if (Array.isArray(t)) t.forEach((x) => out.add(x));
    else if (t) out.add(t);
    if (s.nullable) out.add('null');
    if (s.enum) for (const v of s.enum) out.add(v === null ? 'null' : typeof v);
    if (s.const !== undefined) out.add(s.const === null ? 'null' : typeof s.const);
    for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) add(alt);
  };
  add(schema);
  if (out.has('integer')) out.add('number');
  return out;
}

/** Whether a schema takes free text (no enum, pattern or format that narrows it). */
export function isFreeText(schema: JsonSchema): boolean {
  return (
    schema.type === 'string' &&
    schema.enum === undefined &&
    schema.const === undefined &&
    schema.pattern === undefined &&
    schema.format === undefined
  );
}

function lowestNumber(schema: JsonSchema): number {
  const min = schema.minimum;
  if (min === undefined) return 1;
  if (schema.exclusiveMinimum === true) return schema.type === 'integer' ? min + 1 : min + 0.5;
  if (typeof schema.exclusiveMinimum === 'number') return schema.exclusiveMinimum + 1;
  return min;
}

// Values that satisfy common `pattern`s in this API (dates, credit codes, phone numbers, codes).
const PATTERN_SAMPLES = [
  '2024-01-15',
  '2024-01-15T08:00:00.000Z',
  '2024-01',
  '2024-W03',
  '08:00',
  '123456',
  '13800138000',
  '91350100M000100Y43',
  '110101199003074514',
  'HG-2017-01',
  'A1',
  'a'.repeat(64),
];

function stringSample(schema: JsonSchema): string {
  if (schema.format === 'date') return '2024-01-15';
  if (schema.format === 'date-time') return '2024-01-15T08:00:00.000Z';
  if (schema.format === 'email') return 'a@example.com';
  if (schema.format === 'uri') return 'https://example.com/';
  if (schema.pattern !== undefined) {
    const re = new RegExp(schema.pattern);
    const hit = PATTERN_SAMPLES.find((s) => re.test(s));
    if (hit !== undefined) return hit;
  }
  const length = Math.max(schema.minLength ?? 0, 2);
  return '测'.repeat(Math.min(length, schema.maxLength ?? length));
}

/**
 * A plausible value for a schema: the first enum value, the lowest allowed number, a short
 * text. Not always valid (cross-field rules and foreign keys are not known here), but close
 * enough that one mutated field is what a validator complains about.
 */
export function skeletonOf(schema: JsonSchema): JsonValue {
  if (schema.const !== undefined) return schema.const as JsonValue;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0] as JsonValue;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const nonNull = alternatives.find((a) => a.type !== 'null');
    return nonNull ? skeletonOf(nonNull) : null;
  }
  const type = Array.isArray(schema.type)
    ? schema.type.find((t) => t !== 'null')
    : (schema.type ?? (schema.properties ? 'object' : undefined));
  switch (type) {
    case 'string':
      return stringSample(schema);
    case 'integer':
    case 'number':
      return lowestNumber(schema);
    case 'boolean':
      return false;
    case 'array': {
      const count = Math.min(Math.max(schema.minItems ?? 1, 1), schema.maxItems ?? 1);
      return Array.from({ length: count }, () => (schema.items ? skeletonOf(schema.items) : 1));
    }
    case 'object': {
      const out: { [key: string]: JsonValue } = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {}))
        out[key] = skeletonOf(prop);
      return out;
    }
    case undefined:
    default:
      return null;
  }
}

/** One place in a body: where it is, and the schema that governs it. */
export type SchemaSlot = { path: JsonPath; schema: JsonSchema };

/** Every property and array item a body schema declares, outermost first. */
export function slotsOf(schema: JsonSchema, path: JsonPath = []): SchemaSlot[] {
  const out: SchemaSlot[] = [];
  if (schema.properties) {
    for (const [key, prop] of Object.entries(schema.properties)) {
      out.push({ path: [...path, key], schema: prop });
      out.push(...slotsOf(prop, [...path, key]));
    }
  }
  if (schema.items) {
    out.push({ path: [...path, 0], schema: schema.items });
    out.push(...slotsOf(schema.items, [...path, 0]));
  }
  for (const alt of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    if (alt.type === 'object' || alt.properties) out.push(...slotsOf(alt, path));
  }
  return out;
}

/** A copy of `body` with the value at `path` replaced (creating objects on the way). */
export function withValueAt(body: JsonValue, path: JsonPath, value: JsonValue): JsonValue {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(body) ? [...body] : [];
    while (list.length <= head) list.push(null);
    list[head] = withValueAt(list[head] ?? null, rest, value);
    return list;
  }
  const obj = body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...body } : {};
  obj[head!] = withValueAt(obj[head!] ?? null, rest, value);
  return obj;
}

/** A value that no reasonable reading of `schema` accepts, with a label saying why. */
export type Violation = { label: string; value: JsonValue };

/** The ways to break one slot: wrong type, oversized, out of range, not in the enum, too deep. */
export function violationsOf(schema: JsonSchema, hostile: string): Violation[] {
  const types = typesOf(schema);
  const out: Violation[] = [];
  const wrongTypes: [string, JsonValue][] = [
    ['string', hostile],
    ['number', 12345.678],
    ['boolean', true],
    ['object', { $where: hostile, toString: hostile }],
    ['array', [hostile, [hostile]]],
    ['null', null],
  ];
  for (const [type, value] of wrongTypes) {
    // An integer schema rejects fractions, so 12345.678 is a wrong-type value for it too.
    const accepted = types.has(type) && !(type === 'number' && !types.has('number'));
    if (!accepted) out.push({ label: `wrong type (${type})`, value });
  }
  if (types.size === 0) return out;
  if (types.has('string') && !types.has('number')) {
    const narrowed =
      schema.maxLength !== undefined ||
      schema.enum !== undefined ||
      schema.pattern !== undefined ||
      schema.format !== undefined;
    if (narrowed) {
      out.push({
        label: 'oversized string',
        value: oversized(hostile, Math.max(OVERSIZED_CHARS, (schema.maxLength ?? 0) + 1)),
      });
    }
    if (schema.enum)
      out.push({ label: 'not in enum', value: `${String(schema.enum[0])}${hostile}` });
  }
  if (types.has('number') && !types.has('string')) {
    if (schema.maximum !== undefined)
      out.push({ label: 'above maximum', value: schema.maximum * 10 + 1 });
    if (schema.minimum !== undefined)
      out.push({ label: 'below minimum', value: schema.minimum - 1 });
    if (schema.type === 'integer') out.push({ label: 'fraction for integer', value: 1.5 });
  }
  if (types.has('array') && schema.maxItems !== undefined && schema.items) {
    const item = skeletonOf(schema.items);
    out.push({
      label: 'too many items',
      value: Array.from({ length: schema.maxItems + 1 }, () => item),
    });
  }
  if (!types.has('array')) out.push({ label: 'deep nesting', value: nested(2_000) });
  return out;
}

function nested(depth: number): JsonValue {
  let value: JsonValue = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/**
 * Percent-encodes a path segment. Unlike encodeURIComponent it does not throw on a lone
 * surrogate: that becomes the (invalid) UTF-8 bytes of the surrogate, itself a hostile input.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

/** A JSON value to its text, keeping lone surrogates as \u escapes (JSON.stringify does). */
export function toJsonText(value: JsonValue): string {
  return JSON.stringify(value);
}
