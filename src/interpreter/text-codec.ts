// Text to bytes and back as Windows PowerShell and PowerShell 7 file cmdlets and System.Text.Encoding do it.
import type { TextEncodingName } from '../runtime/interpreter-dialect.js';

const PREAMBLES: Readonly<Partial<Record<TextEncodingName, readonly number[]>>> = {
  utf8BOM: [0xef, 0xbb, 0xbf],
  unicode: [0xff, 0xfe],
  bigendianunicode: [0xfe, 0xff],
  utf32: [0xff, 0xfe, 0x00, 0x00],
  bigendianutf32: [0x00, 0x00, 0xfe, 0xff],
};

/** The byte-order mark a writer puts first (none for ANSI, ASCII, UTF-8 without BOM). */
export function preambleOf(enc: TextEncodingName): Uint8Array {
  return Uint8Array.from(PREAMBLES[enc] ?? []);
}

function singleByte(text: string, max: number): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c <= max ? c : 0x3f;
  }
  return out;
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
    out[i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

function utf32(text: string, bigEndian: boolean): Uint8Array {
  const cps = [...text].map((ch) => ch.codePointAt(0)!);
  const out = new Uint8Array(cps.length * 4);
  const view = new DataView(out.buffer);
  cps.forEach((cp, i) => view.setUint32(i * 4, cp, !bigEndian));
  return out;
}

/** The bytes of text in an encoding, without a byte-order mark (Encoding.GetBytes). ANSI is treated as Latin-1. */
export function encodeText(text: string, enc: TextEncodingName): Uint8Array {
  switch (enc) {
    case 'ansi':
      return singleByte(text, 0xff);
    case 'ascii':
    case 'oem':
    case 'utf7':
      return singleByte(text, 0x7f);
    case 'unicode':
      return utf16(text, false);
    case 'bigendianunicode':
      return utf16(text, true);
    case 'utf32':
      return utf32(text, false);
    case 'bigendianutf32':
      return utf32(text, true);
    default:
      return new Uint8Array(Buffer.from(text, 'utf8'));
  }
}

/** Text as a file writer stores it: byte-order mark, then the encoded text. */
export function encodeFile(text: string, enc: TextEncodingName): Uint8Array {
  const pre = preambleOf(enc);
  const body = encodeText(text, enc);
  const out = new Uint8Array(pre.length + body.length);
  out.set(pre, 0);
  out.set(body, pre.length);
  return out;
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2)
    s += String.fromCharCode(bigEndian ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]! | (bytes[i + 1]! << 8));
  return s;
}

function decodeUtf32(bytes: Uint8Array, bigEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let s = '';
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const cp = view.getUint32(i, !bigEndian);
    s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  }
  return s;
}

/** Encoding.GetString: bytes (no byte-order mark handling) to text. */
export function decodeText(bytes: Uint8Array, enc: TextEncodingName): string {
  switch (enc) {
    case 'ansi':
      return Buffer.from(bytes).toString('latin1');
    case 'ascii':
    case 'oem':
    case 'utf7':
      return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '?')).join('');
    case 'unicode':
      return decodeUtf16(bytes, false);
    case 'bigendianunicode':
      return decodeUtf16(bytes, true);
    case 'utf32':
      return decodeUtf32(bytes, false);
    case 'bigendianutf32':
      return decodeUtf32(bytes, true);
    default:
      return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Reads a text file as StreamReader does: a byte-order mark wins, else the given encoding. */
export function decodeFile(bytes: Uint8Array, fallback: TextEncodingName): string {
  const starts = (sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0xef, 0xbb, 0xbf])) return decodeText(bytes.subarray(3), 'utf8');
  if (starts([0xff, 0xfe, 0x00, 0x00])) return decodeText(bytes.subarray(4), 'utf32');
  if (starts([0xff, 0xfe])) return decodeText(bytes.subarray(2), 'unicode');
  if (starts([0xfe, 0xff])) return decodeText(bytes.subarray(2), 'bigendianunicode');
  if (starts([0x00, 0x00, 0xfe, 0xff])) return decodeText(bytes.subarray(4), 'bigendianutf32');
  return decodeText(bytes, fallback);
}

/** Splits text into lines as Get-Content does (CRLF, LF or CR; a final line break adds no empty line). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
