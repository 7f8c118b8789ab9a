// Builders and readers for the X.509 extensions Exchange and the simulated CA put into certificates and requests.
import { createHash } from 'node:crypto';
import { toBytes } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import {
  DerError, decodeOid, derBitString, derBoolean, derChildren, derContent, derOctetString, derOid, derSequence, derSmallInteger, derString, derTlv, expectTag, readDer,
} from './der.js';
import { subjectPublicKeyBits } from './spki.js';

/** Key usage names, as in RFC 5280 (bit order). */
export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

/** All key usage names in bit order. */
export const KEY_USAGE_NAMES: readonly KeyUsageName[] = Object.freeze([
  'digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly',
]);

/** The Server Authentication EKU OID (PkixKpServerAuth). */
export const SERVER_AUTH_OID = '1.3.6.1.5.5.7.3.1';

/** One extension: its OID, criticality, the extnValue content and the whole Extension DER (`rawData`, as @peculiar/x509 names it). */
export interface CertificateExtension {
  readonly type: string;
  readonly critical: boolean;
  readonly value: Uint8Array;
  readonly rawData: ArrayBuffer;
}

/**
 * An Extension from its OID, criticality and extnValue content (critical omitted when false, as DER requires).
 * @example certificateExtension('2.5.29.19', true, derSequence()).rawData
 */
export function certificateExtension(type: string, critical: boolean, value: Uint8Array): CertificateExtension {
  const der = derSequence(derOid(type), ...(critical ? [derBoolean(true)] : []), derOctetString(value));
  return Object.freeze({ type, critical, value, rawData: der.slice().buffer });
}

/** A Key Usage extension with the given usages (named bits, trailing zero bits dropped). */
export function keyUsageExtension(usages: readonly KeyUsageName[], critical = true): CertificateExtension {
  const bits = usages.map((u) => KEY_USAGE_NAMES.indexOf(u));
  const last = Math.max(-1, ...bits);
  const bytes = new Uint8Array(last < 0 ? 0 : Math.floor(last / 8) + 1);
  for (const b of bits) bytes[b >> 3]! |= 0x80 >> (b & 7);
  return certificateExtension('2.5.29.15', critical, derBitString(bytes, last < 0 ? 0 : 7 - (last & 7)));
}

/** The usage names set in a Key Usage extension value (BIT STRING). */
export function keyUsageNames(value: Uint8Array): readonly KeyUsageName[] {
  const bits = derContent(expectTag(readDer(value), 0x03, 'KeyUsage'));
  if ((bits[0] ?? 0) > 7) throw new DerError('Unused bits for BitString must be in range 0-7');
  const count = Math.max(0, (bits.length - 1) * 8 - (bits[0] ?? 0)); // bits past the unused-bits count do not count
  return Object.freeze(KEY_USAGE_NAMES.filter((_, i) => i < count && (bits[1 + (i >> 3)]! & (0x80 >> (i & 7))) !== 0));
}

/** A SAN extension with DNS names only (non-critical). */
export function dnsSanExtension(dnsNames: readonly string[]): CertificateExtension {
  return certificateExtension('2.5.29.17', false, derSequence(...dnsNames.map((name) => derString(0x82, name))));
}

/** An Enhanced Key Usage extension (non-critical), Server Authentication by default. */
export function ekuExtension(oids: readonly string[] = [SERVER_AUTH_OID]): CertificateExtension {
  return certificateExtension('2.5.29.37', false, derSequence(...oids.map(derOid)));
}

/** Basic Constraints: CA flag (omitted when false) and an optional path length. */
export function basicConstraintsExtension(ca: boolean, pathLength: number | undefined, critical: boolean): CertificateExtension {
  return certificateExtension('2.5.29.19', critical, derSequence(...(ca ? [derBoolean(true)] : []), ...(pathLength !== undefined ? [derSmallInteger(pathLength)] : [])));
}

/** A Subject Key Identifier with the given key id (hex). */
export function subjectKeyIdentifierFromHex(keyIdHex: string): CertificateExtension {
  return certificateExtension('2.5.29.14', false, derOctetString(Buffer.from(keyIdHex, 'hex')));
}

/** A Subject Key Identifier: SHA-1 of the public key bits (RFC 5280 method 1, what CertEnroll computes). */
export async function subjectKeyIdentifierExtension(spki: BinaryInput): Promise<CertificateExtension> {
  return subjectKeyIdentifierFromHex(keyIdentifierOf(spki));
}

/** RFC 5280 method 1 key identifier of a SubjectPublicKeyInfo, lower-case hex. */
export function keyIdentifierOf(spki: BinaryInput): string {
  return createHash('sha1').update(subjectPublicKeyBits(toBytes(spki))).digest('hex');
}

/** An Authority Key Identifier carrying only a key identifier (hex). */
export function authorityKeyIdentifierExtension(keyIdHex: string): CertificateExtension {
  return certificateExtension('2.5.29.35', false, derSequence(derTlv(0x80, Buffer.from(keyIdHex, 'hex'))));
}

/** The DNS names of a SAN extension value (other name types skipped), in order. */
export function sanDnsNames(value: Uint8Array | undefined): readonly string[] {
  if (!value) return Object.freeze([]);
  const names = derChildren(expectTag(readDer(value), 0x30, 'SubjectAltName'));
  // GeneralName is a CHOICE of context tags [0] to [8], primitive or constructed.
  if (names.some((n) => (n.tag & 0xdf) < 0x80 || (n.tag & 0xdf) > 0x88)) throw new DerError('not a GeneralName');
  return Object.freeze(names.filter((n) => n.tag === 0x82).map((n) => Buffer.from(derContent(n)).toString('latin1')));
}

/** The OIDs of an Enhanced Key Usage extension value. */
export function ekuOids(value: Uint8Array): readonly string[] {
  return Object.freeze(derChildren(expectTag(readDer(value), 0x30, 'ExtendedKeyUsage')).map((n) => decodeOid(derContent(expectTag(n, 0x06, 'KeyPurposeId')))));
}

/** The CA flag of a Basic Constraints extension value. */
export function basicConstraintsCa(value: Uint8Array): boolean {
  const first = derChildren(expectTag(readDer(value), 0x30, 'BasicConstraints'))[0];
  return first?.tag === 0x01 && derContent(first)[0] !== 0;
}

/** The key id (upper-case hex) of a Subject Key Identifier extension value. */
export function subjectKeyId(value: Uint8Array): string {
  return Buffer.from(derContent(expectTag(readDer(value), 0x04, 'SubjectKeyIdentifier'))).toString('hex').toUpperCase();
}

/** The key id (upper-case hex) of an Authority Key Identifier extension value, if it has one. */
export function authorityKeyId(value: Uint8Array): string | undefined {
  const id = derChildren(expectTag(readDer(value), 0x30, 'AuthorityKeyIdentifier')).find((n) => n.tag === 0x80);
  return id ? Buffer.from(derContent(id)).toString('hex').toUpperCase() : undefined;
}

