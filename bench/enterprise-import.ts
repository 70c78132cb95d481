// Benchmark: import of 10,000 enterprises from .xlsx (issue 3 target: under 10 s), on a fresh
// SQLite database (or PostgreSQL with TEST_DATABASE_URL). Prints the figures; asserts nothing.
// Run: npm run bench:import [-- --rows 10000]
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import {
  creditCodeCheckChar,
  CREDIT_CODE_ALPHABET,
  ENTERPRISE_SHEET_COLUMNS,
} from '@hazard-ledger/domain';
import { createTestContext } from '../apps/server/test/harness.js';
import { multipartFile } from '../apps/server/test/multipart.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' } } });
const rows = Number(values.rows);

function code(i: number): string {
  let body = '91150602MA';
  let n = i;
  for (let k = 0; k < 7; k++) {
    body += CREDIT_CODE_ALPHABET[n % 31];
    n = Math.floor(n / 31);
  }
  return body + creditCodeCheckChar(body)!;
}

async function buildFile(): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('企业信息');
  ws.addRow(ENTERPRISE_SHEET_COLUMNS.map((c) => c.header)).commit();
  const sectors = [
    ['危险化学品', '经营'],
    ['烟花爆竹', '零售'],
  ];
  for (let i = 0; i < rows; i++) {
    const [sector, sub] = sectors[i % 2]!;
    const cells: Record<string, string> = {
      企业名称: `基准测试企业${i}`,
      统一社会信用代码: code(i),
      行业领域: sector!,
      企业类型: sub!,
      所属区县: '甲区',
      详细地址: `甲区基准路${i}号`,
      从业人数: String(10 + (i % 300)),
      主要负责人: `负责人${i}`,
      主要负责人电话: `138${String(i).padStart(8, '0')}`,
      许可证类型: '经营许可证',
      许可证编号: `XK-${i}`,
      许可证有效期至: '2027-12-31',
    };
    ws.addRow(ENTERPRISE_SHEET_COLUMNS.map((c) => cells[c.header] ?? '')).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

const t0 = performance.now();
const file = await buildFile();
const t1 = performance.now();
const t = await createTestContext();
await t.createUser({
  username: 'bench_office',
  role: 'office',
  orgUnitId: t.org.officeWeihuaA,
  sectors: ['hazchem', 'fireworks'],
});
const client = await t.login('bench_office');
const { payload, headers } = multipartFile('bench.xlsx', file);
const t2 = performance.now();
const preview = await client.request({
  method: 'POST',
  url: '/api/v1/enterprises/import/preview',
  payload,
  headers,
});
const t3 = performance.now();
const id = preview.json<{ id: number; errorRows: number }>().id;
const commit = await client.post(`/api/v1/enterprises/imports/${id}/commit`);
const t4 = performance.now();
const result = commit.json<{ created: number; updated: number }>();
await t.close();

const ms = (a: number, b: number) => `${((b - a) / 1000).toFixed(2)} s`;
console.log(
  `Enterprise import benchmark (${t.db.dialect}, ${rows} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB)`,
);
console.log(`  build file        ${ms(t0, t1)}`);
console.log(
  `  upload + preview  ${ms(t2, t3)}  (status ${preview.statusCode}, ${preview.json<{ errorRows: number }>().errorRows} error rows)`,
);
console.log(
  `  commit            ${ms(t3, t4)}  (status ${commit.statusCode}, created ${result.created})`,
);
console.log(`  preview + commit  ${ms(t2, t4)}  (target < 10 s)`);
console.log(`  peak RSS          ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
