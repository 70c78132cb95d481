import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  creditCodeProblem,
  isValidCreditCode,
} from './credit-code.js';

describe('unified social credit code', () => {
  it('accepts published valid codes', () => {
    // Codes of well-known companies, as printed on their business licences.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000802100433B')).toBe(true);
    expect(isValidCreditCode('911101087263711234')).toBe(false);
  });

  it('names the problem of an invalid code', () => {
    expect(creditCodeProblem('9135010')).toBe('length');
    expect(creditCodeProblem('91350100M000100YI3')).toBe('charset');
    expect(creditCodeProblem('91350100m000100y43')).toBe('charset');
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check_digit');
  });

  it('any 17 characters plus their check character form a valid code, and no other 18th does', () => {
    const ch = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(''));
    fc.assert(
      fc.property(fc.array(ch, { minLength: 17, maxLength: 17 }), ch, (chars, other) => {
        const first17 = chars.join('');
        const check = creditCodeCheckChar(first17)!;
        expect(isValidCreditCode(first17 + check)).toBe(true);
        if (other !== check) expect(isValidCreditCode(first17 + other)).toBe(false);
      }),
    );
  });
});
