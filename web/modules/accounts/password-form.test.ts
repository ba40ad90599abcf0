import { describe, expect, it } from 'vitest';
import { checkNewPassword, passwordProblemOf } from './password-form';

describe('the new-password form applies the server rule', () => {
  it('names the first problem: missing, short, common, then a confirmation that differs', async () => {
    expect(await checkNewPassword('', '')).toBe('required');
    expect(await checkNewPassword('short', 'short')).toBe('tooShort');
    expect(await checkNewPassword('password1234', 'password1234')).toBe('common');
    expect(await checkNewPassword('una frase lunga e mia', 'una frase lunga e tua')).toBe('mismatch');
    expect(await checkNewPassword('una frase lunga e mia', 'una frase lunga e mia')).toBeNull();
  });

  it("reads the server's reason", () => {
    expect(passwordProblemOf({ problem: 'common', fields: [] })).toBe('common');
    expect(passwordProblemOf({ fields: [] })).toBeNull();
  });
});
