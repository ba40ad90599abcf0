import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-client';
import { lockedUntilOf, safeReturnPath, validateLogin } from './login-form';

describe('validateLogin', () => {
  it('requires both fields', () => {
    expect(validateLogin('', '')).toEqual({ email: 'required', password: 'required' });
  });
  it('rejects a malformed e-mail address', () => {
    expect(validateLogin('not-an-email', 'secret')).toEqual({ email: 'invalidEmail' });
  });
  it('accepts a well-formed pair', () => {
    expect(validateLogin(' anna@example.org ', 'correct horse battery')).toEqual({});
  });
});

describe('lockedUntilOf', () => {
  it('reads lockedUntil from a 423 AUTH.LOCKED error', () => {
    const error = new ApiError({ status: 423, code: 'AUTH.LOCKED', message: 'locked', details: { lockedUntil: '2030-01-01T10:15:00Z' } });
    expect(lockedUntilOf(error)?.toISOString()).toBe('2030-01-01T10:15:00.000Z');
  });
  it('returns null for other errors or missing details', () => {
    expect(lockedUntilOf(new ApiError({ status: 401, code: 'AUTH.INVALID_CREDENTIALS', message: 'no' }))).toBeNull();
    expect(lockedUntilOf(new ApiError({ status: 423, code: 'AUTH.LOCKED', message: 'locked' }))).toBeNull();
    expect(lockedUntilOf(new Error('x'))).toBeNull();
  });
});

describe('safeReturnPath', () => {
  it('keeps same-site paths', () => {
    expect(safeReturnPath('/distretti/abc?x=1')).toBe('/distretti/abc?x=1');
  });
  it('refuses other sites, protocol-relative URLs and the login page itself', () => {
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('//evil.example')).toBe('/');
    expect(safeReturnPath('/accedi')).toBe('/');
    expect(safeReturnPath(undefined)).toBe('/');
  });
});
