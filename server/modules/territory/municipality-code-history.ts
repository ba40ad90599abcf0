/**
 * ISTAT's variations of municipality codes ("suppressed code → successor code, with the date"), derived without a
 * database from two public sources:
 * - ANPR's history of every municipality code since 1861 (`anpr-archivio-comuni.csv`: one row per period of
 *   validity of a code, with its cadastral code and province);
 * - ISTAT's current list of municipalities (`comuni-2026.csv`), which says which codes are current.
 * ANPR records periods, not variations, so the variation is inferred by rules that never guess:
 * - recoded: the suppressed code's cadastral code lives on under another ISTAT code instituted the day after it
 *   ceased (a change of province, e.g. 041033 Montecopiolo → 099030 on 17 Jun 2021, or a renumbering);
 * - merged: it ceased the day before exactly one new code was instituted in the same province (a merger of
 *   municipalities into a new one, e.g. 022027 Brez → 022252 Borgo d'Anaunia on 1 Jan 2020);
 * - successor unknown: anything else (an incorporation into an existing municipality leaves no new code, a split
 *   or several mergers on the same day in the same province leave several): reported with the date, never guessed.
 *   E.g. 022027 Brez ceased on 1 Jan 2020, the day three new codes were born in the province of Trento (Borgo
 *   d'Anaunia, Novella, Ville di Fiemme): ANPR does not say which one took it.
 * Chains are followed (A merged into B, B later merged into C: A's successor is C), to a code current in the list.
 */

/** ANPR writes this as the end of a period still in force. */
const OPEN_END = '9999-12-31';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The Sardinian reform (regional law 7/2021, regional government resolution 36/34 of 9 July 2025) recoded every
 * Sardinian municipality into the new provinces; ISTAT uses the new codes for official statistics "from 1 January
 * 2026" (ISTAT, "Codici delle unità amministrative", update of 17 July 2025). ANPR's archive (January 2026) still
 * holds the old codes as active, so a code ANPR calls active that the current list gives under another code with the
 * same cadastral code was recoded on this date. Only Sardinia is in that situation (the tests pin it).
 */
export const SARDINIA_RECODING_DATE = '2026-01-01';
const SARDINIA_REGION_CODE = '20';

/** One period of validity of a code in ANPR's archive. */
export interface AnprCodePeriod {
  istatCode: string;
  cadastralCode: string;
  /** As ANPR writes it: upper case ("BORGO D'ANAUNIA"). */
  name: string;
  provinceCode: string;
  regionCode: string;
  institutedOn: string;
  /** Last day of validity; null while the period is in force. */
  lastValidOn: string | null;
}

/** One municipality of ISTAT's current list, as much as the derivation needs. */
export interface CurrentMunicipalityCode {
  istatCode: string;
  name: string;
  cadastralCode: string;
  regionCode: string;
}

export type MunicipalityVariationReason = 'merged' | 'recoded' | 'successor_unknown';

/** A code no longer current, and what became of it. */
export interface MunicipalityCodeVariation {
  suppressedCode: string;
  suppressedName: string;
  /** The province (ISTAT code of its last period) the suppressed code belonged to. */
  provinceCode: string;
  /**
   * The day the variation took effect: the day after the code's last day of validity in ANPR's archive. Null for a
   * variation ANPR's archive does not hold yet (the code is active there but absent from the current list, outside
   * Sardinia's dated recoding): the sources say it happened by the list's date, not when.
   */
  ceasedOn: string | null;
  /** The code current in the list that holds its territory; null when it cannot be derived. */
  successorCode: string | null;
  successorName: string | null;
  /** Of the first step: 'merged' or 'recoded'; 'successor_unknown' when any step of the chain is not derivable. */
  reason: MunicipalityVariationReason;
}

const ANPR_COLUMNS = ['DATAISTITUZIONE', 'DATACESSAZIONE', 'CODISTAT', 'CODCATASTALE', 'DENOMINAZIONE_IT', 'IDPROVINCIAISTAT', 'IDREGIONE'] as const;

/**
 * One line of a comma-separated file whose fields may be double-quoted (a doubled quote inside one is a quote); no
 * field spans lines. Hand-written because csv-parse takes over a second on this 19,000-row file, and every test
 * database that loads the territory reads it.
 */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let index = 0;
  while (index <= line.length) {
    if (line[index] === '"') {
      let value = '';
      index++;
      for (;;) {
        const quote = line.indexOf('"', index);
        if (quote === -1) throw new Error('unterminated quoted field');
        value += line.slice(index, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          index = quote + 2;
        } else {
          index = quote + 1;
          break;
        }
      }
      fields.push(value);
      if (index < line.length && line[index] !== ',') throw new Error('text after a quoted field');
      index++;
    } else {
      const comma = line.indexOf(',', index);
      const end = comma === -1 ? line.length : comma;
      fields.push(line.slice(index, end));
      index = end + 1;
    }
  }
  return fields;
}

