import type { TLabelVerification } from '../../../common/contracts/labels';
import { labelState } from '../../../common/domain/labels';
import { assertCan } from '../../platform/access/policy';
import { notFound } from '../../platform/errors/app-error';
import { formatDay, type Language } from '../../platform/texts';
import type { UseCaseContext } from '../../platform/use-case';
import { LabelActions } from './labels.policy';
import { LABELS_TEXTS } from './labels.texts';
import { selectAwardByCode, selectCriteria } from './labels.repository';
import { todayInItaly } from '../../../common/domain/calendar';

/**
 * The public verification of a label by its code, for anyone (no sign-in): valid, expired or revoked, since and until
 * when, which criteria, whose. Nothing private: no evidence, notes or revocation reason. An unknown code is a 404.
 */
export async function verifyLabel(context: UseCaseContext, code: string, now: Date = new Date()): Promise<TLabelVerification> {
  assertCan(context.actor, LabelActions['labels.verify']);
  const award = await selectAwardByCode(context.db.orm, code);
  if (!award) throw notFound('label', code);
  const criteria = await selectCriteria(context.db.orm, [award.schemeId]);
  return {
    code: award.publicCode,
    state: labelState(award, todayInItaly(now)),
    organizationName: award.organizationName,
    schemeName: award.schemeName,
    districtName: award.districtName,
    validFrom: award.validFrom,
    validUntil: award.validUntil,
    revokedOn: award.revokedOn,
    criteria: criteria.map((criterion) => ({ description: criterion.description, kind: criterion.kind })),
  };
}

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[character]!);

const BADGE_COLORS = { valid: '#00653e', expired: '#5c6f82', revoked: '#a61919' } as const;

/**
 * The embeddable badge (SVG, no link inside: the embed snippet wraps it in a link to the verification page). Every
 * text is escaped; the state and dates are today's, in words.
 */
export async function labelBadge(context: UseCaseContext, code: string, language: Language = 'it', now: Date = new Date()): Promise<string> {
  const label = await verifyLabel(context, code, now);
  const t = LABELS_TEXTS[language];
  const status = label.state === 'valid' ? t.badgeValid(formatDay(label.validUntil, language)) : label.state === 'expired' ? t.badgeExpired(formatDay(label.validUntil, language)) : t.badgeRevoked(formatDay(label.revokedOn!, language));
  const lines = [t.badgeTitle, label.schemeName, label.organizationName, status].map((line) => escapeXml(line.length > 60 ? `${line.slice(0, 59)}…` : line));
  const color = BADGE_COLORS[label.state];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="96" viewBox="0 0 320 96" role="img" aria-label="${lines.join(' — ')}">`,
    `<title>${lines.join(' — ')}</title>`,
    `<rect width="320" height="96" rx="8" fill="#ffffff" stroke="${color}" stroke-width="3"/>`,
    `<rect x="0" y="0" width="12" height="96" rx="4" fill="${color}"/>`,
    `<g font-family="Titillium Web, Helvetica, Arial, sans-serif" fill="#1a1a1a">`,
    `<text x="24" y="22" font-size="13" font-weight="700" fill="${color}">${lines[0]}</text>`,
    `<text x="24" y="42" font-size="13" font-weight="700">${lines[1]}</text>`,
    `<text x="24" y="62" font-size="12">${lines[2]}</text>`,
    `<text x="24" y="84" font-size="12" font-weight="700" fill="${color}">${lines[3]}</text>`,
    `</g></svg>`,
  ].join('');
}
