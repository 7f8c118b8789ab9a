// The one place certificates get signed: the TBSCertificate built with @peculiar/asn1-x509 (as @peculiar/x509's generator does) and signed with node:crypto.
import { randomBytes } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, Extensions, TBSCertificate, Validity, Version } from '@peculiar/asn1-x509';
import { toBytes, toHexUpper } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import { extensionAsn } from './certificate-extensions.js';
import { rememberBuiltCertificate } from './certificate-info.js';
import type { RsaKeyPair } from './rsa-key.js';
import { rsaSignatureAlgorithm, signRsa } from './signing-key.js';
import type { HashAlgorithm } from './signing-key.js';
import { parseSpki } from './spki.js';
import { parsedX500Name } from './x500-name.js';

/** An extension as its whole Extension DER (`rawData`): ours (certificate-extensions.ts) or an @peculiar/x509 one. */
export interface ExtensionInput {
  readonly rawData: ArrayBuffer;
}

/** Everything a certificate is made of; names and the public key as DER. */
export interface BuildCertificateParams {
  readonly subject: BinaryInput;
  readonly issuer: BinaryInput;
  /** SubjectPublicKeyInfo DER of the certified key. */
  readonly publicKey: BinaryInput;
  /** The issuer's key pair (the subject's own pair for self-signed certificates). */
  readonly signingKey: RsaKeyPair;
  readonly hash: HashAlgorithm;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Serial number as hex; random 16 bytes when omitted. */
  readonly serialNumber?: string;
  readonly extensions: readonly ExtensionInput[];
}

/**
 * A random 16-byte positive serial number in hex whose first byte is 01-7F, so DER needs no leading zero byte.
 * @example randomSerialNumber() // '5A0F...' (32 hex digits)
 */
export function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! % 0x7f) + 1;
  return toHexUpper(bytes);
}

/**
 * The serial's INTEGER content as @peculiar/x509's generator makes it: hex read as bytes (random 16 bytes when
 * empty or all zero), leading zero bytes dropped and a 00 put before a high bit so that it stays positive.
 */
function serialContent(hex: string | undefined): ArrayBuffer {
  const text = (hex ?? '').replace(/[\n\r\t ]/g, '');
  if (text !== '' && !/^[0-9a-fA-F]+$/.test(text)) throw new TypeError("Argument 'hexString' is not HEX encoded");
  let bytes: Uint8Array = Buffer.from(text.length % 2 ? `0${text}` : text, 'hex');
  if (!bytes.some((b) => b > 0)) bytes = randomBytes(16);
  let first = 0;
  while (first < bytes.length - 1 && bytes[first] === 0) first++;
  bytes = bytes.subarray(first);
  return (bytes[0]! > 0x7f ? Uint8Array.of(0, ...bytes) : Uint8Array.from(bytes)).buffer;
}

/**
 * Signs a version 3 certificate and returns its DER bytes.
 * @example const der = await buildCertificate({ subject, issuer: subject, publicKey: spki, signingKey: pair, hash: 'SHA-256', notBefore, notAfter, extensions: [] })
 */
export async function buildCertificate(params: BuildCertificateParams): Promise<Uint8Array> {
  const algorithm = rsaSignatureAlgorithm(params.signingKey, params.hash);
  const subjectDer = toBytes(params.subject);
  const issuerDer = toBytes(params.issuer);
  const spki = toBytes(params.publicKey);
  // Names, key and extensions as @peculiar/asn1-x509 objects: remembered ones when they were made or read before.
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: serialContent(params.serialNumber ?? randomSerialNumber()),
    signature: algorithm,
    issuer: parsedX500Name(issuerDer),
    // Time keeps whole seconds: UTCTime before 2050, GeneralizedTime from then on (RFC 5280).
    validity: new Validity({ notBefore: params.notBefore, notAfter: params.notAfter }),
    subject: parsedX500Name(subjectDer),
    subjectPublicKeyInfo: parseSpki(spki),
    // The extensions field is always written, empty when there are none (as @peculiar/x509 does).
    extensions: new Extensions(params.extensions.map(extensionAsn)),
  });
  const tbsDer = AsnConvert.serialize(tbs);
  const asn = new Certificate({
    tbsCertificate: tbs,
    tbsCertificateRaw: tbsDer,
    signatureAlgorithm: algorithm,
    signatureValue: signRsa(params.signingKey, params.hash, tbsDer),
  });
  const der = toBytes(AsnConvert.serialize(asn));
  rememberBuiltCertificate(der, { asn, subjectDer, issuerDer, spki });
  return der;
}
