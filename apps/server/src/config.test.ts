import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

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
});
