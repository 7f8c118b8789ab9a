// Making certificates: Exchange-style self-signed ones, and ones a CA issues from a request.
import { buildCertificate } from './build-certificate.js';
import { addMonthsUtc, truncateToSeconds } from './calendar.js';
import {
  authorityKeyIdentifierExtension,
  basicConstraintsExtension,
  dnsSanExtension,
  ekuExtension,
  keyIdentifierOf,
  keyUsageExtension,
  SERVER_AUTH_OID,
  subjectKeyIdentifierExtension,
  subjectKeyIdentifierFromHex,
} from './certificate-extensions.js';
import type { CertificateExtension } from './certificate-extensions.js';
import { readCertificate } from './certificate-info.js';
import type { CertificateInfo } from './certificate-info.js';
import { parseCertificateRequest, verifyCertificateRequest } from './certificate-request.js';
import type { CertificateRequestInfo } from './certificate-request.js';
import type { BinaryInput } from './bytes.js';
import { isValidDnsName } from './dns-name.js';
import { PkiError } from './pki-error.js';
import { exportPublicKeySpki, toKeyPair } from './rsa-key.js';
import type { PrivateKeyInput } from './rsa-key.js';
import type { HashAlgorithm } from './signing-key.js';
import { encodeX500Name, parseX500Name } from './x500-name.js';
import type { X500Name, X500NameOrder } from './x500-name.js';

export { readCertificate, certificateDer } from './certificate-info.js';
export type { CertificateInfo } from './certificate-info.js';
export { thumbprintOf } from './thumbprint.js';

/** Options for {@link createSelfSignedCertificate}; defaults are New-ExchangeCertificate's. */
export interface SelfSignedCertificateOptions {
  /** The certified key (its own signing key). */
  readonly key: PrivateKeyInput;
  /** Subject as `-SubjectName` takes it; default `CN=<first DNS name shorter than 64 characters>` (rule 108). */
  readonly subject?: string | X500Name;
  /** SAN DNS names; no SAN extension when empty (rule 36/109). */
  readonly dnsNames?: readonly string[];
  /** SHA-256 (New-ExchangeCertificate, 2013 CU13+) or SHA-1 (Exchange setup, older builds); default SHA-256. */
  readonly hash?: HashAlgorithm;
  /** NotBefore; default now. Milliseconds are dropped (X.509 has whole seconds). */
  readonly notBefore?: Date;
  /** NotAfter; default NotBefore + `validityMonths` calendar months at the same time of day. */
  readonly notAfter?: Date;
  /** Validity in calendar months when `notAfter` is not given; default 60 (rule 34). */
  readonly validityMonths?: number;
  /** Hex value for a Subject Key Identifier extension (Exchange's `-SubjectKeyIdentifier`); none when omitted. */
  readonly subjectKeyIdentifier?: string;
  /** Serial number in hex; random 16 bytes when omitted. */
  readonly serialNumber?: string;
  /**
   * DER order of the subject relative to the text. Default `reversed`: Exchange binds `-SubjectName` to .NET's
   * X500DistinguishedName(string), which encodes with the Reversed flag, so Windows later displays the subject in the
   * order it was typed.
   */
  readonly subjectOrder?: X500NameOrder;
}

/** Options for {@link issueCertificate}. */
export interface IssueCertificateOptions {
  /** The request (any form {@link parseCertificateRequest} reads, or its result). Its signature is checked. */
  readonly request: string | BinaryInput | CertificateRequestInfo;
  /** The issuing CA's certificate (DER or PEM). */
  readonly issuerCertificate: BinaryInput | string;
  /** The issuing CA's private key. */
  readonly issuerKey: PrivateKeyInput;
  /** NotBefore; default now (whole seconds). */
  readonly notBefore?: Date;
  /** NotAfter; default NotBefore + `days`. */
  readonly notAfter?: Date;
  /** Validity in days when `notAfter` is not given; default 365. */
  readonly days?: number;
  /** Signature hash; default SHA-256. */
  readonly hash?: HashAlgorithm;
  /** Serial number in hex; random 16 bytes when omitted. */
  readonly serialNumber?: string;
}

/**
 * Creates a self-signed certificate the way New-ExchangeCertificate does (rule 109): Key Usage digitalSignature +
 * keyEncipherment (critical), SAN with the DNS names (omitted when none), EKU Server Authentication, Basic Constraints
 * end entity, and a Subject Key Identifier only when one is given. Returns the certificate read back.
 * @example
 * const pair = await generateRsaKeyPair(2048);
 * const cert = await createSelfSignedCertificate({ key: pair, subject: 'CN=EX01', dnsNames: ['EX01', 'EX01.contoso.com'] });
 * console.log(cert.thumbprint, cert.notAfter);
 */
