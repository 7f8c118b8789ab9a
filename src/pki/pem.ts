// PEM text: writing DER as PEM and finding the blocks in a text (the grammar @peculiar/x509's PemConverter accepts).
import { toBytes } from './bytes.js';
import type { BinaryInput } from './bytes.js';

/** One `-----BEGIN <label>-----` block found in a text. */
export interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array;
}

// BEGIN line, optional RFC 1421 headers (`Key: value`, continuation lines start with a space), base64 lines, matching END.
const PEM_PATTERN = '-{5}BEGIN ([^\\n]+(?=-{5}))-{5}\\n(?:((?:[^:\\n]+: (?:[^\\n]+\\n(?: +[^\\n]+\\n)*))+))?\\n?((?:[a-zA-Z0-9=+/]+\\n)+)-{5}END \\1-{5}';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Wraps DER bytes in standard PEM (64-column base64, LF line ends).
 * @example toPem(der, 'CERTIFICATE') // '-----BEGIN CERTIFICATE-----\nMIIC...'
 */
export function toPem(der: BinaryInput, label: string): string {
  const type = label.toLocaleUpperCase();
  const b64 = Buffer.from(toBytes(der)).toString('base64');
  const lines = [`-----BEGIN ${type}-----`];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.substring(i, i + 64));
  lines.push(`-----END ${type}-----`);
  return `${lines.join('\n')}\n`;
}

/**
 * Every PEM block in `text`, in order; an empty list when there is none. Throws TypeError for a block whose body is
 * not valid base64.
 * @example pemBlocks(chainPem).map((b) => b.label) // ['CERTIFICATE', 'CERTIFICATE']
 */
export function pemBlocks(text: string): PemBlock[] {
  if (!/-----BEGIN [^-]+-----/.test(text)) return [];
  const pattern = new RegExp(PEM_PATTERN, 'g');
  const normalized = text.replace(/\r/g, '');
  const blocks: PemBlock[] = [];
  for (let m = pattern.exec(normalized); m !== null; m = pattern.exec(normalized)) {
    const b64 = m[3]!.replace(/[\n\r\t ]/g, '');
    if (!BASE64.test(b64)) throw new TypeError("Argument 'base64Text' is not Base64 encoded");
    blocks.push({ label: m[1]!, der: new Uint8Array(Buffer.from(b64, 'base64')) });
  }
  return blocks;
}
