// Reading a certificate into the plain facts Exchange's ExchangeCertificate object shows.
import { X509Certificate as NodeX509Certificate } from 'node:crypto';
import { x509 } from './crypto-provider.js';
import { toArrayBuffer, toBytes, toHexUpper } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import { keyUsageNames, sanDnsNames } from './certificate-extensions.js';
import type { KeyUsageName } from './certificate-extensions.js';
import { certificateDomainsOf } from './dns-name.js';
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

// Exposes the parsed ASN.1 fields @peculiar/x509 keeps protected.
class ParsedCertificate extends x509.X509Certificate {
  get serialNumberBytes(): ArrayBuffer {
    return this.asn.tbsCertificate.serialNumber;
  }
  get signatureOid(): string {
    return this.asn.signatureAlgorithm.algorithm;
  }
  get versionNumber(): number {
    return this.asn.tbsCertificate.version + 1;
  }
}

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
  return Buffer.from(bytes.subarray(0, 200)).toString('latin1').includes('-----BEGIN ');
}

/**
 * Reads a certificate (DER, PEM text or PEM bytes) into a frozen {@link CertificateInfo}.
 * Throws PkiError INVALID_CERTIFICATE when it is not an X.509 certificate.
 * @example
 * const info = readCertificate(readFileSync('mail.cer'));
 * console.log(info.thumbprint, info.subject, info.certificateDomains);
 */
export function readCertificate(input: BinaryInput | string): CertificateInfo {
  const der = new Uint8Array(certificateDer(input));
  let cert: ParsedCertificate;
  let nodeCert: NodeX509Certificate;
  try {
    cert = new ParsedCertificate(toArrayBuffer(der));
    nodeCert = new NodeX509Certificate(der);
  } catch (cause) {
    throw new PkiError('INVALID_CERTIFICATE', 'The data is not an X.509 certificate.', { cause });
  }
  const subjectDer = toBytes(cert.subjectName.toArrayBuffer());
  const issuerDer = toBytes(cert.issuerName.toArrayBuffer());
  const spki = toBytes(cert.publicKey.rawData);
  const subjectCn = cnOf(subjectDer);
  const dnsNames = sanDnsNames(cert.getExtension('2.5.29.17'));
  const ku = cert.getExtension(x509.KeyUsagesExtension);
  const eku = cert.getExtension(x509.ExtendedKeyUsageExtension);
  const ski = cert.getExtension(x509.SubjectKeyIdentifierExtension);
  const aki = cert.getExtension(x509.AuthorityKeyIdentifierExtension);
  return Object.freeze({
    der,
    thumbprint: thumbprintOf(der),
    serialNumber: toHexUpper(cert.serialNumberBytes),
    subject: formatWindowsName(subjectDer),
    issuer: formatWindowsName(issuerDer),
    subjectDer,
    issuerDer,
    subjectCn,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    dnsNames,
    certificateDomains: certificateDomainsOf(subjectCn, dnsNames),
    isSelfSigned: Buffer.from(subjectDer).equals(Buffer.from(issuerDer)) && verifiesWithOwnKey(nodeCert),
    publicKeyAlgorithm: publicKeyAlgorithmOf(nodeCert),
    publicKeySize: publicKeySizeBits(spki),
    publicKey: spki,
    signatureAlgorithm: signatureAlgorithmName(cert.signatureOid),
    signatureAlgorithmOid: cert.signatureOid,
    keyUsage: ku ? keyUsageNames(ku) : undefined,
    enhancedKeyUsage: eku ? Object.freeze(Array.from(eku.usages, String)) : undefined,
    isCa: cert.getExtension(x509.BasicConstraintsExtension)?.ca ?? false,
    subjectKeyIdentifier: ski ? ski.keyId.toUpperCase() : undefined,
    authorityKeyIdentifier: aki?.keyId ? aki.keyId.toUpperCase() : undefined,
    version: cert.versionNumber,
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