export async function createSelfSignedCertificate(options: SelfSignedCertificateOptions): Promise<CertificateInfo> {
  const dnsNames = checkDnsNames(options.dnsNames ?? []);
  const name = subjectName(options.subject, dnsNames);
  const pair = toKeyPair(options.key);
  const spki = exportPublicKeySpki(pair);
  const subject = encodeX500Name(name, options.subjectOrder ?? 'reversed');
  const notBefore = truncateToSeconds(options.notBefore ?? new Date());
  const notAfter = options.notAfter ?? addMonthsUtc(notBefore, options.validityMonths ?? 60);
  const extensions: CertificateExtension[] = [keyUsageExtension(['digitalSignature', 'keyEncipherment'], true)];
  if (dnsNames.length > 0) extensions.push(dnsSanExtension(dnsNames));
  extensions.push(ekuExtension([SERVER_AUTH_OID]), basicConstraintsExtension(false, undefined, true));
  if (options.subjectKeyIdentifier !== undefined) {
    if (!/^([0-9A-Fa-f]{2})+$/.test(options.subjectKeyIdentifier)) {
      throw new PkiError(
        'INVALID_ARGUMENT',
        `The subject key identifier '${options.subjectKeyIdentifier}' is not an even number of hex digits.`,
      );
    }
    extensions.push(subjectKeyIdentifierFromHex(options.subjectKeyIdentifier.toLowerCase()));
  }
  const der = await buildCertificate({
    subject,
    issuer: subject,
    publicKey: spki,
    signingKey: pair,
    hash: options.hash ?? 'SHA-256',
    notBefore,
    notAfter,
    ...(options.serialNumber !== undefined ? { serialNumber: options.serialNumber } : {}),
    extensions,
  });
  return readCertificate(der);
}

/**
 * Issues an end-entity certificate for a request, signed by a CA: subject (DER as-is) and SAN DNS names copied from
 * the request, Key Usage digitalSignature + keyEncipherment (critical), EKU Server Authentication, Basic Constraints
 * end entity, Subject Key Identifier and an Authority Key Identifier pointing at the CA's key.
 * Throws PkiError INVALID_REQUEST when the request's signature does not verify.
 * @example
 * const leaf = await issueCertificate({ request: req.text, issuerCertificate: caPem, issuerKey: caKeyPem, days: 365 });
 */
export async function issueCertificate(options: IssueCertificateOptions): Promise<CertificateInfo> {
  const request =
    typeof options.request === 'object' && 'der' in options.request
      ? options.request
      : parseCertificateRequest(options.request);
  if (!(await verifyCertificateRequest(request))) {
    throw new PkiError(
      'INVALID_REQUEST',
      'The certificate request signature does not verify; the request was altered or is corrupt.',
    );
  }
  const issuer = readCertificate(options.issuerCertificate);
  const issuerPair = toKeyPair(options.issuerKey);
  if (!Buffer.from(exportPublicKeySpki(issuerPair)).equals(Buffer.from(issuer.publicKey))) {
    throw new PkiError('INVALID_KEY', 'The issuer key does not belong to the issuer certificate.');
  }
  const notBefore = truncateToSeconds(options.notBefore ?? new Date());
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + (options.days ?? 365) * 86_400_000);
  const extensions: CertificateExtension[] = [keyUsageExtension(['digitalSignature', 'keyEncipherment'], true)];
  if (request.dnsNames.length > 0) extensions.push(dnsSanExtension(request.dnsNames));
  extensions.push(
    ekuExtension([SERVER_AUTH_OID]),
    basicConstraintsExtension(false, undefined, false),
    await subjectKeyIdentifierExtension(request.publicKey),
    await authorityKeyIdentifierFor(issuer),
  );
  const der = await buildCertificate({
    subject: request.subjectDer,
    issuer: issuer.subjectDer,
    publicKey: request.publicKey,
    signingKey: issuerPair,
    hash: options.hash ?? 'SHA-256',
    notBefore,
    notAfter,
    ...(options.serialNumber !== undefined ? { serialNumber: options.serialNumber } : {}),
    extensions,
  });
  return readCertificate(der);
}

/** An Authority Key Identifier carrying the issuer's SKI (computed from its key when it has none). */
export async function authorityKeyIdentifierFor(issuer: CertificateInfo): Promise<CertificateExtension> {
  const keyId = issuer.subjectKeyIdentifier ?? keyIdentifierOf(issuer.publicKey);
  return authorityKeyIdentifierExtension(keyId.toLowerCase());
}

function checkDnsNames(names: readonly string[]): readonly string[] {
  for (const dns of names) {
    if (!isValidDnsName(dns))
      throw new PkiError('INVALID_DNS_NAME', `The domain name '${dns}' is not a valid DNS or wildcard name.`);
  }
  return names;
}

/** The subject to use: the given one, or Exchange's default `CN=<first name shorter than 64 characters>`. */
function subjectName(subject: string | X500Name | undefined, dnsNames: readonly string[]): X500Name {
  if (subject !== undefined) return typeof subject === 'string' ? parseX500Name(subject) : subject;
  const first = dnsNames.find((n) => n.length < 64);
  if (first === undefined)
    throw new PkiError(
      'INVALID_ARGUMENT',
      'A self-signed certificate needs a subject or at least one DNS name shorter than 64 characters.',
    );
  return parseX500Name(`CN=${first}`);
}
