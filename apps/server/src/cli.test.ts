import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './cli.js';

// The CLI works on SQLite files here; its PostgreSQL commands only print pg_dump/pg_restore.
describe.skipIf(process.env.TEST_DATABASE_URL?.startsWith('postgres'))('admin CLI', () => {
  let dir: string;
  const run = async (...args: string[]) => {
    const logs: string[] = [];
    const log = vi
      .spyOn(console, 'log')
      .mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
    const err = vi
      .spyOn(console, 'error')
      .mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
    try {
      const code = await runCli(args);
      return { code, output: logs.join('\n') };
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-cli-'));
    process.env.DATABASE_URL = `sqlite:${path.join(dir, 'main.db')}`;
    process.env.DEMO_PASSWORD = 'Cli-Demo-2023x';
  });
  afterAll(() => {
    delete process.env.DATABASE_URL;
    delete process.env.DEMO_PASSWORD;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrates idempotently and seeds the demo once', async () => {
    expect((await run('migrate')).output).toContain('Applied');
    expect((await run('migrate')).output).toContain('up to date');
    expect((await run('seed:demo')).output).toContain('seeded');
    expect((await run('seed:demo')).output).toContain('already present');
  });

  it('verifies the signatures of the signed inspection records, and fails on a tampered one', async () => {
    const ok = await run('signatures:verify');
    expect(ok.code).toBe(0);
    expect(ok.output).toMatch(/signatures OK: [1-9]\d* record/);
    const file = path.join(dir, 'main.db');
    const db = new SQLite(file);
    db.prepare(
      "UPDATE inspection_records SET place = place || '（改）' WHERE status = 'signed'",
    ).run();
    db.close();
    const bad = await run('signatures:verify');
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('INVALID');
  });

  it('creates users with validation and resets passwords', async () => {
    const ok = await run(
      'user:create',
      '--username',
      'cli_user',
      '--password',
      'Cli-Pass-2023',
      '--role',
      'publicity',
      '--org',
      'NM-EEDS-DS-XJS',
    );
    expect(ok.code).toBe(0);
    const weak = await run(
      'user:create',
      '--username',
      'cli_weak',
      '--password',
      'weak',
      '--role',
      'publicity',
      '--org',
      'NM-EEDS-DS-XJS',
    );
    expect(weak.code).toBe(1);
    expect(weak.output).toContain('密码至少10位');
    expect(
      (
        await run(
          'user:create',
          '--username',
          'x1',
          '--password',
          'Cli-Pass-2023',
          '--role',
          'publicity',
          '--org',
          'NOPE',
        )
      ).code,
    ).toBe(1);
    expect(
      (await run('user:reset-password', '--username', 'cli_user', '--password', 'Cli-Pass-2024'))
        .code,
    ).toBe(0);
    expect(
      (await run('user:reset-password', '--username', 'ghost', '--password', 'Cli-Pass-2024')).code,
    ).toBe(1);
  });

  it('backs up and restores with identical counts and a verifying chain', async () => {
    const backupFile = path.join(dir, 'backup.db');
    expect((await run('backup', backupFile)).code).toBe(0);
    const mainDb = process.env.DATABASE_URL!;
    process.env.DATABASE_URL = `sqlite:${path.join(dir, 'restored', 'r.db')}`;
    try {
      const restored = await run('restore', backupFile);
      expect(restored.code).toBe(0);
      expect(restored.output).toContain('Audit chain OK');
      expect((await run('restore', backupFile)).code).toBe(1); // refuses to overwrite without --force
    } finally {
      process.env.DATABASE_URL = mainDb;
    }
    const count = (file: string, table: string) => {
      const h = new SQLite(file, { readonly: true });
      const n = (h.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      h.close();
      return n;
    };
    for (const table of ['users', 'org_units', 'enterprises', 'audit_log']) {
      expect(count(path.join(dir, 'restored', 'r.db'), table)).toBe(
        count(path.join(dir, 'main.db'), table),
      );
    }
  });

  it('audit:verify exits 1 and names the tampered row', async () => {
    expect((await run('audit:verify')).code).toBe(0);
    const h = new SQLite(path.join(dir, 'main.db'));
    h.exec('DROP TRIGGER audit_log_no_update');
    const victim = h.prepare('SELECT id FROM audit_log ORDER BY seq LIMIT 1 OFFSET 4').get() as {
      id: number;
    };
    h.prepare("UPDATE audit_log SET changes = '{}' WHERE id = ?").run(victim.id);
    h.close();
    const res = await run('audit:verify');
    expect(res.code).toBe(1);
    expect(res.output).toContain(`row id ${victim.id}`);
  });
});
