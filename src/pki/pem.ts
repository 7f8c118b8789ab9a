// PEM text (RFC 7468): writing DER as PEM and finding the blocks in a text, read exactly as @peculiar/x509's
// PemConverter reads them (its patterns), with pvtsutils' base64; @peculiar/x509 itself is not loaded for this.
import { Convert } from 'pvtsutils';
import { toBytes } from './bytes.js';
import type { BinaryInput } from './bytes.js';

/** One `-----BEGIN <label>-----` block found in a text. */
export interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array;
}

// PemConverter's pattern: label, optional RFC 1421 headers, base64 lines, the matching END line.
const HEADER_VALUE = '(?:[^\\n]+\\n(?: +[^\\n]+\\n)*)';
const PEM =
  '-{5}BEGIN ([^\\n]+(?=-{5}))-{5}\\n' +
  `(?:((?:[^:\\n]+: ${HEADER_VALUE})+))?\\n?` +
  '((?:[a-zA-Z0-9=+/]+\\n)+)-{5}END \\1-{5}';

/**
 * Wraps DER bytes in standard PEM (64-column base64, LF line ends).
 * @example toPem(der, 'CERTIFICATE') // '-----BEGIN CERTIFICATE-----\nMIIC...'
 */
export function toPem(der: BinaryInput, label: string): string {
  const type = label.toLocaleUpperCase();
  const base64 = Buffer.from(toBytes(der)).toString('base64');
  const lines = [`-----BEGIN ${type}-----`];
  for (let i = 0; i < base64.length; i += 64) lines.push(base64.substring(i, i + 64));
  lines.push(`-----END ${type}-----`);
  return `${lines.join('\n')}\n`;
}

/**
 * Every PEM block in `text`, in order; an empty list when there is none.
 * @example pemBlocks(chainPem).map((b) => b.label) // ['CERTIFICATE', 'CERTIFICATE']
 */
export function pemBlocks(text: string): PemBlock[] {
  if (!/-----BEGIN [^-]+-----/.test(text)) return [];
  const pattern = new RegExp(PEM, 'g');
  const unix = text.replace(/\r/g, '');
  const blocks: PemBlock[] = [];
  for (let m = pattern.exec(unix); m !== null; m = pattern.exec(unix)) {
    blocks.push({ label: m[1]!, der: toBytes(Convert.FromBase64(m[3]!.replace(/\n+/g, ''))) });
  }
  return blocks;
}
