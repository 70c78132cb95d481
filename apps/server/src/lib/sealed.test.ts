import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, sealJson, unseal, unsealJson } from './sealed.js';

describe('sealed values', () => {
  const key = crypto.randomBytes(32);

  it('round-trips and never shows the plaintext', () => {
    const sealed = seal('张三 13800000000', key);
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(sealed).not.toContain('张三');
    expect(sealed).not.toContain('13800000000');
    expect(unseal(sealed, key)).toBe('张三 13800000000');
    expect(seal('same', key)).not.toBe(seal('same', key));
  });

  it('refuses a wrong key or an altered value', () => {
    const sealed = seal('secret', key);
    expect(() => unseal(sealed, crypto.randomBytes(32))).toThrow();
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(() => unseal(`v1:${raw.toString('base64')}`, key)).toThrow();
  });

  it('seals JSON and keeps null as null', () => {
    const value = { name: '李四', phone: '13900000000' };
    expect(unsealJson(sealJson(value, key), key)).toEqual(value);
    expect(sealJson(null, key)).toBeNull();
    expect(unsealJson(null, key)).toBeNull();
  });
});
