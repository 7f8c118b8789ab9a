// Minimal DER reading and writing for the X.509 structures the PKI layer makes and reads (no schema machinery).

/** One decoded TLV: where it sits in `bytes`. */
export interface DerNode {
  readonly bytes: Uint8Array;
  readonly tag: number;
  /** Offset of the tag byte. */
  readonly start: number;
  /** Offset of the first content byte. */
  readonly contentStart: number;
  /** Offset just past the content. */
  readonly end: number;
}

/** Thrown for bytes that are not well-formed DER (callers turn it into their own error). */
export class DerError extends Error {}

/**
 * The TLV at `offset` (single-byte tags, definite lengths only).
 * @example readDer(der).tag // 0x30
 */
export function readDer(bytes: Uint8Array, offset = 0, limit = bytes.length): DerNode {
  if (offset + 2 > limit) throw new DerError('truncated DER element');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte DER tags are not supported');
  let length = bytes[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || contentStart + count > limit) throw new DerError('bad DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > limit) throw new DerError('DER element runs past its container');
  return { bytes, tag, start: offset, contentStart, end };
}

/** The elements inside a constructed node, in order. */
export function derChildren(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  for (let at = node.contentStart; at < node.end; ) {
    const child = readDer(node.bytes, at, node.end);
    out.push(child);
    at = child.end;
  }
  return out;
}

/** A node's content bytes (a view, no copy). */
export const derContent = (node: DerNode): Uint8Array => node.bytes.subarray(node.contentStart, node.end);

/** A node's whole encoding, tag and length included (a view, no copy). */
export const derRaw = (node: DerNode): Uint8Array => node.bytes.subarray(node.start, node.end);

/** Requires `node` to carry `tag`. */
export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) throw new DerError(`${what}: expected tag 0x${tag.toString(16)}`);
  return node;
}

/** Dotted form of an OBJECT IDENTIFIER's content. */
export function decodeOid(content: Uint8Array): string {
  if (content.length === 0) throw new DerError('empty OID');
  const arcs: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(value);
      value = 0;
    }
  }
  const first = arcs.shift()!;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

const encoder = new TextEncoder();

/** Encodes a length in DER form. */
function lengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  const out: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) out.unshift(n & 0xff);
  return [0x80 | out.length, ...out];
}

/**
 * A TLV with the given tag around the concatenated parts.
 * @example derTlv(0x04, bytes) // OCTET STRING
 */
export function derTlv(tag: number, ...parts: readonly Uint8Array[]): Uint8Array {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const head = lengthBytes(length);
  const out = new Uint8Array(1 + head.length + length);
  out[0] = tag;
  out.set(head, 1);
  let at = 1 + head.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const derSequence = (...parts: readonly Uint8Array[]): Uint8Array => derTlv(0x30, ...parts);
export const derSet = (...parts: readonly Uint8Array[]): Uint8Array => derTlv(0x31, ...parts);
export const derOctetString = (bytes: Uint8Array): Uint8Array => derTlv(0x04, bytes);
export const derNull = (): Uint8Array => new Uint8Array([0x05, 0x00]);
export const derBoolean = (value: boolean): Uint8Array => new Uint8Array([0x01, 0x01, value ? 0xff : 0x00]);

/** A BIT STRING with no unused bits. */
export const derBitString = (bytes: Uint8Array, unusedBits = 0): Uint8Array => derTlv(0x03, new Uint8Array([unusedBits]), bytes);

/** An INTEGER from its two's-complement content bytes (taken as given). */
export const derIntegerBytes = (content: Uint8Array): Uint8Array => derTlv(0x02, content);

/** A small non-negative INTEGER. */
export function derSmallInteger(value: number): Uint8Array {
  const bytes: number[] = [];
  for (let n = value; ; n = Math.floor(n / 256)) {
    bytes.unshift(n & 0xff);
    if (n < 256) break;
  }
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return derTlv(0x02, new Uint8Array(bytes));
}

const OIDS = new Map<string, Uint8Array>();

/** An OBJECT IDENTIFIER from dotted form (encodings remembered: a PKI layer uses a few dozen OIDs). */
export function derOid(oid: string): Uint8Array {
  let der = OIDS.get(oid);
  if (der === undefined) {
    der = encodeOid(oid);
    if (OIDS.size < 512) OIDS.set(oid, der);
  }
  return der;
}

function encodeOid(oid: string): Uint8Array {
  const arcs = oid.split('.').map(Number);
  const values = [arcs[0]! * 40 + arcs[1]!, ...arcs.slice(2)];
  const out: number[] = [];
  for (const v of values) {
    const groups: number[] = [v & 0x7f];
    for (let n = Math.floor(v / 128); n > 0; n = Math.floor(n / 128)) groups.unshift((n & 0x7f) | 0x80);
    out.push(...groups);
  }
  return derTlv(0x06, new Uint8Array(out));
}

/** A string of the given universal type: UTF8String (0x0c) as UTF-8, the 8-bit types byte for character. */
export function derString(tag: number, value: string): Uint8Array {
  return derTlv(tag, tag === 0x0c ? encoder.encode(value) : Buffer.from(value, 'latin1'));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** RFC 5280 Time: UTCTime before 2050, GeneralizedTime from 2050 on, whole seconds, `Z`. */
export function derTime(date: Date): Uint8Array {
  const year = date.getUTCFullYear();
  const rest = `${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  return year < 2050 ? derString(0x17, `${pad(year % 100)}${rest}`) : derString(0x18, `${pad(year, 4)}${rest}`);
}

/** Reads a UTCTime or GeneralizedTime node. */
export function decodeTime(node: DerNode): Date {
  const text = Buffer.from(derContent(node)).toString('latin1');
  const m = node.tag === 0x17
    ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text)
    : node.tag === 0x18 ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.(\d+))?Z$/.exec(text) : null;
  if (!m) throw new DerError(`not a UTC time: '${text}'`);
  const year = node.tag === 0x17 ? (Number(m[1]) >= 50 ? 1900 : 2000) + Number(m[1]) : Number(m[1]);
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms));
}

/** The text of a string node: UTF8String, BMPString (UTF-16BE), UniversalString (UTF-32BE), else byte per character. */
export function decodeString(node: DerNode): string {
  const content = derContent(node);
  if (node.tag === 0x0c) return Buffer.from(content).toString('utf8');
  if (node.tag === 0x1e) {
    let out = '';
    for (let i = 0; i + 1 < content.length; i += 2) out += String.fromCharCode((content[i]! << 8) | content[i + 1]!);
    return out;
  }
  if (node.tag === 0x1c) {
    let out = '';
    for (let i = 0; i + 3 < content.length; i += 4) out += String.fromCodePoint(((content[i]! << 24) | (content[i + 1]! << 16) | (content[i + 2]! << 8) | content[i + 3]!) >>> 0);
    return out;
  }
  return Buffer.from(content).toString('latin1');
}
