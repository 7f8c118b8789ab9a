// Exchange's AllowedServices flags in their three shapes: the number, the enum string and the letter string.
import { ALLOWED_SERVICES } from '../ps-type.js';
import type { AllowedService } from '../ps-type.js';

/** The flag names other than None, in ascending flag order. */
const FLAG_NAMES = (Object.keys(ALLOWED_SERVICES) as AllowedService[]).filter((n) => n !== 'None');

/** Letters of ServicesStringForm in their fixed positions (rule 96): I P U W S F C. */
const LETTERS: readonly (readonly [AllowedService, string])[] = [
  ['IMAP', 'I'],
  ['POP', 'P'],
  ['UM', 'U'],
  ['IIS', 'W'],
  ['SMTP', 'S'],
  ['Federation', 'F'],
  ['UMCallRouter', 'C'],
];

/**
 * The flags of service names (case-insensitive; `None` adds nothing); throws on an unknown name.
 * @example servicesToFlags(['IIS', 'smtp']) // 24
 */
export function servicesToFlags(names: readonly string[]): number {
  let flags = 0;
  for (const name of names) {
    const known = (Object.keys(ALLOWED_SERVICES) as AllowedService[]).find(
      (n) => n.toLowerCase() === name.trim().toLowerCase(),
    );
    if (known === undefined) throw new TypeError(`'${name}' is not an AllowedServices name`);
    flags |= ALLOWED_SERVICES[known];
  }
  return flags;
}

/**
 * The enum's string form (rule 97): names in ascending flag order joined by ", ", `None` when empty.
 * @example servicesString(27) // 'IMAP, POP, IIS, SMTP'
 */
export function servicesString(flags: number): string {
  const names = FLAG_NAMES.filter((n) => (flags & ALLOWED_SERVICES[n]) !== 0);
  return names.length === 0 ? 'None' : names.join(', ');
}

/**
 * ServicesStringForm (rule 96): 7 letters (6 for Exchange 2010, no C), a dot for each absent service.
 * @example servicesStringForm(27, 7) // 'IP.WS..'
 */
export function servicesStringForm(flags: number, width: 6 | 7 = 7): string {
  return LETTERS.slice(0, width)
    .map(([name, letter]) => ((flags & ALLOWED_SERVICES[name]) !== 0 ? letter : '.'))
    .join('');
}

/**
 * The flags of an enum string form (`IMAP, POP, IIS, SMTP`, `None`) or a number.
 * @example servicesFromString('IIS, SMTP') // 24
 */
export function servicesFromString(value: string | number): number {
  if (typeof value === 'number') return value;
  return servicesToFlags(value.split(',').filter((p) => p.trim() !== ''));
}
