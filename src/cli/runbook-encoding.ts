// Runbook bytes decoded as the chosen shell reads a script file: BOM first; else Windows PowerShell 2.0/5.1 read the
// ANSI code page (Windows-1252 unless --codepage says otherwise) and PowerShell 7 reads UTF-8.
import { ValidationError } from '../errors/validation-error.js';
import type { Diagnostic } from '../lint/diagnostic.js';
import type { ShellVersion } from '../spec/shell-version.js';

/** Windows code page numbers and the WHATWG encoding labels TextDecoder knows them by. */
const CODE_PAGES: Readonly<Record<number, string>> = {
  874: 'windows-874',
  866: 'ibm866',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1255: 'windows-1255',
  1256: 'windows-1256',
  1257: 'windows-1257',
  1258: 'windows-1258',
  20866: 'koi8-r',
  21866: 'koi8-u',
  28592: 'iso-8859-2',
  28595: 'iso-8859-5',
  28597: 'iso-8859-7',
  28605: 'iso-8859-15',
  54936: 'gb18030',
  65001: 'utf-8',
};

/** The ANSI code page Windows PowerShell uses on a Western-European/US Windows. */
export const DEFAULT_CODE_PAGE = 1252;

/** `--codepage N` checked against the code pages exchcert can decode. */
export function parseCodePage(value: unknown): number {
  if (value === undefined || value === null || value === '') return DEFAULT_CODE_PAGE;
  const n = Number(value);
  if (!Number.isInteger(n) || CODE_PAGES[n] === undefined) {
    const allowed = Object.keys(CODE_PAGES).join(', ');
    throw new ValidationError({
      code: 'INVALID_CODEPAGE',
      parameter: 'codepage',
      value: String(value),
      allowed,
      message: `--codepage '${String(value)}' is not a code page exchcert can read. Allowed: ${allowed}.`,
    });
  }
  return n;
}

/** The byte order mark's encoding and length, or null when the bytes start with none. */
export function byteOrderMark(bytes: Uint8Array): { readonly encoding: string; readonly length: number } | null {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = '';
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const code = view.getUint32(i, littleEndian);
    text += code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  }
  return text;
}

/**
 * Windows-1252's 0x80-0x9F (Node's TextDecoder reads 'windows-1252' as ISO-8859-1 in some releases); the five bytes
 * 1252 leaves undefined map to the C1 control of the same number, as Windows' MultiByteToWideChar does.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decode1252(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
  return text;
}

function decodeAs(bytes: Uint8Array, label: string): string {
  if (label === 'utf-32le' || label === 'utf-32be') return decodeUtf32(bytes, label === 'utf-32le');
  if (label === 'windows-1252') return decode1252(bytes);
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

/**
 * The encoding `shell` reads these bytes in: the BOM's, else UTF-8 (7) or the ANSI code page (2.0/5.1).
 * @example runbookEncodingLabel(Buffer.from('abc'), '5.1') // 'windows-1252'
 */
export function runbookEncodingLabel(
  bytes: Uint8Array,
  shell: ShellVersion,
  codePage: number = DEFAULT_CODE_PAGE,
): string {
  return byteOrderMark(bytes)?.encoding ?? (shell === '7' ? 'utf-8' : CODE_PAGES[codePage]!);
}

/**
 * The script text `shell` reads from these bytes.
 * @example decodeRunbook(Buffer.from([0x63, 0x61, 0x66, 0xe9]), '5.1') // 'café' (Windows-1252)
 */
export function decodeRunbook(bytes: Uint8Array, shell: ShellVersion, codePage: number = DEFAULT_CODE_PAGE): string {
  const bom = byteOrderMark(bytes);
  if (bom) return decodeAs(bytes.subarray(bom.length), bom.encoding);
  return decodeAs(bytes, shell === '7' ? 'utf-8' : CODE_PAGES[codePage]!);
}

/**
 * A lint warning when a file without a BOM holds non-ASCII bytes that Windows PowerShell (the ANSI code page) and
 * PowerShell 7 (UTF-8) read differently; null when both read the same text.
 * @example encodingDiagnostic(Buffer.from('caf\u00e9', 'latin1'), 'x.ps1', 1252)?.line // 1
 */
export function encodingDiagnostic(
  bytes: Uint8Array,
  file: string | undefined,
  codePage: number = DEFAULT_CODE_PAGE,
): Diagnostic | null {
  if (byteOrderMark(bytes) !== null) return null;
  const ansi = decodeAs(bytes, CODE_PAGES[codePage]!);
  const utf8 = decodeAs(bytes, 'utf-8');
  if (ansi === utf8) return null;
  const first = bytes.findIndex((b) => b >= 0x80);
  const before = decodeAs(bytes.subarray(0, first), 'utf-8');
  const line = before.split(/\r\n|\r|\n/).length;
  const column = before.length - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  const word = (text: string): string => {
    const head = /\S*$/.exec(text.slice(0, before.length))![0];
    return head + /^\S*/.exec(text.slice(before.length))![0];
  };
  return {
    rule: 'encoding-differs',
    severity: 'warning',
    file,
    line,
    column,
    message:
      `The file has no byte order mark, and Windows PowerShell 2.0/5.1 (code page ${codePage}) and PowerShell 7 ` +
      `(UTF-8) read its ` +
      `non-ASCII text differently: '${word(ansi)}' versus '${word(utf8)}'`,
    suggestion: 'save it as UTF-8 with a BOM, which every PowerShell reads the same',
  };
}
