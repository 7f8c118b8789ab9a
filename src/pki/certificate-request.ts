// PKCS#10 certificate requests as New-ExchangeCertificate -GenerateRequest makes and prints them.
import { toBytes } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import { dnsSanExtension, ekuExtension, keyUsageExtension, sanDnsNames, subjectKeyIdentifierExtension } from './certificate-extensions.js';
import type { CertificateExtension } from './certificate-extensions.js';
import { derBitString, derOid, derSequence, derSet, derSmallInteger, derTlv } from './der.js';
import { isValidDnsName } from './dns-name.js';
import { LruCache } from './lru-cache.js';
import { pemBlocks } from './pem.js';
import { PkiError } from './pki-error.js';
import { readRequestDer, verifyRequestSignature } from './request-der.js';
import { exportPublicKeySpki, publicKeySizeBits, toKeyPair } from './rsa-key.js';
import type { PrivateKeyInput } from './rsa-key.js';
import { rsaSignatureAlgorithm, signRsa } from './signing-key.js';
import type { HashAlgorithm } from './signing-key.js';
import { thumbprintOf } from './thumbprint.js';
import { signatureAlgorithmName } from './windows-oid-names.js';
import { cnOf, encodeX500Name, formatWindowsName, parseX500Name } from './x500-name.js';
import type { X500Name, X500NameOrder } from './x500-name.js';

/** What to put in a new request. */
export interface CreateCertificateRequestOptions {
  /** The subject as Exchange's `-SubjectName` takes it, or already parsed. */
  readonly subject: string | X500Name;
  /** SAN DNS names; no SAN extension when empty or omitted. */
  readonly dnsNames?: readonly string[];
  readonly key: PrivateKeyInput;
  /** DER order of the subject; default `as-written`, what CertEnroll's `CX500DistinguishedName.Encode(name, XCN_CERT_X500_NAME_STR)` does. */
  readonly subjectOrder?: X500NameOrder;
  /** Signature hash, default SHA-256. */
  readonly hash?: HashAlgorithm;
}

/** The facts of a request, whichever form it was read from. */
export interface CertificateRequestInfo {
  /** DER bytes (what `-BinaryEncoded` puts in FileData). */
  readonly der: Uint8Array;
  /** The request as Exchange prints it (SEMANTICS rule 52). */
  readonly text: string;
  /** Subject in Windows display form (last RDN first). */
  readonly subject: string;
  readonly subjectDer: Uint8Array;
  readonly subjectCn: string | undefined;
  /** SAN DNS names from the extensionRequest attribute, in order. */
  readonly dnsNames: readonly string[];
  /** SubjectPublicKeyInfo DER. */
  readonly publicKey: Uint8Array;
  readonly publicKeySize: number;
  /** Windows' name for the signature algorithm, e.g. `sha256RSA`. */
  readonly signatureAlgorithm: string;
}

const BEGIN = '-----BEGIN NEW CERTIFICATE REQUEST-----';
const END = '-----END NEW CERTIFICATE REQUEST-----';
const CRLF = '\r\n';

const EXTENSION_REQUEST_OID = '1.2.840.113549.1.9.14';

/** Parsed requests by SHA-1 of their DER (a request is read when made, when issued and when checked). */
const CACHE = new LruCache<string, CertificateRequestInfo>(256);

/**
 * Formats request DER exactly as Exchange outputs it: BEGIN NEW CERTIFICATE REQUEST line, base64 in 64-character
 * lines, every line (the last included) ending in CR LF, no blank line.
 * @example formatExchangeRequestText(der).startsWith('-----BEGIN NEW CERTIFICATE REQUEST-----\r\nMII') // true
 */
export function formatExchangeRequestText(der: BinaryInput): string {
  const b64 = Buffer.from(toBytes(der)).toString('base64');
  let body = '';
  for (let i = 0; i < b64.length; i += 64) body += b64.slice(i, i + 64) + CRLF;
  return BEGIN + CRLF + body + END + CRLF;
}

/**
 * Creates a signed PKCS#10 request like New-ExchangeCertificate -GenerateRequest: the subject, a SAN extension with
 * the DNS names (only when there are any), Key Usage digitalSignature + keyEncipherment (critical), EKU Server
 * Authentication and a Subject Key Identifier (CertEnroll adds one by default), signed with SHA-256.
 * @example
 * const pair = await generateRsaKeyPair(2048);
 * const req = await createCertificateRequest({ subject: 'C=NL, O=Contoso, CN=mail.contoso.com', dnsNames: ['mail.contoso.com'], key: pair });
 * console.log(req.text);
 */
