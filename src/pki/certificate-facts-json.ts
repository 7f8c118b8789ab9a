// A certificate's facts as JSON, stored beside its DER, so that a later process shows it without parsing X.509.
import type { CertificateInfo } from './certificate-info.js';
import { knowsCertificate, parsedCertificate, readCertificate, rememberCertificateInfo } from './certificate-info.js';
import type { KeyUsageName } from './certificate-extensions.js';
import { LruCache } from './lru-cache.js';

/** Bumped when CertificateInfo changes: facts written by another version are ignored (the DER is parsed instead). */
const FACTS_VERSION = 1;

/** One extension as X509Certificate2.Extensions lists it. */
export interface ExtensionFacts {
  readonly oid: string;
  readonly critical: boolean;
}

/** The extension lists of the facts read back, by thumbprint. */
const EXTENSIONS = new LruCache<string, readonly ExtensionFacts[]>(1000);

/**
 * The extensions (in certificate order) of a certificate whose stored facts were read back, else undefined.
 * @example storedExtensions(info.thumbprint)?.map((e) => e.oid)
 */
export function storedExtensions(thumbprint: string): readonly ExtensionFacts[] | undefined {
  return EXTENSIONS.peek(thumbprint);
}

const base64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const bytesOf = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

/**
 * The facts of `info` as JSON text, without the DER itself (it is stored beside them).
 * @example certificateFactsJson(readCertificate(der)) // '{"v":1,"thumbprint":"3C5B…",…}'
 */
export function certificateFactsJson(info: CertificateInfo): string {
  const { der: _der, subjectDer, issuerDer, publicKey, notBefore, notAfter, ...plain } = info;
  return JSON.stringify({
    ...plain,
    v: FACTS_VERSION,
    subjectDer: base64(subjectDer),
    issuerDer: base64(issuerDer),
    publicKey: base64(publicKey),
    notBefore: notBefore.getTime(),
    notAfter: notAfter.getTime(),
    extensions: (parsedCertificate(info).tbsCertificate.extensions ?? []).map((e) => [e.extnID, e.critical]),
  });
}

type FactsJson = Omit<CertificateInfo, 'der' | 'subjectDer' | 'issuerDer' | 'publicKey' | 'notBefore' | 'notAfter'> & {
  v: number;
  subjectDer: string;
  issuerDer: string;
  publicKey: string;
  notBefore: number;
  notAfter: number;
  extensions: [string, boolean][];
};

/**
 * The CertificateInfo of `der` from facts stored by {@link certificateFactsJson}, remembered so that readCertificate
 * answers from them; undefined (nothing remembered) when the text is from another version or not for this thumbprint.
 * @example rememberCertificateFacts(record.der, record.thumbprint, storedText)?.subject
 */
export function rememberCertificateFacts(
  der: Uint8Array,
  thumbprint: string,
  text: string,
): CertificateInfo | undefined {
  let facts: FactsJson;
  try {
    facts = JSON.parse(text) as FactsJson;
  } catch {
    return undefined;
  }
  const usable = facts.v === FACTS_VERSION && facts.thumbprint === thumbprint && Array.isArray(facts.extensions);
  if (!usable) return undefined;
  const list = (names: readonly string[] | undefined) => (names === undefined ? undefined : Object.freeze([...names]));
  // The key order of readCertificate's objects.
  const info: CertificateInfo = Object.freeze({
    der,
    thumbprint,
    serialNumber: facts.serialNumber,
    subject: facts.subject,
    issuer: facts.issuer,
    subjectDer: bytesOf(facts.subjectDer),
    issuerDer: bytesOf(facts.issuerDer),
    subjectCn: facts.subjectCn,
    notBefore: new Date(facts.notBefore),
    notAfter: new Date(facts.notAfter),
    dnsNames: list(facts.dnsNames)!,
    certificateDomains: list(facts.certificateDomains)!,
    isSelfSigned: facts.isSelfSigned,
    publicKeyAlgorithm: facts.publicKeyAlgorithm,
    publicKeySize: facts.publicKeySize,
    publicKey: bytesOf(facts.publicKey),
    signatureAlgorithm: facts.signatureAlgorithm,
    signatureAlgorithmOid: facts.signatureAlgorithmOid,
    keyUsage: list(facts.keyUsage) as readonly KeyUsageName[] | undefined,
    enhancedKeyUsage: list(facts.enhancedKeyUsage),
    isCa: facts.isCa,
    subjectKeyIdentifier: facts.subjectKeyIdentifier,
    authorityKeyIdentifier: facts.authorityKeyIdentifier,
    version: facts.version,
  });
  const extensions = facts.extensions.map(([oid, critical]) => Object.freeze({ oid, critical }));
  EXTENSIONS.set(thumbprint, Object.freeze(extensions));
  rememberCertificateInfo(info);
  return info;
}

/**
 * What a state store needs to keep facts beside certificates (openSqliteStateStore's `certificateFacts`): the facts of
 * a DER being stored (none when it is no certificate), whether this process knows them, and reading them back.
 * @example openSqliteStateStore(dir, { certificateFacts: CERTIFICATE_FACTS })
 */
export const CERTIFICATE_FACTS = Object.freeze({
  write(der: Uint8Array): string | undefined {
    try {
      return certificateFactsJson(readCertificate(der));
    } catch {
      return undefined;
    }
  },
  known: knowsCertificate,
  read(der: Uint8Array, thumbprint: string, text: string): void {
    rememberCertificateFacts(der, thumbprint, text);
  },
});
