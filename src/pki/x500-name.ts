// X.500 distinguished names the way Windows reads (CertStrToName) and prints (CertNameToStr) them.
import { AsnConvert } from '@peculiar/asn1-schema';
import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';
import { parseAsn } from './asn1.js';
import { toBytes } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import { LruCache } from './lru-cache.js';
import { PkiError } from './pki-error.js';

/** One `type=value` pair of a name. */
export interface X500Attribute {
  /** The key Windows prints for it: `CN`, `OU`, `O`, `L`, `S`, `C`, `E`, ..., or `OID.1.2.3` for unknown types. */
  readonly type: string;
  readonly oid: string;
  readonly value: string;
}

/** One relative distinguished name: usually one attribute, several when written with `+`. */
export type X500Rdn = readonly X500Attribute[];

/** A name as a list of RDNs, in the order given (as written for parsed text, DER order for decoded names). */
export type X500Name = readonly X500Rdn[];

/**
 * How written order maps to DER order. `as-written` is CertStrToName without flags (CertEnroll, hence CSRs);
 * `reversed` is .NET's `X500DistinguishedName(string)` constructor (flag Reversed), hence Exchange self-signed certificates.
 */
export type X500NameOrder = 'as-written' | 'reversed';

type StringKind = 'any' | 'printable' | 'ia5';

interface AttributeSpec {
  readonly key: string;
  readonly oid: string;
  readonly aliases?: readonly string[];
  readonly kind?: StringKind;
}

// Windows' RDN attribute names (CryptFindOIDInfo, CRYPT_RDN_ATTR_OID_GROUP_ID); the first key is the one printed.
const ATTRIBUTES: readonly AttributeSpec[] = [
  { key: 'CN', oid: '2.5.4.3' },
  { key: 'L', oid: '2.5.4.7' },
  { key: 'O', oid: '2.5.4.10' },
  { key: 'OU', oid: '2.5.4.11' },
  { key: 'E', oid: '1.2.840.113549.1.9.1', aliases: ['EMAIL'], kind: 'ia5' },
  { key: 'C', oid: '2.5.4.6', kind: 'printable' },
  { key: 'S', oid: '2.5.4.8', aliases: ['ST'] },
  { key: 'STREET', oid: '2.5.4.9' },
  { key: 'T', oid: '2.5.4.12', aliases: ['TITLE'] },
  { key: 'G', oid: '2.5.4.42', aliases: ['GIVENNAME'] },
  { key: 'I', oid: '2.5.4.43', aliases: ['INITIALS'] },
  { key: 'SN', oid: '2.5.4.4' },
  { key: 'DC', oid: '0.9.2342.19200300.100.1.25', kind: 'ia5' },
  { key: 'SERIALNUMBER', oid: '2.5.4.5', kind: 'printable' },
  { key: 'Description', oid: '2.5.4.13' },
  { key: 'PostalCode', oid: '2.5.4.17' },
  { key: 'POBox', oid: '2.5.4.18' },
  { key: 'Phone', oid: '2.5.4.20', kind: 'printable' },
  { key: 'dnQualifier', oid: '2.5.4.46', kind: 'printable' },
  { key: 'UnstructuredName', oid: '1.2.840.113549.1.9.2' },
  { key: 'UnstructuredAddress', oid: '1.2.840.113549.1.9.8' },
];

const BY_KEY = new Map<string, AttributeSpec>();
const BY_OID = new Map<string, AttributeSpec>();
for (const spec of ATTRIBUTES) {
  BY_OID.set(spec.oid, spec);
  for (const k of [spec.key, ...(spec.aliases ?? [])]) BY_KEY.set(k.toUpperCase(), spec);
}

/** A DER Name given as bytes, or an object that can give them (an @peculiar/x509 Name). */
export type EncodedX500Name = BinaryInput | { toArrayBuffer(): ArrayBuffer };

// Names by their DER, parsed (@peculiar/asn1-x509 objects, never modified) and decoded: a CA's name, a server's name,
// a request's subject come back in every certificate made from them, and parsing a Name is the dearest part of a
// certificate (its attribute values are CHOICEs).
const PARSED = new LruCache<string, Name>(512);
const DECODED = new WeakMap<Name, X500Name>();
const derKey = (der: Uint8Array): string => Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('latin1');

const OID_PATTERN = /^[0-2](\.(0|[1-9][0-9]*))+$/;
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;
const RDN_SEPARATORS = new Set([',', ';', '\r', '\n']);
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

/** The attribute type for a key as typed (`cn`, `S`, `OID.2.5.4.15`, `2.5.4.15`), or undefined. */
function lookupKey(key: string): { type: string; oid: string; kind: StringKind } | undefined {
  const spec = BY_KEY.get(key.toUpperCase());
  if (spec) return { type: spec.key, oid: spec.oid, kind: spec.kind ?? 'any' };
  const oid = key.toUpperCase().startsWith('OID.') ? key.slice(4) : key;
  if (!OID_PATTERN.test(oid)) return undefined;
  const known = BY_OID.get(oid);
  return known ? { type: known.key, oid, kind: known.kind ?? 'any' } : { type: `OID.${oid}`, oid, kind: 'any' };
}

