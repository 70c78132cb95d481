// Starts the app for the end-to-end suite on a fresh SQLite database with the demo data.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

const dir = path.join(import.meta.dirname, '.tmp');
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const child = spawn('npx', ['tsx', 'src/server.ts'], {
  cwd: path.join(import.meta.dirname, '..', 'apps', 'server'),
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: `sqlite:${path.join(dir, 'e2e.db')}`,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    PORT: process.env.E2E_PORT ?? '3100',
    HOST: '127.0.0.1',
    DEMO_PASSWORD: 'Demo@2023pass',
    LOG_LEVEL: 'warn',
  },
});
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));
