import { createHash, randomBytes } from 'node:crypto';

/** A link token: 32 random bytes, base64url (43 characters). Only its SHA-256 is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The personal answer page of a token, on the platform's public address. */
export function answerLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/rispondi/${token}`;
}
