import { createHash } from 'node:crypto';
import { toBytes } from './bytes.js';
import type { BinaryInput } from './bytes.js';

/**
 * A certificate's Thumbprint as Exchange shows it: SHA-1 over the DER bytes, 40 upper-case hex digits.
 * @example thumbprintOf(der) // '3C5B0D6E4E9A...'
 */
export function thumbprintOf(der: BinaryInput): string {
  return createHash('sha1').update(toBytes(der)).digest('hex').toUpperCase();
}
