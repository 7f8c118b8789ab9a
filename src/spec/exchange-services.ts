// Which AllowedServices each Exchange major has: the values its enum accepts and the services its servers can run.
import type { ExchangeMajor } from './exchange-target.js';
import type { AllowedService } from './ps-type.js';
import { ALLOWED_SERVICE_NAMES } from './ps-type.js';

/** The services facts of one Exchange major (VERSIONS.md rows "-Services value UMCallRouter" and "UM usable"). */
export interface ExchangeServices {
  /** Values the major's AllowedServices enum has: binding any other value is an error. */
  readonly enumValues: readonly AllowedService[];
  /** Services a server of this major can really run (UM is gone from 2019 and SE; UMCallRouter came with 2013). */
  readonly usable: readonly AllowedService[];
  /** Width of the Services letter string in the default table (2010 has no C for UMCallRouter). */
  readonly letterWidth: 6 | 7;
}

const ALL = ALLOWED_SERVICE_NAMES;
const without = (...names: AllowedService[]): readonly AllowedService[] =>
  Object.freeze(ALL.filter((n) => !names.includes(n)));

/** One row per Exchange major. */
export const EXCHANGE_SERVICES: Readonly<Record<ExchangeMajor, ExchangeServices>> = Object.freeze({
  '2010': { enumValues: without('UMCallRouter'), usable: without('UMCallRouter'), letterWidth: 6 },
  '2013': { enumValues: ALL, usable: ALL, letterWidth: 7 },
  '2016': { enumValues: ALL, usable: ALL, letterWidth: 7 },
  '2019': { enumValues: ALL, usable: without('UM', 'UMCallRouter'), letterWidth: 7 },
  SE: { enumValues: ALL, usable: without('UM', 'UMCallRouter'), letterWidth: 7 },
});

/**
 * True when `service` is a value of the major's AllowedServices enum.
 * @example serviceInEnum('2010', 'UMCallRouter') // false
 */
export function serviceInEnum(major: ExchangeMajor, service: AllowedService): boolean {
  return EXCHANGE_SERVICES[major].enumValues.includes(service);
}

/**
 * True when servers of the major can run `service` at all.
 * @example serviceUsable('2019', 'UM') // false
 */
export function serviceUsable(major: ExchangeMajor, service: AllowedService): boolean {
  return EXCHANGE_SERVICES[major].usable.includes(service);
}
