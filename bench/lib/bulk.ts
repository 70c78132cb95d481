// The bulk scenarios: importing 10,000 enterprises from .xlsx (preview, then commit, over
// HTTP) and exporting about 100,000 hazards as .xlsx (time to the last byte, bytes, rows).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  creditCodeCheckChar,
  CREDIT_CODE_ALPHABET,
  ENTERPRISE_SHEET_COLUMNS,
  SECTOR_LABELS,
  SUB_TYPE_LABELS,
} from '@hazard-ledger/domain';
import type { BenchContext } from './context.js';
import { getJson, query } from './http.js';
import { randomOf } from './random.js';
import { plainRow, type ScenarioRow, type Target, targetFailures } from './report.js';

/** Issue 3: an import of 10,000 enterprises, preview and commit, under 10 s. */
export const IMPORT_TARGET: Target = { maxMs: 10_000 };

const API = '/api/v1';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Valid credit codes of their own: the body starts 9315BENCH, which the dataset generator does
 * not use, so every row is a new enterprise rather than an update of a generated one.
 */
function benchCreditCode(i: number): string {
  let body = '9315BENCH';
  let n = i;
  for (let k = 0; k < 8; k++) {
    body += CREDIT_CODE_ALPHABET[n % 31];
    n = Math.floor(n / 31);
  }
  return body + creditCodeCheckChar(body)!;
}

/** The import sheet: the template's columns, rows across the dataset's sectors. */
async function importSheet(ctx: BenchContext, rows: number): Promise<Buffer> {
  const r = randomOf(401);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('企业信息');
  sheet.addRow(ENTERPRISE_SHEET_COLUMNS.map((c) => c.header)).commit();
  for (let i = 0; i < rows; i++) {
    const sector = r.pick(ctx.manifest.sectors);
    const subType = r.pick(Object.values(SUB_TYPE_LABELS[sector]));
    const cells: Record<string, string> = {
      企业名称: `基准导入企业${i}有限公司`,
      统一社会信用代码: benchCreditCode(i),
      行业领域: SECTOR_LABELS[sector].zh,
      企业类型: subType.zh,
      所属区县: ctx.districtName,
      详细地址: `${ctx.districtName}基准路${i}号`,
      从业人数: String(r.int(5, 800)),
      主要负责人: `负责人${i}`,
      主要负责人电话: `138${String(i).padStart(8, '0')}`,
      许可证类型: '安全生产许可证',
      许可证编号: `XK-BENCH-${i}`,
      许可证有效期至: '2028-12-31',
    };
    sheet.addRow(ENTERPRISE_SHEET_COLUMNS.map((c) => cells[c.header] ?? '')).commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

type ImportView = {
  id: number;
  totalRows: number;
  errorRows: number;
  created: number;
  updated: number;
  unchanged: number;
};

export async function enterpriseImport(ctx: BenchContext, rows = 10_000): Promise<ScenarioRow[]> {
  const session = ctx.sessions.district;
  const file = await importSheet(ctx, rows);
  ctx.log(
    `  import: ${rows.toLocaleString()} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB …`,
  );
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type: XLSX_MIME }), 'bench-import.xlsx');
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  const t0 = performance.now();
  const previewRes = await fetch(`${ctx.baseUrl}${API}/enterprises/import/preview`, {
    method: 'POST',
    headers,
    body: form,
  });
  const previewBody = await previewRes.text();
  const t1 = performance.now();
  const failures: string[] = [];
  let commitMs: number | null = null;
  let preview: ImportView | null = null;
  let committed: ImportView | null = null;
  if (previewRes.status !== 200) {
    failures.push(`preview: HTTP ${previewRes.status} ${previewBody.slice(0, 300)}`);
  } else {
    preview = JSON.parse(previewBody) as ImportView;
    if (preview.errorRows > 0)
      failures.push(`${preview.errorRows} rows with errors in the preview`);
    const commitRes = await fetch(`${ctx.baseUrl}${API}/enterprises/imports/${preview.id}/commit`, {
      method: 'POST',
      headers,
    });
    const commitBody = await commitRes.text();
    commitMs = performance.now() - t1;
    if (commitRes.status !== 200)
      failures.push(`commit: HTTP ${commitRes.status} ${commitBody.slice(0, 300)}`);
    else committed = JSON.parse(commitBody) as ImportView;
  }
  const previewMs = t1 - t0;
  const totalMs = commitMs === null ? null : previewMs + commitMs;
  failures.push(...targetFailures(IMPORT_TARGET, ctx.factor, { ms: totalMs }));
  return [
    plainRow({
      key: 'import',
      name: `import of ${rows.toLocaleString()} enterprises (preview+commit)`,
      requests: 2,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
      maxMs: totalMs,
      reqPerSec: null,
      non2xx: failures.some((f) => f.includes('HTTP')) ? 1 : 0,
      errors: 0,
      target: `<${(IMPORT_TARGET.maxMs! * ctx.factor) / 1000}s total`,
      failures,
      rssPeakMB: null,
      notes: [
        `preview ${(previewMs / 1000).toFixed(2)} s, commit ${commitMs === null ? '—' : (commitMs / 1000).toFixed(2)} s, total ${totalMs === null ? '—' : (totalMs / 1000).toFixed(2)} s; ` +
          `${(file.length / 1024 / 1024).toFixed(1)} MB; created ${committed?.created ?? '—'}, updated ${committed?.updated ?? '—'}`,
      ],
      details: {
        previewMs,
        commitMs,
        totalMs,
        fileBytes: file.length,
        rows,
        errorRows: preview?.errorRows ?? null,
        created: committed?.created ?? null,
        updated: committed?.updated ?? null,
      },
    }),
  ];
}

