// The one place certificates get signed: @peculiar/x509's generator with explicit names, key, hash and extensions.
import { randomBytes } from 'node:crypto';
import { x509 } from './crypto-provider.js';
import { toArrayBuffer, toBytes, toHexUpper } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import type { RsaKeyPair } from './rsa-key.js';
import { toSigningKeyPair } from './signing-key.js';
import type { HashAlgorithm } from './signing-key.js';

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
  readonly extensions: readonly x509.Extension[];
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
 * Signs a certificate and returns its DER bytes.
 * @example const der = await buildCertificate({ subject, issuer: subject, publicKey: spki, signingKey: pair, hash: 'SHA-256', notBefore, notAfter, extensions: [] })
 */
export async function buildCertificate(params: BuildCertificateParams): Promise<Uint8Array> {
  const keys = await toSigningKeyPair(params.signingKey, params.hash);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: params.serialNumber ?? randomSerialNumber(),
    subject: new x509.Name(toArrayBuffer(params.subject)),
    issuer: new x509.Name(toArrayBuffer(params.issuer)),
    notBefore: params.notBefore,
    notAfter: params.notAfter,
    publicKey: toArrayBuffer(params.publicKey),
    signingKey: keys.privateKey,
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: params.hash } as Algorithm,
    extensions: [...params.extensions],
  });
  return toBytes(cert.rawData);
}
