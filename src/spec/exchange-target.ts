import { ValidationError } from '../errors/validation-error.js';

/** Exchange Server major versions exchcert knows. */
export const EXCHANGE_MAJORS = ['2010', '2013', '2016', '2019', 'SE'] as const;
export type ExchangeMajor = (typeof EXCHANGE_MAJORS)[number];

/** The newest cumulative update of each major, used when a target names only the major. */
export const LATEST_CU: Readonly<Record<ExchangeMajor, number>> = Object.freeze({
  '2010': 0,
  '2013': 23,
  '2016': 23,
  '2019': 15,
  SE: 1,
});

/** A parsed Exchange target such as `2019-CU14`. */
export interface ExchangeTarget {
  readonly major: ExchangeMajor;
  /** Cumulative update number; `LATEST_CU[major]` when the target named only the major. */
  readonly cu: number;
  /** The text the target was written as, normalised (`2019-CU14`, `SE`). */
  readonly label: string;
}

const TARGET_RE = /^(2010|2013|2016|2019|SE)(?:[- ]?CU(\d{1,2}))?$/i;

/**
 * Parses `2010`, `2013`, `2016`, `2016-CU23`, `2019-CU14`, `SE`; a bare major means its latest CU.
 * @example parseExchangeTarget('2019-CU11') // { major: '2019', cu: 11, label: '2019-CU11' }
 */
export function parseExchangeTarget(text: string | ExchangeTarget): ExchangeTarget {
  if (typeof text !== 'string') return text;
  const m = TARGET_RE.exec(text.trim());
  const allowed = '2010, 2013, 2016, 2019 or SE, optionally with a cumulative update such as 2016-CU22 or 2019-CU14';
  if (!m) {
    throw new ValidationError({
      code: 'INVALID_EXCHANGE_TARGET',
      parameter: 'exchange',
      value: text,
      allowed,
      message: `Unknown Exchange target '${text}'. Allowed: ${allowed}.`,
    });
  }
  const major = m[1]!.toUpperCase() as ExchangeMajor;
  if (m[2] !== undefined && major === '2010') {
    throw new ValidationError({
      code: 'INVALID_EXCHANGE_TARGET',
      parameter: 'exchange',
      value: text,
      allowed,
      message: `Exchange 2010 targets are written '2010' (service packs are not modelled); got '${text}'.`,
    });
  }
  const cu = m[2] === undefined ? LATEST_CU[major] : Number(m[2]);
  if (cu > LATEST_CU[major] + 5) {
    throw new ValidationError({
      code: 'INVALID_EXCHANGE_TARGET',
      parameter: 'exchange',
      value: text,
      allowed,
      message: `Exchange ${major} has no CU${cu} (latest known: CU${LATEST_CU[major]}).`,
    });
  }
  return Object.freeze({ major, cu, label: m[2] === undefined ? major : `${major}-CU${cu}` });
}

/** Which builds of each major have a parameter: `true` (all), `false`/absent (none) or the CU range. */
export type Availability = Readonly<
  Partial<Record<ExchangeMajor, true | { readonly fromCu?: number; readonly untilCu?: number }>>
>;

/** Every version. */
export const ALL_VERSIONS: Availability = Object.freeze({
  '2010': true,
  '2013': true,
  '2016': true,
  '2019': true,
  SE: true,
});
/** Exchange 2013 and later (e.g. `-Identity`). */
export const SINCE_2013: Availability = Object.freeze({ '2013': true, '2016': true, '2019': true, SE: true });
/** `-FileName`/`-RequestFile`: 2013, 2016 up to CU22, 2019 up to CU11 (removed by the 2022 H1 CUs). */
export const BEFORE_2022H1_FILE_PARAMETERS: Availability = Object.freeze({
  '2013': true,
  '2016': Object.freeze({ untilCu: 22 }),
  '2019': Object.freeze({ untilCu: 11 }),
});

/** True when a target has something with this availability. */
export function isAvailable(availability: Availability, target: ExchangeTarget): boolean {
  const entry = availability[target.major];
  if (entry === undefined) return false;
  if (entry === true) return true;
  return (
    (entry.fromCu === undefined || target.cu >= entry.fromCu) &&
    (entry.untilCu === undefined || target.cu <= entry.untilCu)
  );
}

/** Human wording of an availability, e.g. "Exchange 2013, 2016 CU22 and earlier, 2019 CU11 and earlier". */
export function describeAvailability(availability: Availability): string {
  const parts: string[] = [];
  for (const major of EXCHANGE_MAJORS) {
    const entry = availability[major];
    if (entry === undefined) continue;
    if (entry === true) parts.push(major);
    else if (entry.untilCu !== undefined && entry.fromCu === undefined)
      parts.push(`${major} CU${entry.untilCu} and earlier`);
    else if (entry.fromCu !== undefined && entry.untilCu === undefined)
      parts.push(`${major} CU${entry.fromCu} and later`);
    else parts.push(`${major} CU${entry.fromCu}-CU${entry.untilCu}`);
  }
  return parts.length === 0 ? 'no Exchange version' : `Exchange ${parts.join(', ')}`;
}
