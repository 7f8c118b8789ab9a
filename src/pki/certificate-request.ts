// PKCS#10 certificate requests as New-ExchangeCertificate -GenerateRequest makes and prints them.
import { createPublicKey, verify } from 'node:crypto';
import { Attributes, CertificationRequest, CertificationRequestInfo } from '@peculiar/asn1-csr';
import { id_pkcs9_at_extensionRequest } from '@peculiar/asn1-pkcs9';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Attribute, Extensions } from '@peculiar/asn1-x509';
import { parseAsn } from './asn1.js';
import { toArrayBuffer, toBytes } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import {
  dnsSanExtension,
  ekuExtension,
  extensionAsn,
  keyUsageExtension,
  sanDnsNames,
  subjectKeyIdentifierExtension,
} from './certificate-extensions.js';
import type { CertificateExtension } from './certificate-extensions.js';
import { isValidDnsName } from './dns-name.js';
import { LruCache } from './lru-cache.js';
import { pemBlocks } from './pem.js';
import { PkiError } from './pki-error.js';
import { exportPublicKeySpki, publicKeySizeBits, toKeyPair } from './rsa-key.js';
import type { PrivateKeyInput } from './rsa-key.js';
import { rsaSignatureAlgorithm, signRsa } from './signing-key.js';
import type { HashAlgorithm } from './signing-key.js';
import { parseSpki } from './spki.js';
import { thumbprintOf } from './thumbprint.js';
import { signatureAlgorithmName } from './windows-oid-names.js';
import { cnOf, encodeX500Name, formatX500Name, parsedX500Name, parseX500Name, x500NameOf } from './x500-name.js';
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
export async function createCertificateRequest(
  options: CreateCertificateRequestOptions,
): Promise<CertificateRequestInfo> {
  const name = typeof options.subject === 'string' ? parseX500Name(options.subject) : options.subject;
  const dnsNames = options.dnsNames ?? [];
  for (const dns of dnsNames) {
    if (!isValidDnsName(dns))
      throw new PkiError('INVALID_DNS_NAME', `The domain name '${dns}' is not a valid DNS or wildcard name.`);
  }
  const pair = toKeyPair(options.key);
  const spki = exportPublicKeySpki(pair);
  const extensions: CertificateExtension[] = [];
  if (dnsNames.length > 0) extensions.push(dnsSanExtension(dnsNames));
  extensions.push(
    keyUsageExtension(['digitalSignature', 'keyEncipherment'], true),
    ekuExtension(),
    await subjectKeyIdentifierExtension(spki),
  );
  const hash = options.hash ?? 'SHA-256';
  const signatureAlgorithm = rsaSignatureAlgorithm(pair, hash);
  // The request as @peculiar/x509's Pkcs10CertificateRequestGenerator lays it out, signed with node:crypto.
  const extensionRequest = new Attribute({
    type: id_pkcs9_at_extensionRequest,
    values: [AsnConvert.serialize(new Extensions(extensions.map(extensionAsn)))],
  });
  const subjectDer = encodeX500Name(name, options.subjectOrder ?? 'as-written');
  const info = new CertificationRequestInfo({
    subject: parsedX500Name(subjectDer),
    subjectPKInfo: parseSpki(spki),
    attributes: new Attributes([extensionRequest]),
  });
  const infoDer = AsnConvert.serialize(info);
  const request = new CertificationRequest({
    certificationRequestInfo: info,
    certificationRequestInfoRaw: infoDer,
    signatureAlgorithm,
    signature: signRsa(pair, hash, infoDer),
  });
  const der = toBytes(AsnConvert.serialize(request));
  return CACHE.get(thumbprintOf(der), () => requestInfo(der, request, { subjectDer, spki }));
}

/**
 * Reads a request from Exchange's text (`NEW CERTIFICATE REQUEST`), standard PEM (`CERTIFICATE REQUEST`), bare
 * base64, DER bytes, or text bytes in ASCII/UTF-8 or UTF-16LE (what `[Text.Encoding]::Unicode.GetBytes` writes).
 * Throws PkiError INVALID_REQUEST when it is none of these. Does not check the signature (see {@link verifyCertificateRequest}).
 * @example parseCertificateRequest(readFileSync('mail.req')).dnsNames // ['mail.contoso.com']
 */
export function parseCertificateRequest(input: string | BinaryInput): CertificateRequestInfo {
  const { der, thumbprint, asn } = requestDer(input);
  return CACHE.get(thumbprint, () => requestInfo(der, asn));
}

