// PEM text: writing DER as PEM and finding the blocks in a text, with @peculiar/x509's PemConverter.
import { x509 } from './crypto-provider.js';
import { toArrayBuffer, toBytes } from './bytes.js';
import type { BinaryInput } from './bytes.js';

/** One `-----BEGIN <label>-----` block found in a text. */
export interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array;
}

/**
 * Wraps DER bytes in standard PEM (64-column base64, LF line ends).
 * @example toPem(der, 'CERTIFICATE') // '-----BEGIN CERTIFICATE-----\nMIIC...'
 */
export function toPem(der: BinaryInput, label: string): string {
  return `${x509.PemConverter.encode(toArrayBuffer(der), label)}\n`;
}

/**
 * Every PEM block in `text`, in order; an empty list when there is none.
 * @example pemBlocks(chainPem).map((b) => b.label) // ['CERTIFICATE', 'CERTIFICATE']
 */
export function pemBlocks(text: string): PemBlock[] {
  if (!/-----BEGIN [^-]+-----/.test(text)) return [];
  return x509.PemConverter.decodeWithHeaders(text).map((s) => ({ label: s.type, der: toBytes(s.rawData) }));
}
