import { describe, expect, it } from 'vitest';
import { validateExpectations } from '../../src/inputs/expectations.js';
import { InputError } from '../../src/errors.js';

const good = { schema: 1, asOf: '2026-04-01T11:00:00Z', windowDays: 90, model: '1.0.0', tolerance: 1, accounts: [{ handle: '@a', score: 50, flags: ['follow-back'], topics: ['astronomy'] }, { handle: 'b', min: 10, max: 20 }] };

function fieldOf(data: unknown): string | undefined {
  try {
    validateExpectations(data, 'x.json');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).detail.field;
  }
  return undefined;
}

describe('validateExpectations', () => {
  it('accepts the documented format', () => {
    expect(validateExpectations(good, 'x.json').accounts).toEqual(good.accounts);
  });
  it('names the bad field', () => {
    expect(fieldOf({ ...good, schema: 2 })).toBe('schema');
    expect(fieldOf({ ...good, asOf: 'yesterday' })).toBe('asOf');
    expect(fieldOf({ ...good, windowDays: 0 })).toBe('windowDays');
    expect(fieldOf({ ...good, model: 3 })).toBe('model');
    expect(fieldOf({ ...good, tolerance: -1 })).toBe('tolerance');
    expect(fieldOf({ ...good, accounts: [{ handle: '' }] })).toBe('accounts[0].handle');
    expect(fieldOf({ ...good, accounts: [{ handle: 'a', score: 101 }] })).toBe('accounts[0].score');
    expect(fieldOf({ ...good, accounts: [{ handle: 'a', flags: ['famous'] }] })).toBe('accounts[0].flags');
    expect(fieldOf({ ...good, accounts: [{ handle: 'a', min: 30, max: 20 }] })).toBe('accounts[0].min');
    expect(fieldOf({ ...good, accounts: [{ handle: 'a', scroe: 3 }] })).toBe('accounts[0].scroe');
    expect(fieldOf({ ...good, accounts: [{ handle: 'a' }, { handle: 'A' }] })).toBe('accounts[1].handle');
  });
});