/** Parses ANPR's archive; a missing column, a malformed line, code or date stops the import naming the line. */
export function parseAnprCodeHistory(csvText: string, fileName = 'anpr-archivio-comuni.csv'): AnprCodePeriod[] {
  const lines = csvText.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '');
  const column = Object.fromEntries(ANPR_COLUMNS.map((name) => [name, header.indexOf(name)])) as Record<(typeof ANPR_COLUMNS)[number], number>;
  const missing = ANPR_COLUMNS.filter((name) => column[name] === -1);
  if (missing.length > 0) throw new Error(`${fileName}: missing column(s) ${missing.join(', ')}`);
  const periods: AnprCodePeriod[] = [];
  for (let index = 1; index < lines.length; index++) {
    const text = lines[index]!;
    if (text.trim() === '') continue;
    const line = index + 1;
    let fields: string[];
    try {
      fields = splitCsvLine(text);
    } catch (error) {
      throw new Error(`${fileName} line ${line}: ${(error as Error).message}`);
    }
    if (fields.length !== header.length) throw new Error(`${fileName} line ${line}: ${fields.length} fields, expected ${header.length}`);
    const field = (name: (typeof ANPR_COLUMNS)[number]): string => fields[column[name]]!.trim();
    const period: AnprCodePeriod = {
      istatCode: field('CODISTAT'),
      cadastralCode: field('CODCATASTALE'),
      name: field('DENOMINAZIONE_IT'),
      provinceCode: field('IDPROVINCIAISTAT'),
      regionCode: field('IDREGIONE'),
      institutedOn: field('DATAISTITUZIONE'),
      lastValidOn: field('DATACESSAZIONE') === OPEN_END ? null : field('DATACESSAZIONE'),
    };
    if (!/^\d{6}$/.test(period.istatCode) || !/^\d{3}$/.test(period.provinceCode)) {
      throw new Error(`${fileName} line ${line}: malformed ISTAT code ${period.istatCode}`);
    }
    if (!ISO_DATE.test(period.institutedOn) || !ISO_DATE.test(field('DATACESSAZIONE'))) {
      throw new Error(`${fileName} line ${line}: malformed date ${period.institutedOn} / ${field('DATACESSAZIONE')}`);
    }
    periods.push(period);
  }
  return periods;
}

/** The day after an ISO date (UTC calendar arithmetic, no time zone involved). */
export function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Words Italian place names keep in lower case inside a name ("Borgo d'Anaunia", "San Giovanni in Persiceto"). */
const LOWER_CASE_WORDS = new Set(['di', 'del', 'della', 'dei', 'degli', 'delle', 'dello', 'de', 'da', 'dal', 'dalla', 'in', 'e', 'ed', 'con', 'sul', 'sulla', 'sui', 'al', 'alla', 'all', 'nel', 'nella', 'sopra', 'sotto']);

/** Elided particles ("d'", "dell'") stay in lower case inside a name; "Sant'" does not. */
const ELIDED_PARTICLES = new Set(['d', 'l', 'dell', 'dall', 'nell', 'sull', 'all', 'coll']);

/**
 * ANPR writes names in upper case; a name no list of ours spells is shown in title case (an approximation: accents
 * ANPR drops, like "PERÒ" written "PERO'", stay as ANPR writes them).
 */