export async function createCertificateRequest(options: CreateCertificateRequestOptions): Promise<CertificateRequestInfo> {
  const name = typeof options.subject === 'string' ? parseX500Name(options.subject) : options.subject;
  const dnsNames = options.dnsNames ?? [];
  for (const dns of dnsNames) {
    if (!isValidDnsName(dns)) throw new PkiError('INVALID_DNS_NAME', `The domain name '${dns}' is not a valid DNS or wildcard name.`);
  }
  const pair = toKeyPair(options.key);
  const spki = exportPublicKeySpki(pair);
  const extensions: CertificateExtension[] = [];
  if (dnsNames.length > 0) extensions.push(dnsSanExtension(dnsNames));
  extensions.push(keyUsageExtension(['digitalSignature', 'keyEncipherment'], true), ekuExtension(), await subjectKeyIdentifierExtension(spki));
  const hash = options.hash ?? 'SHA-256';
  const algorithm = rsaSignatureAlgorithm(pair, hash);
  const extensionRequest = derSequence(derOid(EXTENSION_REQUEST_OID), derSet(derSequence(...extensions.map((e) => new Uint8Array(e.rawData)))));
  const info = derSequence(derSmallInteger(0), encodeX500Name(name, options.subjectOrder ?? 'as-written'), spki, derTlv(0xa0, extensionRequest));
  return parseCertificateRequest(derSequence(info, algorithm, derBitString(signRsa(pair, hash, info))));
}

/**
 * Reads a request from Exchange's text (`NEW CERTIFICATE REQUEST`), standard PEM (`CERTIFICATE REQUEST`), bare
 * base64, DER bytes, or text bytes in ASCII/UTF-8 or UTF-16LE (what `[Text.Encoding]::Unicode.GetBytes` writes).
 * Throws PkiError INVALID_REQUEST when it is none of these. Does not check the signature (see {@link verifyCertificateRequest}).
 * @example parseCertificateRequest(readFileSync('mail.req')).dnsNames // ['mail.contoso.com']
 */
export function parseCertificateRequest(input: string | BinaryInput): CertificateRequestInfo {
  const der = requestDer(input);
  return CACHE.get(thumbprintOf(der), () => {
    let fields;
    try {
      fields = readRequestDer(der);
    } catch (cause) {
      throw new PkiError('INVALID_REQUEST', 'The data is not a PKCS#10 certificate request.', { cause });
    }
    const { subjectDer, spki } = fields;
    return Object.freeze({
      der: new Uint8Array(der),
      text: formatExchangeRequestText(der),
      subject: formatWindowsName(subjectDer),
      subjectDer,
      subjectCn: cnOf(subjectDer),
      dnsNames: sanDnsNames(fields.extensions.get('2.5.29.17')),
      publicKey: spki,
      publicKeySize: publicKeySizeBits(spki),
      signatureAlgorithm: signatureAlgorithmName(fields.signatureOid),
    });
  });
}

/**
 * True when the request's self-signature verifies with its own public key.
 * @example await verifyCertificateRequest(req.text) // true
 */
export async function verifyCertificateRequest(input: string | BinaryInput | CertificateRequestInfo): Promise<boolean> {
  const der = typeof input === 'object' && 'der' in input ? input.der : requestDer(input);
  try {
    return await verifyRequestSignature(der);
  } catch {
    return false;
  }
}

/** The DER of a request given in any accepted form. */
function requestDer(input: string | BinaryInput): Uint8Array {
  if (typeof input === 'string') return derFromText(input);
  const bytes = toBytes(input);
  if (bytes[0] === 0x30) {
    try {
      readRequestDer(bytes);
      return bytes;
    } catch {
      // not DER after all: fall through to text
    }
  }
  return derFromText(bytesToText(bytes));
}

/** Decodes text bytes: UTF-16LE (with BOM, or ASCII text with zero high bytes), else UTF-8 (BOM dropped). */
function bytesToText(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf.length >= 2 && buf[0] !== 0 && buf[1] === 0) return buf.toString('utf16le');
  const text = buf.toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function derFromText(text: string): Uint8Array {
  const blocks = pemBlocks(text);
  if (blocks.length > 0) {
    const block = blocks.find((b) => b.label === 'NEW CERTIFICATE REQUEST' || b.label === 'CERTIFICATE REQUEST');
    if (!block) throw new PkiError('INVALID_REQUEST', `The text holds no certificate request (found ${blocks.map((b) => b.label).join(', ')}).`);
    return block.der;
  }
  const b64 = text.replace(/\s+/g, '');
  if (b64 === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) {
    throw new PkiError('INVALID_REQUEST', 'The data is not a certificate request (no PEM block, not base64 and not DER).');
  }
  return toBytes(Buffer.from(b64, 'base64'));
}
