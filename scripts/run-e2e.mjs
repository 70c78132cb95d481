#!/usr/bin/env node
// Builds the web app and runs the Playwright suite in Debian's Chromium. Without Chromium the
// suite is skipped with a notice (a laptop without it can still run `npm test`); under CI it
// is required.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  const msg = `Chromium not found at ${chromium}: end-to-end tests skipped (apt-get install chromium fonts-noto-cjk).`;
  if (process.env.CI) {
    console.error(msg);
    process.exit(1);
  }
  console.warn(msg);
  process.exit(0);
}
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npm', ['run', 'build:web']);
run('npx', ['playwright', 'test', '--config', 'e2e/playwright.config.ts', ...process.argv.slice(2)]);
