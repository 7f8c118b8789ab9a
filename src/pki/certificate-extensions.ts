// Builders for the X.509 extensions Exchange and the simulated CA put into certificates and requests.
import { x509 } from './crypto-provider.js';
import { toArrayBuffer } from './bytes.js';
import type { BinaryInput } from './bytes.js';

/** Key usage names, as in RFC 5280 and @peculiar/x509's KeyUsageFlags. */
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

/** A Key Usage extension with the given usages. */
export function keyUsageExtension(usages: readonly KeyUsageName[], critical = true): x509.KeyUsagesExtension {
  const flags = usages.reduce((acc, name) => acc | x509.KeyUsageFlags[name], 0);
  return new x509.KeyUsagesExtension(flags, critical);
}

/** The usage names set in a Key Usage extension. */
export function keyUsageNames(ext: x509.KeyUsagesExtension): readonly KeyUsageName[] {
  return Object.freeze(KEY_USAGE_NAMES.filter((name) => (ext.usages & x509.KeyUsageFlags[name]) !== 0));
}

/** A SAN extension with DNS names only (non-critical). */
export function dnsSanExtension(dnsNames: readonly string[]): x509.SubjectAlternativeNameExtension {
  return new x509.SubjectAlternativeNameExtension(dnsNames.map((value) => ({ type: 'dns' as const, value })), false);
}

/** An Enhanced Key Usage extension (non-critical), Server Authentication by default. */
export function ekuExtension(oids: readonly string[] = [SERVER_AUTH_OID]): x509.ExtendedKeyUsageExtension {
  return new x509.ExtendedKeyUsageExtension([...oids], false);
}

/** A Subject Key Identifier: SHA-1 of the public key bits (RFC 5280 method 1, what CertEnroll computes). */
export async function subjectKeyIdentifierExtension(spki: BinaryInput): Promise<x509.SubjectKeyIdentifierExtension> {
  return x509.SubjectKeyIdentifierExtension.create(toArrayBuffer(spki), false);
}

/** The DNS names of a SAN extension (other name types skipped), in order. */
export function sanDnsNames(ext: x509.Extension | null | undefined): readonly string[] {
  if (!ext) return Object.freeze([]);
  const san = ext instanceof x509.SubjectAlternativeNameExtension ? ext : new x509.SubjectAlternativeNameExtension(ext.rawData);
  return Object.freeze(san.names.items.filter((n) => n.type === 'dns').map((n) => n.value));
}
