// Reading a certificate into the plain facts Exchange's ExchangeCertificate object shows.
import { X509Certificate as NodeX509Certificate } from 'node:crypto';
import { toBytes, toHexUpper } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import { authorityKeyId, basicConstraintsCa, ekuOids, keyUsageNames, sanDnsNames, subjectKeyId } from './certificate-extensions.js';
import type { KeyUsageName } from './certificate-extensions.js';
import { DerError, decodeOid, decodeTime, derChildren, derContent, derRaw, expectTag, readDer } from './der.js';
import { certificateDomainsOf } from './dns-name.js';
import { LruCache } from './lru-cache.js';
import { pemBlocks } from './pem.js';
import { PkiError } from './pki-error.js';
import { publicKeySizeBits } from './rsa-key.js';
import { thumbprintOf } from './thumbprint.js';
import { signatureAlgorithmName } from './windows-oid-names.js';
import { cnOf, formatWindowsName } from './x500-name.js';

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
  const text = typeof input === 'string' ? input : looksLikePem(toBytes(input)) ? Buffer.from(toBytes(input)).toString('latin1') : undefined;
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
  return CACHE.get(thumbprint, () => parseCertificate(new Uint8Array(der), thumbprint));
}

function parseCertificate(der: Uint8Array, thumbprint: string): CertificateInfo {
  try {
    // node:crypto's parse (about 0.15 ms, once per certificate) checks what the DER walk does not and holds the key.
    return certificateFacts(der, thumbprint, new NodeX509Certificate(der), readTbs(der));
  } catch (cause) {
    throw new PkiError('INVALID_CERTIFICATE', 'The data is not an X.509 certificate.', { cause });
  }
}

function certificateFacts(der: Uint8Array, thumbprint: string, nodeCert: NodeX509Certificate, tbs: TbsFields): CertificateInfo {
  const { subjectDer, issuerDer, spki, extensions } = tbs;
  const subjectCn = cnOf(subjectDer);
  const dnsNames = sanDnsNames(extensions.get('2.5.29.17'));
  const ku = extensions.get('2.5.29.15');
  const eku = extensions.get('2.5.29.37');
  const ski = extensions.get('2.5.29.14');
  const aki = extensions.get('2.5.29.35');
  const bc = extensions.get('2.5.29.19');
  return Object.freeze({
    der,
    thumbprint,
    serialNumber: toHexUpper(tbs.serial),
    subject: formatWindowsName(subjectDer),
    issuer: formatWindowsName(issuerDer),
    subjectDer,
    issuerDer,
    subjectCn,
    notBefore: tbs.notBefore,
    notAfter: tbs.notAfter,
    dnsNames,
    certificateDomains: certificateDomainsOf(subjectCn, dnsNames),
    isSelfSigned: Buffer.from(subjectDer).equals(Buffer.from(issuerDer)) && verifiesWithOwnKey(nodeCert),
    publicKeyAlgorithm: publicKeyAlgorithmOf(nodeCert),
    publicKeySize: publicKeySizeBits(nodeCert.publicKey),
    publicKey: spki,
    signatureAlgorithm: signatureAlgorithmName(tbs.signatureOid),
    signatureAlgorithmOid: tbs.signatureOid,
    keyUsage: ku ? keyUsageNames(ku) : undefined,
    enhancedKeyUsage: eku ? ekuOids(eku) : undefined,
    isCa: bc ? basicConstraintsCa(bc) : false,
    subjectKeyIdentifier: ski ? subjectKeyId(ski) : undefined,
    authorityKeyIdentifier: aki ? authorityKeyId(aki) : undefined,
    version: tbs.version,
  });
}

/** The fields of a Certificate's TBSCertificate, read straight from the DER. */
interface TbsFields {
  readonly version: number;
  readonly serial: Uint8Array;
  readonly signatureOid: string;
  readonly issuerDer: Uint8Array;
  readonly subjectDer: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly spki: Uint8Array;
  /** extnValue contents by OID (the first of each OID). */
  readonly extensions: ReadonlyMap<string, Uint8Array>;
}

function readTbs(der: Uint8Array): TbsFields {
  const top = readDer(der);
  const [tbsNode, outerAlgorithm] = derChildren(expectTag(top, 0x30, 'Certificate'));
  const fields = derChildren(expectTag(tbsNode, 0x30, 'TBSCertificate'));
  let i = 0;
  let version = 1;
  if (fields[0]?.tag === 0xa0) {
    const [v] = derChildren(fields[0]);
    version = ((derContent(expectTag(v, 0x02, 'version'))[0] ?? 0) << 24 >> 24) + 1; // a signed INTEGER
    i = 1;
  }
  const serial = new Uint8Array(derContent(expectTag(fields[i], 0x02, 'serialNumber')));
  const [validityFrom, validityTo] = derChildren(expectTag(fields[i + 3], 0x30, 'Validity'));
  if (!validityFrom || !validityTo) throw new DerError('Validity needs two times');
  const [algOid] = derChildren(expectTag(outerAlgorithm, 0x30, 'signatureAlgorithm'));
  const extensions = new Map<string, Uint8Array>();
  const extField = fields.slice(i + 6).find((f) => f.tag === 0xa3);
  if (extField) {
    for (const ext of derChildren(expectTag(derChildren(extField)[0], 0x30, 'Extensions'))) {
      const parts = derChildren(expectTag(ext, 0x30, 'Extension'));
      const oid = decodeOid(derContent(expectTag(parts[0], 0x06, 'extnID')));
      const value = new Uint8Array(derContent(expectTag(parts[parts.length - 1], 0x04, 'extnValue')));
      if (!extensions.has(oid)) extensions.set(oid, value);
    }
  }
  return {
    version,
    serial,
    signatureOid: decodeOid(derContent(expectTag(algOid, 0x06, 'algorithm'))),
    issuerDer: new Uint8Array(derRaw(expectTag(fields[i + 2], 0x30, 'issuer'))),
    subjectDer: new Uint8Array(derRaw(expectTag(fields[i + 4], 0x30, 'subject'))),
    notBefore: decodeTime(validityFrom),
    notAfter: decodeTime(validityTo),
    spki: new Uint8Array(derRaw(expectTag(fields[i + 5], 0x30, 'subjectPublicKeyInfo'))),
    extensions,
  };
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
