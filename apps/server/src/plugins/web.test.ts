import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web.js';

describe('web app files', () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-web-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>隐患</title>');
  fs.writeFileSync(path.join(dist, 'assets', 'index-AbC123.js'), 'console.log(1);');
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  it('lets browsers keep hashed assets for good and revalidate the page that names them', async () => {
    const app = Fastify();
    await registerWebApp(app, dist);
    const asset = await app.inject({ url: '/assets/index-AbC123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    await app.close();
  });
});