/** The Windows display key for an OID. */
function keyForOid(oid: string): string {
  return BY_OID.get(oid)?.key ?? `OID.${oid}`;
}

/**
 * Parses an X.500 subject as Exchange's `-SubjectName` accepts it (Windows CertStrToName rules): case-insensitive keys
 * with Windows' names (`S`/`ST` = stateOrProvince, `E`/`EMAIL`, `OID.n.n`), `,` or `;` between RDNs, `+` inside a
 * multi-valued RDN, values in double quotes with `""` for a quote. As a convenience beyond Windows, a backslash escapes
 * the next character in an unquoted value (`O=Contoso\, Ltd`). Throws PkiError INVALID_X500_NAME naming the bad part.
 * @example
 * parseX500Name('c=NL, S=Flevoland, CN=webmail.exchangefun.nl')[1][0] // { type: 'S', oid: '2.5.4.8', value: 'Flevoland' }
 */
export function parseX500Name(text: string): X500Name {
  const fail = (reason: string): never => {
    throw new PkiError(
      'INVALID_X500_NAME',
      `The subject name '${text}' is not a valid X.500 distinguished name: ${reason}.`,
    );
  };
  const partFrom = (start: number): string => {
    let end = start;
    while (end < text.length && !RDN_SEPARATORS.has(text[end]!) && text[end] !== '+') end++;
    return text.slice(start, end).trim();
  };
  const rdns: X500Attribute[][] = [];
  let current: X500Attribute[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (isSpace(text[i])) i++;
  };
  skipSpace();
  if (i >= text.length) fail('it is empty');
  while (i < text.length) {
    skipSpace();
    if (i >= text.length) break;
    const partStart = i;
    while (i < text.length && text[i] !== '=' && !isSpace(text[i]) && !RDN_SEPARATORS.has(text[i]!) && text[i] !== '+')
      i++;
    const key = text.slice(partStart, i);
    skipSpace();
    if (key === '' && text[i] !== '=') fail('it has an empty part between separators');
    if (text[i] !== '=') fail(`'${partFrom(partStart)}' has no '='`);
    if (key === '') fail(`'${partFrom(partStart)}' has no attribute type before '='`);
    const attr =
      lookupKey(key) ??
      fail(
        `'${key}' in '${partFrom(partStart)}' is not a known attribute type (use CN, OU, O, L, S, C, E, DC, ... or OID.<n.n>)`,
      );
    i++;
    skipSpace();
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail(`the quoted value in '${partFrom(partStart)}' is not closed`);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      skipSpace();
      if (i < text.length && !RDN_SEPARATORS.has(text[i]!) && text[i] !== '+')
        fail(`unexpected text after the quoted value in '${partFrom(partStart)}'`);
    } else {
      let keepTo = 0; // length of value up to the last escaped or non-space character
      while (i < text.length && !RDN_SEPARATORS.has(text[i]!) && text[i] !== '+') {
        if (text[i] === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
          keepTo = value.length;
          continue;
        }
        value += text[i];
        if (!isSpace(text[i])) keepTo = value.length;
        i++;
      }
      value = value.slice(0, keepTo);
    }
    validateValue(attr, value, partFrom(partStart), fail);
    current.push(Object.freeze({ type: attr.type, oid: attr.oid, value }));
    const sep = text[i];
    if (sep === '+') {
      i++;
      skipSpace();
      if (i >= text.length) fail(`'+' after '${partFrom(partStart)}' is not followed by an attribute`);
      continue;
    }
    rdns.push(current);
    current = [];
    if (sep !== undefined) i++;
  }
  return Object.freeze(rdns.map((r) => Object.freeze(r)));
}

function validateValue(
  attr: { type: string; kind: StringKind },
  value: string,
  part: string,
  fail: (reason: string) => never,
): void {
  if (value === '') fail(`'${part}' has an empty value`);
  if (attr.type === 'C' && !/^[A-Za-z]{2}$/.test(value))
    fail(`'${part}': the country (C) must be a two-letter code such as NL or US`);
  if (attr.kind === 'ia5' && /[^\x00-\x7F]/.test(value)) fail(`'${part}' may only contain ASCII characters`);
  if (attr.kind === 'printable' && !PRINTABLE.test(value))
    fail(`'${part}' may only contain letters, digits, spaces and ' ( ) + , - . / : = ?`);
}

/**
 * DER-encodes a name. Strings become PrintableString when they fit, otherwise UTF8String; E and DC are IA5String.
 * @example encodeX500Name(parseX500Name('C=NL, CN=mail.contoso.com'), 'as-written') // DER with C first
 */
