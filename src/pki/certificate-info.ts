// Reading a certificate into the plain facts Exchange's ExchangeCertificate object shows.
import { X509Certificate as NodeX509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  Certificate,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectAltName,
  id_ce_subjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { parseAsn } from './asn1.js';
import { toBytes, toHexUpper } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import {
  authorityKeyId,
  basicConstraintsCa,
  ekuOids,
  keyUsageNames,
  sanDnsNames,
  subjectKeyId,
} from './certificate-extensions.js';
import type { KeyUsageName } from './certificate-extensions.js';
import { certificateDomainsOf } from './dns-name.js';
import { LruCache } from './lru-cache.js';
import { pemBlocks } from './pem.js';
import { PkiError } from './pki-error.js';
import { publicKeySizeBits } from './rsa-key.js';
import { thumbprintOf } from './thumbprint.js';
import { signatureAlgorithmName } from './windows-oid-names.js';
import { cnOf, formatX500Name, x500NameOf } from './x500-name.js';

/** What Exchange shows about a certificate (Get-ExchangeCertificate | Format-List *), plus the raw parts. */
export interface CertificateInfo {
  /** The DER bytes (Exchange's RawData). */
  readonly der: Uint8Array;
  /** SHA-1 of the DER, 40 upper-case hex digits. */
  readonly thumbprint: string;
  /** Serial number as Windows prints it: upper-case hex of the DER INTEGER's content bytes (a leading 00 kept). */
  readonly serialNumber: string;
  /** Subject in Windows display form (last RDN first, `S=`). */
  readonly subject: string;
  /** Issuer in Windows display form. */
  readonly issuer: string;
  /** DER of the subject Name (for comparisons and for copying into requests). */
  readonly subjectDer: Uint8Array;
  readonly issuerDer: Uint8Array;
  /** The first CN of the subject in DER order, if any. */
  readonly subjectCn: string | undefined;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** DNS names from the SAN extension, in certificate order (Exchange's DnsNameList). */
  readonly dnsNames: readonly string[];
  /** Exchange's CertificateDomains: the subject CN when it is a valid DNS/wildcard name, then the SAN DNS names, duplicates dropped. */
  readonly certificateDomains: readonly string[];
  /** Issuer equals subject and the signature verifies with the certificate's own public key. */
  readonly isSelfSigned: boolean;
  /** Public key algorithm: `RSA`, `EC`, or the key type node:crypto reports. */
  readonly publicKeyAlgorithm: string;
  /** Key length in bits (what Exchange's PublicKeySize shows). */
  readonly publicKeySize: number;
  /** SubjectPublicKeyInfo DER. */
  readonly publicKey: Uint8Array;
  /** Windows' name for the signature algorithm: `sha256RSA`, `sha1RSA`, ... */
  readonly signatureAlgorithm: string;
  readonly signatureAlgorithmOid: string;
  /** Key Usage names, or undefined when the certificate has no Key Usage extension. */
  readonly keyUsage: readonly KeyUsageName[] | undefined;
  /** EKU OIDs, or undefined when the certificate has no EKU extension (all purposes). */
  readonly enhancedKeyUsage: readonly string[] | undefined;
  /** Basic Constraints says CA. */
  readonly isCa: boolean;
  /** Subject Key Identifier in upper-case hex, if present. */
  readonly subjectKeyIdentifier: string | undefined;
  /** The key identifier of the Authority Key Identifier extension in upper-case hex, if present. */
  readonly authorityKeyIdentifier: string | undefined;
  /** X.509 version number (3 for v3). */
  readonly version: number;
}

/** Parsed certificates by thumbprint: views and chain checks read the same few certificates over and over. */
const CACHE = new LruCache<string, CertificateInfo>(2048);

/**
 * The DER bytes of a certificate given as DER, PEM text or PEM text bytes.
 * @example certificateDer(readFileSync('mail.cer', 'utf8'))[0] // 0x30
 */
export function certificateDer(input: BinaryInput | string): Uint8Array {
  const text =
    typeof input === 'string'
      ? input
      : looksLikePem(toBytes(input))
        ? Buffer.from(toBytes(input)).toString('latin1')
        : undefined;
  if (text === undefined) return toBytes(input as BinaryInput);
  const block = pemBlocks(text).find((b) => b.label === 'CERTIFICATE' || b.label === 'X509 CERTIFICATE');
  if (!block) throw new PkiError('INVALID_CERTIFICATE', 'The text holds no -----BEGIN CERTIFICATE----- block.');
  return block.der;
}

function looksLikePem(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 200)).includes('-----BEGIN ');
}

/**
 * Reads a certificate (DER, PEM text or PEM bytes) into a frozen {@link CertificateInfo}.
 * Throws PkiError INVALID_CERTIFICATE when it is not an X.509 certificate.
 * @example
 * const info = readCertificate(readFileSync('mail.cer'));
 * console.log(info.thumbprint, info.subject, info.certificateDomains);
 */
export function readCertificate(input: BinaryInput | string): CertificateInfo {
  const der = certificateDer(input);
  const thumbprint = thumbprintOf(der);
  return CACHE.get(thumbprint, () => parseCertificate(new Uint8Array(der), thumbprint, BUILT.get(der)));
}

/**
 * Makes readCertificate answer with `info` for its thumbprint (facts read back from storage, see
 * certificate-facts-json.ts); parsedCertificate still parses the DER when asked.
 * @example rememberCertificateInfo(info); readCertificate(info.der) === info // true
 */
export function rememberCertificateInfo(info: CertificateInfo): void {
  CACHE.set(info.thumbprint, info);
}

