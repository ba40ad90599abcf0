/**
 * Territorial pacts (issue 17): vocabulary and pure rules shared by the server and the web app — the version
 * lifecycle as data (like PROJECT_TRANSITIONS in projects.ts and REFERRAL_TRANSITIONS in matching.ts), who may sign
 * which version and whether a late signature (adhesion) waits for approval, and the Markdown text cut into numbered
 * articles with an article-by-article difference between two versions.
 */
import { diffWords } from 'diff';

export const PACT_VERSION_STATUSES = ['draft', 'open_for_signature', 'in_force', 'expired', 'superseded'] as const;
export type PactVersionStatus = (typeof PACT_VERSION_STATUSES)[number];

/**
 * Who moves a version: `manager` (the district's coordinators or a platform administrator, by request) or
 * `amendment` (the platform, when the next version enters into force: the one in force is superseded).
 */
export type PactTransitionTrigger = 'manager' | 'amendment';

export interface PactVersionTransition {
  readonly from: PactVersionStatus;
  readonly to: PactVersionStatus;
  readonly by: PactTransitionTrigger;
  /** `signature`: at least one valid signature or acknowledgement of this version. */
  readonly requires: readonly 'signature'[];
}

/**
 * Every allowed move, and nothing else. An amendment (a new draft version) is opened for signature while the current
 * version stays in force: the network keeps working under the text it signed until the amendment enters into force,
 * and that moment supersedes the previous version.
 */
export const PACT_VERSION_TRANSITIONS: readonly PactVersionTransition[] = [
  { from: 'draft', to: 'open_for_signature', by: 'manager', requires: [] },
  { from: 'open_for_signature', to: 'in_force', by: 'manager', requires: ['signature'] },
  { from: 'in_force', to: 'expired', by: 'manager', requires: [] },
  { from: 'in_force', to: 'superseded', by: 'amendment', requires: [] },
];

export type PactTransitionProblem = { field: 'to'; problem: 'forbidden' } | { field: 'to'; problem: 'signature_required' };

/** Whether `trigger` may move a version from `from` to `to` with `validSignatures` signatures: the problem, or null. */
export function checkPactVersionTransition(input: { from: PactVersionStatus; to: PactVersionStatus; by: PactTransitionTrigger; validSignatures: number }): PactTransitionProblem | null {
  const transition = PACT_VERSION_TRANSITIONS.find((candidate) => candidate.from === input.from && candidate.to === input.to && candidate.by === input.by);
  if (!transition) return { field: 'to', problem: 'forbidden' };
  if (transition.requires.includes('signature') && input.validSignatures < 1) return { field: 'to', problem: 'signature_required' };
  return null;
}

/** The statuses a manager may move a version to from `from`. */
export function nextPactVersionStatuses(from: PactVersionStatus): PactVersionStatus[] {
  return PACT_VERSION_TRANSITIONS.filter((transition) => transition.from === from && transition.by === 'manager').map((transition) => transition.to);
}

/** A version is signed while open for signature, and joined (adhesion) while in force; never a draft or an ended one. */
export const SIGNABLE_STATUSES: readonly PactVersionStatus[] = ['open_for_signature', 'in_force'];

export function isSignable(status: PactVersionStatus): boolean {
  return SIGNABLE_STATUSES.includes(status);
}

export const SIGNATURE_KINDS = ['signature', 'acknowledgement'] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

export const SIGNATURE_STATUSES = ['valid', 'pending', 'rejected'] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];

/**
 * The status of a new signature: joining a version already in force is an adhesion, pending until the district
 * approves it when the pact says so; a signature while the version is open, and an acknowledgement (its signatory was
 * in already), count at once.
 */
export function statusOfNewSignature(input: { kind: SignatureKind; versionStatus: PactVersionStatus; adhesionNeedsApproval: boolean }): SignatureStatus {
  if (input.kind === 'signature' && input.versionStatus === 'in_force' && input.adhesionNeedsApproval) return 'pending';
  return 'valid';
}

// ── Articles ────────────────────────────────────────────────────────────────

export interface PactArticle {
  /** "1", "2", "2-bis": what follows "Art." / "Articolo" in the heading; null for the preamble before the first. */
  number: string | null;
  title: string;
  /** The article's text without its heading, trimmed. */
  body: string;
}

/** A Markdown heading naming an article: "## Art. 1 - Oggetto", "### Articolo 2 bis: Durata", "# Art. 3". */
const ARTICLE_HEADING = /^#{1,6}\s+(?:art\.?|articolo|article)\s*(\d+(?:[\s-]?(?:bis|ter|quater))?)\s*(?:[-–—:.]\s*)?(.*)$/i;

