#!/usr/bin/env node
// Runs a command with TEST_DATABASE_URL pointing at PostgreSQL (default: the local server),
// after checking the server answers, so the suite runs on PostgreSQL instead of SQLite.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  await client.query('SELECT 1');
  await client.end();
} catch (err) {
  console.error(`PostgreSQL is not reachable at ${url}: ${err.message}`);
  console.error('Start it, or set TEST_DATABASE_URL to a server where this user may CREATE DATABASE.');
  process.exit(1);
}
const [cmd, ...args] = process.argv.slice(2);
const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url }, shell: false });
process.exit(result.status ?? 1);
