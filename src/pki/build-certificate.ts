// The one place certificates get signed: the TBSCertificate assembled in DER and signed with node:crypto.
import { randomBytes } from 'node:crypto';
import { toBytes, toHexUpper } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import { derBitString, derIntegerBytes, derSequence, derSmallInteger, derTime, derTlv } from './der.js';
import type { RsaKeyPair } from './rsa-key.js';
import { rsaSignatureAlgorithm, signRsa } from './signing-key.js';
import type { HashAlgorithm } from './signing-key.js';

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
  /** The issuer's key (the subject's own key for a self-signed certificate). */
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

/** The INTEGER content of a hex serial: leading zero bytes dropped, a 00 added before a high bit; random when all zero. */
function serialContent(hex: string | undefined): Uint8Array {
  const text = (hex ?? '').replace(/[\n\r\t ]/g, '');
  if (text !== '' && !/^[0-9a-fA-F]+$/.test(text)) throw new TypeError("Argument 'hexString' is not HEX encoded");
  let bytes: Uint8Array = Buffer.from(text.length % 2 ? `0${text}` : text, 'hex');
  if (!bytes.some((b) => b > 0)) bytes = randomBytes(16);
  let first = 0;
  while (first < bytes.length - 1 && bytes[first] === 0) first++;
  bytes = bytes.subarray(first);
  return bytes[0]! > 0x7f ? Uint8Array.of(0, ...bytes) : bytes;
}

/**
 * Signs a version 3 certificate and returns its DER bytes.
 * @example const der = await buildCertificate({ subject, issuer: subject, publicKey: spki, signingKey: pair, hash: 'SHA-256', notBefore, notAfter, extensions: [] })
 */
export async function buildCertificate(params: BuildCertificateParams): Promise<Uint8Array> {
  const algorithm = rsaSignatureAlgorithm(params.signingKey, params.hash);
  const extensions = params.extensions.map((e) => new Uint8Array(e.rawData));
  const tbs = derSequence(
    derTlv(0xa0, derSmallInteger(2)),
    derIntegerBytes(serialContent(params.serialNumber ?? randomSerialNumber())),
    algorithm,
    toBytes(params.issuer),
    derSequence(derTime(params.notBefore), derTime(params.notAfter)),
    toBytes(params.subject),
    toBytes(params.publicKey),
    // The extensions field is always written, empty when there are none (as @peculiar/x509 did).
    derTlv(0xa3, derSequence(...extensions)),
  );
  return derSequence(tbs, algorithm, derBitString(signRsa(params.signingKey, params.hash, tbs)));
}
