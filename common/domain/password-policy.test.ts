import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy';
import { PASSWORD_MAX_LENGTH } from './limits';

describe('password policy (ASVS: length and breached lists, never composition rules)', () => {
  it('accepts a long passphrase with no digit, capital or symbol', () => {
    expect(checkPassword('la nebbia sul monviso')).toBeNull();
    expect(checkPassword('correct-horse-battery-staple')).toBeNull();
  });

  it('refuses fewer than 12 characters, counting code points', () => {
    expect(checkPassword('Abc!1234xyz')).toBe('tooShort');
    expect(checkPassword('àèìòùàèìòùàè')).toBeNull();
  });

  it(`refuses more than ${PASSWORD_MAX_LENGTH} characters`, () => {
    expect(checkPassword('x'.repeat(PASSWORD_MAX_LENGTH - 10) + 'abcdefghijk')).toBe('tooLong');
  });

  it('refuses passwords of the maintained common-password list, whatever the case or a trailing symbol', () => {
    expect(checkPassword('password1234')).toBe('common');
    expect(checkPassword('Password1234')).toBe('common');
    expect(checkPassword('qwerty123456!')).toBe('common');
    expect(checkPassword('123456789012')).toBe('common');
  });

  it('refuses the e-mail name as the password and a few repeated characters', () => {
    expect(checkPassword('mario.rossi.1980', { email: 'mario.rossi.1980@example.it' })).toBe('common');
    expect(checkPassword('abababababababab')).toBe('repetitive');
  });
});