/**
 * Cuts a pact's Markdown into its articles, in order: the text before the first article heading is the preamble
 * (kept only when not empty). Numbers are normalized ("2 bis" → "2-bis") so two versions' articles pair up.
 */
export function parseArticles(markdown: string): PactArticle[] {
  const articles: PactArticle[] = [];
  let current: { number: string | null; title: string; lines: string[] } = { number: null, title: '', lines: [] };
  const close = () => {
    const body = current.lines.join('\n').trim();
    if (current.number !== null || body.length > 0) articles.push({ number: current.number, title: current.title, body });
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = ARTICLE_HEADING.exec(line.trim());
    if (heading) {
      close();
      current = { number: heading[1]!.toLowerCase().replace(/[\s-]+/, '-'), title: heading[2]!.trim(), lines: [] };
    } else {
      current.lines.push(line);
    }
  }
  close();
  return articles;
}

export const ARTICLE_CHANGES = ['added', 'removed', 'changed', 'unchanged'] as const;
export type ArticleChange = (typeof ARTICLE_CHANGES)[number];

export interface ArticleDiff {
  number: string | null;
  title: string;
  change: ArticleChange;
  /** Word by word, from the old text to the new (the title line included when it changed). */
  parts: { kind: 'added' | 'removed' | 'same'; text: string }[];
}

const articleText = (article: PactArticle) => `${article.title}\n\n${article.body}`;

/**
 * What changed between two versions, article by article, paired by number (the preamble with the preamble): the new
 * version's order, each removed article after the one that preceded it in the old version.
 */
export function diffArticles(fromMarkdown: string, toMarkdown: string): ArticleDiff[] {
  const from = parseArticles(fromMarkdown);
  const to = parseArticles(toMarkdown);
  const key = (article: PactArticle) => article.number ?? '';
  const fromByKey = new Map(from.map((article) => [key(article), article]));
  const toKeys = new Set(to.map(key));
  const result: ArticleDiff[] = to.map((article) => {
    const old = fromByKey.get(key(article));
    if (!old) return { number: article.number, title: article.title, change: 'added', parts: [{ kind: 'added', text: articleText(article) }] };
    if (articleText(old) === articleText(article)) return { number: article.number, title: article.title, change: 'unchanged', parts: [{ kind: 'same', text: articleText(article) }] };
    const parts = diffWords(articleText(old), articleText(article)).map((part) => ({ kind: part.added ? ('added' as const) : part.removed ? ('removed' as const) : ('same' as const), text: part.value }));
    return { number: article.number, title: article.title, change: 'changed', parts };
  });
  from.forEach((article, index) => {
    if (toKeys.has(key(article))) return;
    const removed: ArticleDiff = { number: article.number, title: article.title, change: 'removed', parts: [{ kind: 'removed', text: articleText(article) }] };
    // After the nearest preceding old article that is in the result (or first).
    let position = 0;
    for (let before = index - 1; before >= 0; before -= 1) {
      const found = result.findIndex((entry) => (entry.number ?? '') === key(from[before]!));
      if (found >= 0) {
        position = found + 1;
        break;
      }
    }
    result.splice(position, 0, removed);
  });
  return result;
}

// ── Commitments ─────────────────────────────────────────────────────────────

export const COMMITMENT_STATUSES = ['planned', 'on_track', 'late', 'done', 'dropped'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** The dashboard's order: late ones first, then the ones still running, then the closed ones. */
export const COMMITMENT_STATUS_ORDER: readonly CommitmentStatus[] = ['late', 'planned', 'on_track', 'done', 'dropped'];

export const COMMITMENT_RECURRENCES = ['none', 'monthly', 'quarterly', 'yearly'] as const;
export type CommitmentRecurrence = (typeof COMMITMENT_RECURRENCES)[number];

/** Statuses the daily job may turn late (a closed commitment is never late). */
export const OPEN_COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['planned', 'on_track'];

/** Whether a commitment is late on `today` (YYYY-MM-DD, Italy's day): open, with a due date before today. */
export function isCommitmentLate(commitment: { status: CommitmentStatus; dueOn: string | null }, today: string): boolean {
  return OPEN_COMMITMENT_STATUSES.includes(commitment.status) && commitment.dueOn !== null && commitment.dueOn < today;
}

const MONTHS_OF: Record<Exclude<CommitmentRecurrence, 'none'>, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/**
 * The next due date of a recurring commitment once a period is done: the same day `recurrence` later, on the
 * month's last day when that month is shorter (31 January → 28/29 February). Null for a one-off commitment.
 */
export function nextDueOn(dueOn: string, recurrence: CommitmentRecurrence): string | null {
  if (recurrence === 'none') return null;
  const [year, month, day] = dueOn.split('-').map(Number) as [number, number, number];
  const monthIndex = month - 1 + MONTHS_OF[recurrence];
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = monthIndex % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}
