import crypto from 'node:crypto';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import {
  DEFAULT_SQLITE_TUNING,
  findRepoRoot,
  loadConfig,
  REPO_ROOT,
  sqliteTuningPerProcess,
} from './config.js';

describe('configuration', () => {
  it('refuses to start in production without the two secrets, naming them', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SIGNING_KEY_SECRET/);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', SIGNING_KEY_SECRET: 'a-long-enough-secret' }),
    ).toThrow(/IDENTITY_KEY: must be set in production/);
  });

  it('takes the secrets from the environment and checks the identity key size', () => {
    const key = crypto.randomBytes(32);
    const config = loadConfig({
      NODE_ENV: 'production',
      SIGNING_KEY_SECRET: 'a-long-enough-secret',
      IDENTITY_KEY: key.toString('base64'),
    });
    expect(config.identityKey.equals(key)).toBe(true);
    expect(config.signingKeySecret).toBe('a-long-enough-secret');
    expect(() =>
      loadConfig({ NODE_ENV: 'test', IDENTITY_KEY: Buffer.alloc(16).toString('base64') }),
    ).toThrow(/IDENTITY_KEY: must be 32 random bytes/);
  });

  it('uses fixed secrets in tests, so test databases are reproducible', () => {
    const a = loadConfig({ NODE_ENV: 'test' });
    const b = loadConfig({ NODE_ENV: 'test' });
    expect(a.identityKey).toHaveLength(32);
    expect(a.identityKey.equals(b.identityKey)).toBe(true);
    expect(a.signingKeySecret).toBe(b.signingKeySecret);
  });

  it('bounds SQLite memory by default and takes the bounds from the environment', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).sqlite).toEqual(DEFAULT_SQLITE_TUNING);
    expect(DEFAULT_SQLITE_TUNING).toEqual({ cacheMb: 32, mmapMb: 0 });
    const tuned = loadConfig({ NODE_ENV: 'test', SQLITE_CACHE_MB: '16', SQLITE_MMAP_MB: '128' });
    expect(tuned.sqlite).toEqual({ cacheMb: 16, mmapMb: 128 });
  });

  it('refuses SQLite memory bounds that are not whole megabytes in range, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', SQLITE_CACHE_MB: '0' })).toThrow(/SQLITE_CACHE_MB/);
    expect(() => loadConfig({ NODE_ENV: 'test', SQLITE_CACHE_MB: '1.5' })).toThrow(
      /SQLITE_CACHE_MB/,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', SQLITE_MMAP_MB: '-1' })).toThrow(/SQLITE_MMAP_MB/);
    expect(() => loadConfig({ NODE_ENV: 'test', SQLITE_MMAP_MB: 'lots' })).toThrow(
      /SQLITE_MMAP_MB/,
    );
  });

  it('runs one process unless told, one per core with auto, and bounds each worker heap', () => {
    const single = loadConfig({ NODE_ENV: 'test' });
    expect(single.serverProcesses).toBe(1);
    expect(single.workerHeapMb).toBe(128);
    expect(loadConfig({ NODE_ENV: 'test', SERVER_PROCESSES: '3' }).serverProcesses).toBe(3);
    expect(loadConfig({ NODE_ENV: 'test', SERVER_PROCESSES: 'auto' }).serverProcesses).toBe(
      os.availableParallelism(),
    );
    expect(loadConfig({ NODE_ENV: 'test', WORKER_HEAP_MB: '256' }).workerHeapMb).toBe(256);
    expect(() => loadConfig({ NODE_ENV: 'test', SERVER_PROCESSES: 'many' })).toThrow(
      /SERVER_PROCESSES/,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', SERVER_PROCESSES: '0' })).toThrow(
      /SERVER_PROCESSES/,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', WORKER_HEAP_MB: '16' })).toThrow(/WORKER_HEAP_MB/);
  });

  it('shares the SQLite page cache out among the server processes', () => {
    const tuning = { cacheMb: 32, mmapMb: 64 };
    expect(sqliteTuningPerProcess(tuning, 1)).toEqual(tuning);
    expect(sqliteTuningPerProcess(tuning, 2)).toEqual({ cacheMb: 16, mmapMb: 64 });
    expect(sqliteTuningPerProcess(tuning, 3)).toEqual({ cacheMb: 11, mmapMb: 64 });
    expect(sqliteTuningPerProcess({ cacheMb: 1, mmapMb: 0 }, 4)).toEqual({ cacheMb: 1, mmapMb: 0 });
  });

  it('finds the repository root from the source and from any depth of the build', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    expect(REPO_ROOT).toBe(root);
    // The built server runs from apps/server/dist and its chunks (dist/chunks once, which put
    // the data folder under apps/ and lost the web app).
    expect(findRepoRoot(path.join(root, 'apps/server/dist'))).toBe(root);
    expect(findRepoRoot(path.join(root, 'apps/server/dist/chunks'))).toBe(root);
    // apps/server has a package.json of its own, which is not the workspace's.
    expect(findRepoRoot(path.join(root, 'apps/server'))).toBe(root);
    expect(loadConfig({ NODE_ENV: 'test' }).webDist).toBe(path.join(root, 'apps/web/dist'));
  });
});
