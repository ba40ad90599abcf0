import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-client';
import { retryAfterOf, safeReturnPath, validateLogin } from './login-form';

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

describe('retryAfterOf', () => {
  it('reads retryAfterSeconds from a 429 AUTH.THROTTLED error', () => {
    const error = new ApiError({ status: 429, code: 'AUTH.THROTTLED', message: 'wait', details: { retryAfterSeconds: 30 } });
    expect(retryAfterOf(error)).toBe(30);
  });
  it('returns null for other errors or missing details', () => {
    expect(retryAfterOf(new ApiError({ status: 401, code: 'AUTH.INVALID_CREDENTIALS', message: 'no' }))).toBeNull();
    expect(retryAfterOf(new ApiError({ status: 429, code: 'AUTH.THROTTLED', message: 'wait' }))).toBeNull();
    expect(retryAfterOf(new Error('x'))).toBeNull();
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