export function titleCaseAnprName(name: string): string {
  const parts = name.toLowerCase().split(/(\s+|-|\/|')/);
  return parts
    .map((part, index) => {
      if (index % 2 === 1 || part === '') return part; // a separator
      const elided = parts[index + 1] === "'" && ELIDED_PARTICLES.has(part); // d'Anaunia, dell'Adda
      if (index > 0 && (LOWER_CASE_WORDS.has(part) || elided)) return part;
      return part.charAt(0).toUpperCase() + part.slice(1);
    })
    .join('');
}

interface CodeSummary {
  code: string;
  periods: AnprCodePeriod[];
  last: AnprCodePeriod;
  firstInstitutedOn: string;
}

function summarizeCodes(history: readonly AnprCodePeriod[]): Map<string, CodeSummary> {
  const byCode = new Map<string, AnprCodePeriod[]>();
  for (const period of history) {
    const periods = byCode.get(period.istatCode) ?? [];
    periods.push(period);
    byCode.set(period.istatCode, periods);
  }
  const summaries = new Map<string, CodeSummary>();
  for (const [code, periods] of byCode) {
    periods.sort((a, b) => a.institutedOn.localeCompare(b.institutedOn));
    summaries.set(code, { code, periods, last: periods.at(-1)!, firstInstitutedOn: periods[0]!.institutedOn });
  }
  return summaries;
}

/**
 * Every code ANPR has known that is not in the current list, with its successor when the rules above derive one.
 * `knownNames` spells codes the way a list of ours does (ANPR writes upper case); other names are title-cased.
 * Sorted by suppressed code.
 */
export function deriveMunicipalityCodeVariations(
  history: readonly AnprCodePeriod[],
  current: readonly CurrentMunicipalityCode[],
  knownNames: ReadonlyMap<string, string> = new Map(),
): MunicipalityCodeVariation[] {
  const currentByCode = new Map(current.map((row) => [row.istatCode, row]));
  const currentByCadastral = new Map(current.map((row) => [row.cadastralCode, row]));
  const codes = summarizeCodes(history);
  const everCadastral = new Set(history.map((period) => period.cadastralCode));

  // Codes instituted on a date: the candidates successors of a code that ceased the day before.
  const firstInstitutedOn = new Map<string, CodeSummary[]>();
  // (cadastral code, institution date) of every period start: a recoding keeps the cadastral code.
  const periodStarts = new Map<string, AnprCodePeriod[]>();
  // (cadastral code, day after its end) of every period that ended: a new code with that cadastral code is a recoding.
  const periodEnds = new Map<string, AnprCodePeriod[]>();
  for (const period of history) {
    if (period.lastValidOn === null) continue;
    const key = `${period.cadastralCode}|${nextDay(period.lastValidOn)}`;
    const ends = periodEnds.get(key) ?? [];
    ends.push(period);
    periodEnds.set(key, ends);
  }
  for (const summary of codes.values()) {
    const list = firstInstitutedOn.get(summary.firstInstitutedOn) ?? [];
    list.push(summary);
    firstInstitutedOn.set(summary.firstInstitutedOn, list);
    for (const period of summary.periods) {
      const key = `${period.cadastralCode}|${period.institutedOn}`;
      const starts = periodStarts.get(key) ?? [];
      starts.push(period);
      periodStarts.set(key, starts);
    }
  }

  interface Step {
    successor: string | null;
    reason: MunicipalityVariationReason;
    on: string | null;
  }
  const stepOf = (summary: CodeSummary): Step => {
    const last = summary.last;
    if (last.lastValidOn === null) {
      // Active for ANPR, absent from the list: a variation after ANPR's snapshot. Sardinia's recoding has a date
      // (ISTAT's); any other has none in the sources.
      const recoded = currentByCadastral.get(last.cadastralCode);
      if (recoded && recoded.istatCode !== summary.code) {
        return { successor: recoded.istatCode, reason: 'recoded', on: last.regionCode === SARDINIA_REGION_CODE ? SARDINIA_RECODING_DATE : null };
      }
      const born = current.filter((row) => !codes.has(row.istatCode) && row.istatCode.startsWith(last.provinceCode) && !everCadastral.has(row.cadastralCode));
      return born.length === 1 ? { successor: born[0]!.istatCode, reason: 'merged', on: null } : { successor: null, reason: 'successor_unknown', on: null };
    }
    const on = nextDay(last.lastValidOn);
    const recodedAs = (periodStarts.get(`${last.cadastralCode}|${on}`) ?? []).filter((period) => period.istatCode !== summary.code);
    const recodedCodes = [...new Set(recodedAs.map((period) => period.istatCode))];
    if (recodedCodes.length === 1) return { successor: recodedCodes[0]!, reason: 'recoded', on };
    // New codes of that day in the same province that are not another code's recoding.
    const born = (firstInstitutedOn.get(on) ?? []).filter((candidate) => {
      if (candidate.code === summary.code || candidate.periods[0]!.provinceCode !== last.provinceCode) return false;
      const endedTheDayBefore = periodEnds.get(`${candidate.periods[0]!.cadastralCode}|${on}`) ?? [];
      return !endedTheDayBefore.some((period) => period.istatCode !== candidate.code);
    });
    if (born.length === 1) return { successor: born[0]!.code, reason: 'merged', on };
    return { successor: null, reason: 'successor_unknown', on };
  };

  const nameOf = (summary: CodeSummary): string => knownNames.get(summary.code) ?? titleCaseAnprName(summary.last.name);
  const variations: MunicipalityCodeVariation[] = [];
  for (const summary of codes.values()) {
    if (currentByCode.has(summary.code)) continue;
    const first = stepOf(summary);
    let reason = first.reason;
    let successor = first.successor;
    const visited = new Set([summary.code]);
    while (successor !== null && !currentByCode.has(successor)) {
      const next = codes.get(successor);
      if (!next || visited.has(successor)) {
        successor = null;
        break;
      }
      visited.add(successor);
      const step = stepOf(next);
      if (step.reason === 'merged') reason = 'merged';
      successor = step.successor;
    }
    if (successor === null) reason = 'successor_unknown';
    variations.push({
      suppressedCode: summary.code,
      suppressedName: nameOf(summary),
      provinceCode: summary.last.provinceCode,
      ceasedOn: first.on,
      successorCode: successor,
      successorName: successor === null ? null : currentByCode.get(successor)!.name,
      reason,
    });
  }
  return variations.sort((a, b) => a.suppressedCode.localeCompare(b.suppressedCode));
}

