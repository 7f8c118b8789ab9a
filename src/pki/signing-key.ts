// Bridges node:crypto key objects to the WebCrypto keys @peculiar/x509 signs with.
import { crypto } from './crypto-provider.js';
import { toArrayBuffer, toBytes } from './bytes.js';
import { PkiError } from './pki-error.js';
import type { RsaKeyPair } from './rsa-key.js';

/** Signature hashes the PKI layer signs with; Exchange uses SHA-256 (2013 CU13+) or SHA-1 (setup, older builds). */
export type HashAlgorithm = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/**
 * The pair as a WebCrypto RSASSA-PKCS1-v1_5 key pair bound to `hash` (@peculiar/x509 takes the hash from the key).
 * @example const keys = await toSigningKeyPair(pair, 'SHA-1')
 */
export async function toSigningKeyPair(pair: RsaKeyPair, hash: HashAlgorithm): Promise<CryptoKeyPair> {
  if (pair.privateKey.asymmetricKeyType !== 'rsa') {
    throw new PkiError('INVALID_KEY', `Only RSA keys can sign here, got a ${pair.privateKey.asymmetricKeyType ?? 'unknown'} key.`);
  }
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash };
  const pkcs8 = toArrayBuffer(toBytes(pair.privateKey.export({ type: 'pkcs8', format: 'der' })));
  const spki = toArrayBuffer(toBytes(pair.publicKey.export({ type: 'spki', format: 'der' })));
  const [privateKey, publicKey] = await Promise.all([
    crypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']),
    crypto.subtle.importKey('spki', spki, algorithm, true, ['verify']),
  ]);
  return { privateKey, publicKey };
}
