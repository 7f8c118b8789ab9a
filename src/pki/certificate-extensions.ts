// Builders and readers for the X.509 extensions Exchange and the simulated CA put into certificates and requests (@peculiar/asn1-x509).
import { createHash } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  ExtendedKeyUsage,
  Extension,
  GeneralName,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { parseAsn } from './asn1.js';
import { toBytes } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import { LruCache } from './lru-cache.js';
import { subjectPublicKeyBits } from './spki.js';

/** Key usage names, as in RFC 5280 and @peculiar/asn1-x509's KeyUsageFlags. */
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
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
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
 * An Extension from its OID, criticality and extension value (encoded by @peculiar/asn1-schema; critical is left out
 * when false, the DER default).
 * @example certificateExtension('2.5.29.19', true, new BasicConstraints({ cA: true })).rawData
 */
export function certificateExtension(type: string, critical: boolean, value: object): CertificateExtension {
  const extnValue = new OctetString(AsnConvert.serialize(value));
  const asn = new Extension({ extnID: type, critical, extnValue });
  const rawData = AsnConvert.serialize(asn);
  BUILT.set(rawData, asn);
  return Object.freeze({ type, critical, value: new Uint8Array(extnValue.buffer), rawData });
}

/** The Extension objects behind the extensions made here, by their rawData (never modified). */
const BUILT = new WeakMap<ArrayBuffer, Extension>();

/**
 * An extension (ours or an @peculiar/x509 one) as an @peculiar/asn1-x509 Extension, parsed from its rawData unless it
 * was made here.
 * @example extensionAsn(keyUsageExtension(['keyCertSign'])).extnID // '2.5.29.15'
 */
export function extensionAsn(extension: { readonly rawData: ArrayBuffer }): Extension {
  return BUILT.get(extension.rawData) ?? parseAsn(extension.rawData, Extension);
}

/** A Key Usage extension with the given usages. */
export function keyUsageExtension(usages: readonly KeyUsageName[], critical = true): CertificateExtension {
  const flags = usages.reduce((acc, name) => acc | KeyUsageFlags[name], 0);
  return certificateExtension('2.5.29.15', critical, new KeyUsage(flags));
}

/** The usage names set in a Key Usage extension value. */
export function keyUsageNames(value: BinaryInput): readonly KeyUsageName[] {
  return remembered('ku', value, () => {
    const flags = parseAsn(value, KeyUsage).toNumber();
    return Object.freeze(KEY_USAGE_NAMES.filter((name) => (flags & KeyUsageFlags[name]) !== 0));
  });
}

// What the readers below found in extension values, by value: a request's SAN is read again in the certificate issued
// for it, a CA's extensions in every chain check (values are frozen).
const READ = new LruCache<string, unknown>(1024);

const readKey = (kind: string, value: BinaryInput): string => {
  const bytes = toBytes(value);
  return `${kind}:${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')}`;
};
const remembered = <T>(kind: string, value: BinaryInput, read: () => T): T => READ.get(readKey(kind, value), read) as T;
/** Records what a reader will find in a value made here. */
const remember = (kind: string, value: BinaryInput, found: unknown): void => READ.set(readKey(kind, value), found);

/** A SAN extension with DNS names only (non-critical). */
export function dnsSanExtension(dnsNames: readonly string[]): CertificateExtension {
  const extension = certificateExtension(
    '2.5.29.17',
    false,
    new SubjectAlternativeName(dnsNames.map((dNSName) => new GeneralName({ dNSName }))),
  );
  // ASCII names (IA5String) read back as given.
  if (dnsNames.every((name) => /^[\x00-\x7f]*$/.test(name)))
    remember('san', extension.value, Object.freeze([...dnsNames]));
  return extension;
}

/** An Enhanced Key Usage extension (non-critical), Server Authentication by default. */
export function ekuExtension(oids: readonly string[] = [SERVER_AUTH_OID]): CertificateExtension {
  const extension = certificateExtension('2.5.29.37', false, new ExtendedKeyUsage([...oids]));
  remember('eku', extension.value, Object.freeze([...oids]));
  return extension;
}

/** Basic Constraints: CA flag and an optional path length. */
export function basicConstraintsExtension(
  ca: boolean,
  pathLength: number | undefined,
  critical: boolean,
): CertificateExtension {
  return certificateExtension(
    '2.5.29.19',
    critical,
    new BasicConstraints({ cA: ca, ...(pathLength !== undefined ? { pathLenConstraint: pathLength } : {}) }),
  );
}

/** A Subject Key Identifier with the given key id (hex). */
export function subjectKeyIdentifierFromHex(keyIdHex: string): CertificateExtension {
  return certificateExtension('2.5.29.14', false, new SubjectKeyIdentifier(Buffer.from(keyIdHex, 'hex')));
}

/** A Subject Key Identifier: SHA-1 of the public key bits (RFC 5280 method 1, what CertEnroll computes). */
export async function subjectKeyIdentifierExtension(spki: BinaryInput): Promise<CertificateExtension> {
  return subjectKeyIdentifierFromHex(keyIdentifierOf(spki));
}

/** RFC 5280 method 1 key identifier of a SubjectPublicKeyInfo, lower-case hex. */
export function keyIdentifierOf(spki: BinaryInput): string {
  return createHash('sha1')
    .update(subjectPublicKeyBits(toBytes(spki)))
    .digest('hex');
}

/** An Authority Key Identifier carrying only a key identifier (hex). */
export function authorityKeyIdentifierExtension(keyIdHex: string): CertificateExtension {
  return certificateExtension(
    '2.5.29.35',
    false,
    new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(Buffer.from(keyIdHex, 'hex')) }),
  );
}

/** The DNS names of a SAN extension value (other name types skipped), in order. */
export function sanDnsNames(value: BinaryInput | undefined): readonly string[] {
  if (!value) return Object.freeze([]);
  return remembered('san', value, () =>
    Object.freeze(
      parseAsn(value, SubjectAlternativeName)
        .filter((n) => n.dNSName !== undefined)
        .map((n) => n.dNSName!),
    ),
  );
}

/** The OIDs of an Enhanced Key Usage extension value. */
export function ekuOids(value: BinaryInput): readonly string[] {
  return remembered('eku', value, () => Object.freeze([...parseAsn(value, ExtendedKeyUsage)]));
}

/** The CA flag of a Basic Constraints extension value. */
export function basicConstraintsCa(value: BinaryInput): boolean {
  return remembered('bc', value, () => parseAsn(value, BasicConstraints).cA);
}

/** The key id (upper-case hex) of a Subject Key Identifier extension value. */
export function subjectKeyId(value: BinaryInput): string {
  return remembered('ski', value, () =>
    Buffer.from(parseAsn(value, SubjectKeyIdentifier).buffer).toString('hex').toUpperCase(),
  );
}

/** The key id (upper-case hex) of an Authority Key Identifier extension value, if it has one. */
export function authorityKeyId(value: BinaryInput): string | undefined {
  return remembered('aki', value, () => {
    const id = parseAsn(value, AuthorityKeyIdentifier).keyIdentifier;
    return id ? Buffer.from(id.buffer).toString('hex').toUpperCase() : undefined;
  });
}
