import zlib from 'node:zlib';
import { type AppConfig, loadConfig } from '../config.js';
import { actAs } from './demo-actors.js';
import type { Db } from '../db/database.js';
import type { ServiceDeps } from '../lib/service-deps.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { addPhoto } from '../modules/self-inspections/self-inspection-photos.service.js';
import { submitRun } from '../modules/self-inspections/self-inspection-submit.service.js';
import { answerItem, startRun } from '../modules/self-inspections/self-inspections.service.js';

// Demo: 恒泰化工's self-inspection of the demo campaign, prepared by its safety manager and
// submitted and signed by its main leader, with one problem that went into the ledger. It goes
// through the service functions, so the demo holds exactly what the app would have made.

/** A small grey PNG (a stand-in for the photo taken on site). */
export function demoPhoto(width = 64, height = 48): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1);
    for (let x = 0; x < width; x++) row[x + 1] = 96 + ((x * 2 + y) % 96);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PROBLEM_ITEM = 'HG-2017-05';
const PROBLEM =
  '2号储罐区（一级重大危险源）液氨储罐进出料管道未设置紧急切断阀，仅有手动阀门，不能实现紧急切断。';
const NOT_APPLICABLE: Record<string, string> = {
  'HG-2017-07': '本企业不涉及液化气体充装作业',
  'HG-2017-08': '本企业无剧毒气体输送管道',
};

/**
 * Demo records of this part of issue 6 (runs after the registry and users are seeded). Without
 * a configuration it reads the environment's, as the server does, for where photos are kept.
 */
export async function seedSelfInspectionDemo(
  db: Db,
  audit: AuditWriter,
  config: AppConfig = loadConfig(),
): Promise<void> {
  const [safety, leader] = await Promise.all([actAs(db, 'qiye1_aq'), actAs(db, 'qiye1_fzr')]);
  if (!safety?.actor?.enterpriseId || !leader) return;
  // The checklist comes from the published catalogs; without them there is nothing to check.
  const published = await db.kysely
    .selectFrom('catalog_versions')
    .select('id')
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!published) return;
  const deps: ServiceDeps = { db, audit, config };
  let run = await startRun(deps, safety, { inspectors: '刘安、设备部王工、生产部李工' });
  for (const item of run.items) {
    const body =
      item.code === PROBLEM_ITEM
        ? { answer: 'problem' as const, description: PROBLEM, note: '已采取临时管控：专人值守' }
        : NOT_APPLICABLE[item.code]
          ? { answer: 'not_applicable' as const, naReason: NOT_APPLICABLE[item.code]! }
          : { answer: 'compliant' as const };
    run = await answerItem(deps, safety, run.id, item.code, {
      note: null,
      description: null,
      naReason: null,
      ...body,
      version: run.version,
    });
  }
  const problem = run.items.find((i) => i.answer === 'problem');
  if (problem) {
    await addPhoto(deps, safety, run.id, problem.code, {
      name: '2号储罐区进料管道.png',
      buffer: demoPhoto(),
    });
  }
  await submitRun(deps, leader, run.id, { version: run.version }, null);
}