type CountPage = { total: number };

/** How many hazards the city user's ledger holds with these filters. */
async function countHazards(ctx: BenchContext, filters: Record<string, string>): Promise<number> {
  const page = await getJson<CountPage>(
    ctx.baseUrl,
    ctx.sessions.city,
    `${API}/hazards?${query({ ...filters, pageSize: 1 })}`,
  );
  return page.total;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The found-date range of the city user's ledger ending today that holds about `wanted` hazards
 * (the earliest start with at least that many, by bisection over days), or everything the city
 * has when it holds fewer.
 */
async function exportRange(
  ctx: BenchContext,
  wanted: number,
): Promise<{ filters: Record<string, string>; rows: number }> {
  const today = new Date().toISOString().slice(0, 10);
  const all = await countHazards(ctx, { foundTo: today });
  if (all <= wanted * 1.05) return { filters: { foundTo: today }, rows: all };
  let lo = 0; // days back from today known to hold fewer than wanted
  let hi = 1; // days back known to hold at least wanted
  while ((await countHazards(ctx, { foundFrom: addDays(today, -hi), foundTo: today })) < wanted) {
    lo = hi;
    hi *= 2;
    if (hi > 40 * 365) break;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await countHazards(ctx, { foundFrom: addDays(today, -mid), foundTo: today })) >= wanted)
      hi = mid;
    else lo = mid;
  }
  const filters = { foundFrom: addDays(today, -hi), foundTo: today };
  return { filters, rows: await countHazards(ctx, filters) };
}

/** Streams the export to its last byte, counting bytes; memory is the window's RSS peak. */
export async function hazardExport(ctx: BenchContext, wanted = 100_000): Promise<ScenarioRow[]> {
  const { filters, rows } = await exportRange(ctx, wanted);
  const url = `${API}/hazards/export?${query(filters)}`;
  ctx.log(`  export: ${rows.toLocaleString()} hazards (${query(filters)}), city user …`);
  ctx.server.rss.begin();
  const t0 = performance.now();
  const res = await fetch(`${ctx.baseUrl}${url}`, { headers: ctx.sessions.city.readHeaders });
  const firstByteMs = performance.now() - t0;
  let bytes = 0;
  let head = '';
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (bytes === 0) head = Buffer.from(chunk).subarray(0, 2).toString('latin1');
      bytes += chunk.length;
    }
  }
  const totalMs = performance.now() - t0;
  const peak = ctx.server.rss.end();
  const failures: string[] = [];
  if (res.status !== 200) failures.push(`HTTP ${res.status}`);
  else if (head !== 'PK') failures.push('the answer is not an .xlsx (zip) file');
  const notes = [
    `${rows.toLocaleString()} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB, first byte ${firstByteMs.toFixed(0)} ms, last byte ${(totalMs / 1000).toFixed(2)} s (${Math.round(rows / (totalMs / 1000)).toLocaleString()} rows/s), server peak RSS ${peak.toFixed(0)} MB`,
  ];
  if (rows < wanted * 0.95)
    notes.push(`the city holds only ${rows.toLocaleString()} hazards up to today: all exported`);
  return [
    plainRow({
      key: 'export',
      name: `export of ${rows.toLocaleString()} hazards (.xlsx)`,
      requests: 1,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
      maxMs: totalMs,
      reqPerSec: null,
      non2xx: res.status === 200 ? 0 : 1,
      errors: 0,
      target: null,
      failures,
      rssPeakMB: peak,
      notes,
      details: {
        rows,
        bytes,
        firstByteMs,
        lastByteMs: totalMs,
        rssPeakMB: peak,
        filters: query(filters),
      },
    }),
  ];
}
