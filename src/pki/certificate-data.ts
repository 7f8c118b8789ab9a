// What Import-ExchangeCertificate does with -FileData / -Instance before the server loads it (rule 59).
import forge from 'node-forge';
import { toBytes } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import { readCertificate } from './certificate-info.js';
import { signedDataCertificates } from './pkcs7.js';

/** What the decoded data is. */
export type CertificateDataKind = 'pfx' | 'certificate' | 'pkcs7' | 'unreadable';

/** The outcome of decoding import data. */
export interface DecodedCertificateData {
  readonly kind: CertificateDataKind;
  /** The base64 text the cmdlet sends to the server (header and footer removed). */
  readonly text: string;
  /** The decoded bytes; undefined when the text is empty or not base64. */
  readonly bytes: Uint8Array | undefined;
  /** The certificate (kind `certificate`) or the certificates in file order (kind `pkcs7`), DER. */
  readonly certificates: readonly Uint8Array[];
  /** Why the data is unreadable: `empty` (the cmdlet's own ReadError), `invalid-base64`, or `unknown-format`. */
  readonly reason?: 'empty' | 'invalid-base64' | 'unknown-format';
}

const MARKERS = {
  begin: ['-----BEGIN CERTIFICATE-----', '-----BEGIN PKCS7-----'],
  end: ['-----END CERTIFICATE-----', '-----END PKCS7-----'],
} as const;

/**
 * The text Import-ExchangeCertificate makes of FileData bytes (CertificateEnroller.ToBase64String +
 * RemoveBase64HeaderFooter): bytes all below 0x7F are read as text, anything else is base64-encoded; then the text is
 * trimmed and ONE leading BEGIN CERTIFICATE/PKCS7 marker and ONE trailing END marker are cut off (case-insensitive).
 * @example certificateDataToText(Buffer.from(pem)) // 'MIIC...' (body only, line breaks kept)
 */
export function certificateDataToText(bytes: BinaryInput): string {
  const data = toBytes(bytes);
  const isText = data.every((b) => b < 0x7f);
  return removeHeaderFooter(isText ? Buffer.from(data).toString('latin1') : Buffer.from(data).toString('base64'));
}

function removeHeaderFooter(text: string): string {
  let out = text.trim();
  const lower = (): string => out.toLowerCase();
  const begin = MARKERS.begin.find((m) => lower().startsWith(m.toLowerCase()));
  if (begin) out = out.slice(begin.length);
  const end = MARKERS.end.find((m) => lower().endsWith(m.toLowerCase()));
  if (end) out = out.slice(0, out.length - end.length);
  return out;
}

/**
 * Decodes and classifies FileData bytes the way Import-ExchangeCertificate reads them (see {@link certificateDataToText}).
 * A PEM file with several certificates or with text before the marker does not decode (kind `unreadable`), as on Exchange.
 * @example decodeCertificateData(readFileSync('mail.pfx')).kind // 'pfx'
 */
export function decodeCertificateData(bytes: BinaryInput): DecodedCertificateData {
  return classify(certificateDataToText(bytes));
}

/**
 * Decodes and classifies `-Instance` strings (joined without separator, as the cmdlet does).
 * @example decodeCertificateText([pemText]).kind // 'certificate'
 */
export function decodeCertificateText(instance: string | readonly string[]): DecodedCertificateData {
  return classify(removeHeaderFooter(typeof instance === 'string' ? instance : instance.join('')));
}

function classify(text: string): DecodedCertificateData {
  const result = (kind: CertificateDataKind, rest: Partial<DecodedCertificateData> = {}): DecodedCertificateData =>
    Object.freeze({ kind, text, bytes: undefined, certificates: Object.freeze([]), ...rest });
  if (text.length === 0) return result('unreadable', { reason: 'empty' });
  const bytes = fromBase64Strict(text);
  if (!bytes || bytes.length === 0) return result('unreadable', { reason: 'invalid-base64' });
  const cert = tryCertificate(bytes);
  if (cert) return result('certificate', { bytes, certificates: Object.freeze([cert]) });
  const certs = tryPkcs7(bytes);
  if (certs) return result('pkcs7', { bytes, certificates: Object.freeze(certs) });
  if (looksLikePfx(bytes)) return result('pfx', { bytes });
  return result('unreadable', { bytes, reason: 'unknown-format' });
}

/** .NET Convert.FromBase64String: white space (space, tab, CR, LF) ignored, otherwise strict alphabet and padding. */
function fromBase64Strict(text: string): Uint8Array | undefined {
  const b64 = text.replace(/[ \t\r\n]/g, '');
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return undefined;
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

function tryCertificate(bytes: Uint8Array): Uint8Array | undefined {
  try {
    readCertificate(bytes);
    return bytes;
  } catch {
    return undefined;
  }
}

/** The certificates of a PKCS#7 SignedData (certs-only .p7b), via @peculiar/asn1-cms with node-forge as fallback for BER. */
function tryPkcs7(bytes: Uint8Array): Uint8Array[] | undefined {
  try {
    const certificates = signedDataCertificates(bytes);
    for (const der of certificates) readCertificate(der);
    return certificates;
  } catch {
    // try node-forge below
  }
  try {
    const msg = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(Buffer.from(bytes).toString('binary'), false));
    if (!('certificates' in msg)) return undefined;
    return msg.certificates.map(
      (c) => new Uint8Array(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary')),
    );
  } catch {
    return undefined;
  }
}

/** PFX shape (RFC 7292): SEQUENCE { INTEGER 3, ContentInfo { OID data | signedData, ... }, ... }, checked with forge's ASN.1 reader. */
function looksLikePfx(bytes: Uint8Array): boolean {
  try {
    const top = forge.asn1.fromDer(Buffer.from(bytes).toString('binary'), false);
    const [version, authSafe] = Array.isArray(top.value) ? top.value : [];
    if (!version || !authSafe || version.type !== forge.asn1.Type.INTEGER || !Array.isArray(authSafe.value))
      return false;
    if (typeof version.value !== 'string' || version.value !== '\x03') return false;
    const contentType = authSafe.value[0];
    if (!contentType || contentType.type !== forge.asn1.Type.OID || typeof contentType.value !== 'string') return false;
    const oid = forge.asn1.derToOid(contentType.value);
    return oid === forge.pki.oids['data'] || oid === forge.pki.oids['signedData'];
  } catch {
    return false;
  }
}
