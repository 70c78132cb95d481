import crypto from 'node:crypto';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/audit.verify.js';
import {
  createProcessDatabase,
  HttpSession,
  killAllServers,
  type ProcessDatabase,
  ServerProcess,
  serverEnv,
} from './process-harness.js';

// SERVER_PROCESSES=2: a primary prepares the database and forks two workers that share the port.
// Concurrent writes through both workers must all land (on SQLite the workers share the file and
// wait for its write lock, BEGIN IMMEDIATE), numbering must not collide, and SIGTERM must stop the
// whole group.

describe('several server processes (SERVER_PROCESSES)', () => {
  let database: ProcessDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    database = await createProcessDatabase(2);
    server = new ServerProcess({
      ...serverEnv(database.databaseUrl, database.uploadDir),
      SERVER_PROCESSES: '2',
    });
    await server.start();
  }, 180_000);

  afterAll(async () => {
    await killAllServers();
    await database?.drop();
  });

  it('serves concurrent writes through both workers without losing or refusing one', async () => {
    const [enterpriseId] = database.fixture.enterprises;
    // Several sessions, so that their connections spread over both workers. One after another:
    // parallel sign-ins of one account count as attempts in flight against its lockout.
    const sessions: HttpSession[] = [];
    for (const username of ['aq0', 'aq0', 'aq0', 'fzr0', 'fzr0', 'fzr0']) {
      sessions.push(await HttpSession.login(server, username));
    }
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        sessions[i % sessions.length]!.send('POST', '/hazards', {
          enterpriseId,
          level: 'general',
          title: `多进程测试隐患${crypto.randomUUID().slice(0, 8)}`,
          description: '配电室门口堆放杂物',
          place: '配电室',
          origin: 'self_check',
          foundAt: '2024-03-01',
          foundBy: '安全员',
          noCatalogReason: '测试不引用条款',
          treatment: 'deadline',
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const ids = answers.map((a) => (a.body as { id: number }).id);
    expect(new Set(ids).size).toBe(60);
    const numbers = answers.map((a) => (a.body as { number: string }).number);
    expect(new Set(numbers).size).toBe(60);
    const stored = await database.db.kysely
      .selectFrom('hazards')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', ids)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(60);
    const chain = await verifyAuditChain(database.db.kysely, 'sha256');
    expect(chain.ok).toBe(true);
  }, 120_000);

  it('says it runs once both workers are listening', async () => {
    // The primary prints its banner once every worker has reported 'listening'; /readyz, which
    // start() waited for, may have been answered by the first worker alone.
    await server.waitForOutput('Processes:  2 (node:cluster)');
    expect(server.tail()).toContain('Processes:  2 (node:cluster)');
  });

  it('bounds the heap and the malloc arenas of each worker', async () => {
    await server.waitForOutput('runs the daily reminders');
    const pids = [...server.printed().matchAll(/Worker (\d+) started/g)].map((m) => Number(m[1]));
    expect(pids).toHaveLength(2);
    for (const pid of pids) {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      expect(args).toContain('--max-old-space-size=128');
      expect(args).toContain('--max-semi-space-size=2');
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      expect(env).toContain('MALLOC_ARENA_MAX=1');
    }
  });

  it('runs the daily reminders in one worker, and again in the worker that replaces it', async () => {
    // The primary says which worker runs them as it starts each.
    const schedulers = () =>
      [
        ...server
          .printed()
          .matchAll(/Worker (\d+) started \(serves requests, runs the daily reminders\)/g),
      ].map((m) => Number(m[1]));
    await server.waitForOutput('runs the daily reminders');
    expect(server.printed().match(/Worker \d+ started/g)).toHaveLength(2);
    const [first, ...others] = schedulers();
    expect(others).toEqual([]);

    process.kill(first!, 'SIGKILL');
    await server.waitForOutput(`Worker ${first} stopped (SIGKILL); starting another.`);
    const deadline = Date.now() + 60_000;
    while (schedulers().length < 2 && Date.now() < deadline) await sleep(100);
    const [, replacement] = schedulers();
    expect(replacement).toBeDefined();
    expect(replacement).not.toBe(first);
    expect(server.printed().match(/Worker \d+ started/g)).toHaveLength(3);
    // Still serving, on whichever worker answers.
    await server.waitReady();
  }, 90_000);

  it('stops the primary and its workers on SIGTERM', async () => {
    await server.stop('SIGTERM');
    expect(server.running).toBe(false);
    const res = await fetch(`${server.baseUrl}/healthz`).catch(() => null);
    expect(res).toBeNull();
  }, 60_000);
});