export function encodeX500Name(name: X500Name, order: X500NameOrder = 'as-written'): Uint8Array {
  const rdns = order === 'reversed' ? [...name].reverse() : [...name];
  const asn = new Name(
    rdns.map((rdn) => {
      // Attributes of one type are kept together, in order of first appearance (as @peculiar/x509's Name JSON groups them).
      const byType = new Map<string, X500Attribute[]>();
      for (const attr of rdn) byType.set(attr.oid, [...(byType.get(attr.oid) ?? []), attr]);
      return new RelativeDistinguishedName(
        [...byType.values()].flat().map((attr) => {
          const kind = BY_OID.get(attr.oid)?.kind ?? 'any';
          const value =
            kind === 'ia5'
              ? new AttributeValue({ ia5String: attr.value })
              : PRINTABLE.test(attr.value)
                ? new AttributeValue({ printableString: attr.value })
                : new AttributeValue({ utf8String: attr.value });
          return new AttributeTypeAndValue({ type: attr.oid, value });
        }),
      );
    }),
  );
  const der = new Uint8Array(AsnConvert.serialize(asn));
  PARSED.set(derKey(der), asn);
  return der;
}

/**
 * A DER Name parsed by @peculiar/asn1-x509 (remembered by its bytes: do not modify the result). Throws PkiError
 * INVALID_X500_NAME when the bytes are not a Name.
 * @example parsedX500Name(info.subjectDer).length // number of RDNs
 */
export function parsedX500Name(der: Uint8Array): Name {
  return PARSED.get(derKey(der), () => {
    try {
      return parseAsn(der, Name);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new PkiError('INVALID_X500_NAME', `The data is not a DER-encoded X.500 name: ${reason}.`, { cause });
    }
  });
}

/**
 * Decodes a DER Name into RDNs in DER order; attributes of one type within a multi-valued RDN are grouped together.
 * Throws PkiError INVALID_X500_NAME when the bytes are not a Name.
 * @example decodeX500Name(cert.subjectDer)[0] // [{ type: 'C', oid: '2.5.4.6', value: 'NL' }]
 */
export function decodeX500Name(name: EncodedX500Name): X500Name {
  const der =
    'toArrayBuffer' in name && typeof name.toArrayBuffer === 'function'
      ? new Uint8Array(name.toArrayBuffer())
      : toBytes(name as BinaryInput);
  return x500NameOf(parsedX500Name(der));
}

/**
 * RDNs of a Name parsed by @peculiar/asn1-x509: string values as text, any other value type as `#<hex of its
 * encoding>` (what @peculiar/x509's Name.toJSON gives).
 * @example x500NameOf(certificate.tbsCertificate.subject)
 */
export function x500NameOf(asn: Name): X500Name {
  let decoded = DECODED.get(asn);
  if (decoded === undefined) {
    decoded = decodeName(asn);
    DECODED.set(asn, decoded);
  }
  return decoded;
}

function decodeName(asn: Name): X500Name {
  return Object.freeze(
    asn.map((rdn) => {
      const byType = new Map<string, X500Attribute[]>();
      for (const atv of rdn) {
        const text = atv.value.anyValue ? `#${Buffer.from(atv.value.anyValue).toString('hex')}` : atv.value.toString();
        byType.set(atv.type, [
          ...(byType.get(atv.type) ?? []),
          Object.freeze({ type: keyForOid(atv.type), oid: atv.type, value: text }),
        ]);
      }
      return Object.freeze([...byType.values()].flat());
    }),
  );
}

/** Quotes a value the way CertNameToStr does: when it has leading/trailing white space or one of + , " = < > ; # or a line feed. */
function quoteValue(value: string): string {
  const needsQuotes = /^\s|\s$|[+,"=<>;#\n]/.test(value);
  const body = value.replaceAll('"', '""');
  return needsQuotes ? `"${body}"` : body;
}

/**
 * Prints RDNs in the order given, Windows style: `KEY=value` joined by `, `, multi-valued RDNs by ` + `.
 * @example formatX500Name(parseX500Name('cn=a, o="x, y"')) // 'CN=a, O="x, y"'
 */
export function formatX500Name(name: X500Name): string {
  return name.map((rdn) => rdn.map((a) => `${a.type}=${quoteValue(a.value)}`).join(' + ')).join(', ');
}

/**
 * A DER Name as Windows/Exchange display it in `Subject`/`Issuer` (X500DistinguishedName.Name): last RDN first,
 * `S=` for stateOrProvince, values quoted with double quotes when needed.
 * @example formatWindowsName(der) // 'CN=webmail.exchangefun.nl, OU=RND, O=Exchangefun bv, L=Emmeloord, S=Flevoland, C=NL'
 */
export function formatWindowsName(name: EncodedX500Name): string {
  return formatX500Name([...decodeX500Name(name)].reverse());
}

/**
 * The first CN value of a name (in the order given; DER order for encoded names), or undefined.
 * @example cnOf(parseX500Name('C=NL, CN=mail.contoso.com')) // 'mail.contoso.com'
 */
export function cnOf(name: X500Name | EncodedX500Name): string | undefined {
  const rdns = Array.isArray(name) ? (name as X500Name) : decodeX500Name(name as EncodedX500Name);
  for (const rdn of rdns) for (const a of rdn) if (a.oid === '2.5.4.3') return a.value;
  return undefined;
}