/** The facts of a request from its parse (made here when not given), or from the parts it was just made of. */
function requestInfo(
  der: Uint8Array,
  asn: CertificationRequest | undefined,
  built?: { subjectDer: Uint8Array; spki: Uint8Array },
): CertificateRequestInfo {
  let request: CertificationRequest;
  try {
    request = asn ?? parseAsn(der, CertificationRequest);
  } catch (cause) {
    throw new PkiError('INVALID_REQUEST', 'The data is not a PKCS#10 certificate request.', { cause });
  }
  const { subject, subjectPKInfo } = request.certificationRequestInfo;
  const subjectDer = built?.subjectDer ?? toBytes(AsnConvert.serialize(subject));
  const spki = built?.spki ?? toBytes(AsnConvert.serialize(subjectPKInfo));
  const subjectName = x500NameOf(subject);
  const info: CertificateRequestInfo = Object.freeze({
    der: new Uint8Array(der),
    text: formatExchangeRequestText(der),
    subject: formatX500Name([...subjectName].reverse()),
    subjectDer,
    subjectCn: cnOf(subjectName),
    dnsNames: sanDnsNames(requestExtensions(request).get('2.5.29.17')),
    publicKey: spki,
    publicKeySize: publicKeySizeBits(spki),
    signatureAlgorithm: signatureAlgorithmName(request.signatureAlgorithm.algorithm),
  });
  PARSED.set(info, request);
  return info;
}

/** The @peculiar/asn1-csr parse of each request read (its signature is checked from it). */
const PARSED = new WeakMap<CertificateRequestInfo, CertificationRequest>();

/** extnValue contents of the extensionRequest attribute by OID (the first of each). */
function requestExtensions(request: CertificationRequest): ReadonlyMap<string, ArrayBuffer> {
  const out = new Map<string, ArrayBuffer>();
  const attribute = request.certificationRequestInfo.attributes.find((a) => a.type === id_pkcs9_at_extensionRequest);
  const first = attribute?.values[0];
  if (first)
    for (const ext of parseAsn(first, Extensions)) if (!out.has(ext.extnID)) out.set(ext.extnID, ext.extnValue.buffer);
  return out;
}

// Signature OIDs node:crypto checks directly (RSA PKCS#1 v1.5 and ECDSA); others go through @peculiar/x509.
const HASH_BY_SIGNATURE_OID: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

/**
 * True when the request's self-signature verifies with its own public key.
 * @example await verifyCertificateRequest(req.text) // true
 */
export async function verifyCertificateRequest(input: string | BinaryInput | CertificateRequestInfo): Promise<boolean> {
  const given = typeof input === 'object' && 'der' in input ? input : undefined;
  const der = given ? given.der : requestDer(input as string | BinaryInput).der;
  try {
    const request = (given && PARSED.get(given)) ?? parseAsn(der, CertificationRequest);
    const hash = HASH_BY_SIGNATURE_OID[request.signatureAlgorithm.algorithm];
    if (hash === undefined || !request.certificationRequestInfoRaw) {
      const { x509 } = await import('./crypto-provider.js');
      return await new x509.Pkcs10CertificateRequest(toArrayBuffer(der)).verify();
    }
    const spki =
      given?.publicKey ?? new Uint8Array(AsnConvert.serialize(request.certificationRequestInfo.subjectPKInfo));
    const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    return verify(hash, new Uint8Array(request.certificationRequestInfoRaw), key, new Uint8Array(request.signature));
  } catch {
    return false;
  }
}

/** A request's DER in any accepted form, its SHA-1 (the cache key) and, when the DER was parsed to tell it from text, the parse. */
function requestDer(input: string | BinaryInput): { der: Uint8Array; thumbprint: string; asn?: CertificationRequest } {
  if (typeof input === 'string') return withThumbprint(derFromText(input));
  const bytes = toBytes(input);
  if (bytes[0] === 0x30) {
    const thumbprint = thumbprintOf(bytes);
    if (CACHE.peek(thumbprint)) return { der: bytes, thumbprint };
    try {
      return { der: bytes, thumbprint, asn: parseAsn(bytes, CertificationRequest) };
    } catch {
      // not DER after all: fall through to text
    }
  }
  return withThumbprint(derFromText(bytesToText(bytes)));
}

const withThumbprint = (der: Uint8Array): { der: Uint8Array; thumbprint: string } => ({
  der,
  thumbprint: thumbprintOf(der),
});

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
    if (!block)
      throw new PkiError(
        'INVALID_REQUEST',
        `The text holds no certificate request (found ${blocks.map((b) => b.label).join(', ')}).`,
      );
    return block.der;
  }
  const b64 = text.replace(/\s+/g, '');
  if (b64 === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) {
    throw new PkiError(
      'INVALID_REQUEST',
      'The data is not a certificate request (no PEM block, not base64 and not DER).',
    );
  }
  return toBytes(Buffer.from(b64, 'base64'));
}