/** Whether readCertificate already holds the facts of the certificate with `thumbprint`. */
export function knowsCertificate(thumbprint: string): boolean {
  return CACHE.peek(thumbprint) !== undefined;
}

/** What the maker of a certificate already holds: its @peculiar/asn1-x509 object and the DER of its names and key. */
export interface BuiltCertificateParts {
  readonly asn: Certificate;
  readonly subjectDer: Uint8Array;
  readonly issuerDer: Uint8Array;
  readonly spki: Uint8Array;
}

const BUILT = new WeakMap<Uint8Array, BuiltCertificateParts>();

/**
 * Lets readCertificate take the fields of a certificate just made (the DER array given back by its maker) from the
 * objects it was made of instead of parsing it again; node:crypto still reads the DER itself.
 * @example rememberBuiltCertificate(der, { asn, subjectDer, issuerDer, spki }); readCertificate(der)
 */
export function rememberBuiltCertificate(der: Uint8Array, parts: BuiltCertificateParts): void {
  BUILT.set(der, parts);
}

function parseCertificate(
  der: Uint8Array,
  thumbprint: string,
  built: BuiltCertificateParts | undefined,
): CertificateInfo {
  try {
    // node:crypto's parse (about 0.15 ms) holds the key and checks the signature; @peculiar/asn1-x509 gives the fields.
    const nodeCert = new NodeX509Certificate(der);
    const asn = built?.asn ?? parseAsn(der, Certificate);
    const info = certificateFacts(der, thumbprint, nodeCert, asn, built);
    PARSED.set(info, asn);
    return info;
  } catch (cause) {
    throw new PkiError('INVALID_CERTIFICATE', 'The data is not an X.509 certificate.', { cause });
  }
}

/** The @peculiar/asn1-x509 parse of each certificate read (kept as long as its CertificateInfo). */
const PARSED = new WeakMap<CertificateInfo, Certificate>();

/**
 * The certificate as @peculiar/asn1-x509 parsed it (for fields CertificateInfo does not carry); do not modify it.
 * @example parsedCertificate(info).tbsCertificate.extensions?.map((e) => e.extnID)
 */
export function parsedCertificate(info: CertificateInfo): Certificate {
  let asn = PARSED.get(info);
  if (asn === undefined) {
    asn = parseAsn(info.der, Certificate);
    PARSED.set(info, asn);
  }
  return asn;
}

function certificateFacts(
  der: Uint8Array,
  thumbprint: string,
  nodeCert: NodeX509Certificate,
  asn: Certificate,
  built: BuiltCertificateParts | undefined,
): CertificateInfo {
  const tbs = asn.tbsCertificate;
  const subjectDer = built ? new Uint8Array(built.subjectDer) : toBytes(AsnConvert.serialize(tbs.subject));
  const issuerDer = built ? new Uint8Array(built.issuerDer) : toBytes(AsnConvert.serialize(tbs.issuer));
  const subjectName = x500NameOf(tbs.subject);
  const extensions = new Map<string, ArrayBuffer>();
  for (const ext of tbs.extensions ?? [])
    if (!extensions.has(ext.extnID)) extensions.set(ext.extnID, ext.extnValue.buffer);
  const subjectCn = cnOf(subjectName);
  const dnsNames = sanDnsNames(extensions.get(id_ce_subjectAltName));
  const ku = extensions.get(id_ce_keyUsage);
  const eku = extensions.get(id_ce_extKeyUsage);
  const ski = extensions.get(id_ce_subjectKeyIdentifier);
  const aki = extensions.get(id_ce_authorityKeyIdentifier);
  const bc = extensions.get(id_ce_basicConstraints);
  return Object.freeze({
    der,
    thumbprint,
    serialNumber: toHexUpper(tbs.serialNumber),
    subject: formatX500Name([...subjectName].reverse()),
    issuer: formatX500Name([...x500NameOf(tbs.issuer)].reverse()),
    subjectDer,
    issuerDer,
    subjectCn,
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    dnsNames,
    certificateDomains: certificateDomainsOf(subjectCn, dnsNames),
    isSelfSigned: Buffer.from(subjectDer).equals(Buffer.from(issuerDer)) && verifiesWithOwnKey(nodeCert),
    publicKeyAlgorithm: publicKeyAlgorithmOf(nodeCert),
    publicKeySize: publicKeySizeBits(nodeCert.publicKey),
    publicKey: built ? new Uint8Array(built.spki) : toBytes(AsnConvert.serialize(tbs.subjectPublicKeyInfo)),
    signatureAlgorithm: signatureAlgorithmName(asn.signatureAlgorithm.algorithm),
    signatureAlgorithmOid: asn.signatureAlgorithm.algorithm,
    keyUsage: ku ? keyUsageNames(ku) : undefined,
    enhancedKeyUsage: eku ? ekuOids(eku) : undefined,
    isCa: bc ? basicConstraintsCa(bc) : false,
    subjectKeyIdentifier: ski ? subjectKeyId(ski) : undefined,
    authorityKeyIdentifier: aki ? authorityKeyId(aki) : undefined,
    version: tbs.version + 1,
  });
}

function verifiesWithOwnKey(cert: NodeX509Certificate): boolean {
  try {
    return cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

function publicKeyAlgorithmOf(cert: NodeX509Certificate): string {
  const type = cert.publicKey.asymmetricKeyType ?? 'unknown';
  return type === 'rsa' || type === 'rsa-pss' ? 'RSA' : type === 'ec' ? 'EC' : type;
}
