// Password-based encryption of PKCS#12 contents with node:crypto: pbeWithSHAAnd3-KeyTripleDES-CBC and PBES2 (PBKDF2 + AES/3DES).
import { createCipheriv, createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { DerError, decodeOid, derChildren, derContent, derOctetString, derOid, derSequence, derSmallInteger, expectTag } from './der.js';
import type { DerNode } from './der.js';
import { pkcs12Kdf } from './pkcs12-kdf.js';

/** The OIDs of PFX files. */
export const PFX_OIDS = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  pbe3des: '1.2.840.113549.1.12.1.3',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
} as const;

/** Hashes by DigestInfo / PRF OID: node name, output and block length. */
export const HASHES: Readonly<Record<string, { readonly name: string; readonly u: number; readonly v: number }>> = {
  '1.3.14.3.2.26': { name: 'sha1', u: 20, v: 64 },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256', u: 32, v: 64 },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384', u: 48, v: 128 },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512', u: 64, v: 128 },
};
const PRFS: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.7': 'sha1', '1.2.840.113549.2.9': 'sha256', '1.2.840.113549.2.10': 'sha384', '1.2.840.113549.2.11': 'sha512',
};
const CIPHERS: Readonly<Record<string, { readonly name: string; readonly keyLength: number }>> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};

/** The data can be read here only with node-forge (an algorithm or layout this reader leaves to it). */
export class NeedsForge extends Error {}
/** Decryption failed: the password is wrong. */
export class BadDecrypt extends Error {}

const integer = (node: DerNode | undefined): number => {
  const bytes = derContent(expectTag(node, 0x02, 'INTEGER'));
  if (bytes.length > 4) throw new DerError('INTEGER too large');
  return bytes.reduce((n, b) => n * 256 + b, 0);
};

/**
 * Decrypts `data` with the algorithm an AlgorithmIdentifier names; throws NeedsForge for other algorithms (RC2, ...) and
 * BadDecrypt when the padding is wrong.
 */
export function pbeDecrypt(algorithm: DerNode, data: Uint8Array, password: string | undefined): Uint8Array {
  const [oidNode, params] = derChildren(expectTag(algorithm, 0x30, 'AlgorithmIdentifier'));
  const oid = decodeOid(derContent(expectTag(oidNode, 0x06, 'algorithm')));
  let decipher;
  if (oid === PFX_OIDS.pbe3des) {
    const [salt, count] = derChildren(expectTag(params, 0x30, 'pkcs-12PbeParams'));
    const s = Buffer.from(derContent(expectTag(salt, 0x04, 'salt')));
    const iterations = integer(count);
    decipher = createDecipheriv('des-ede3-cbc', pkcs12Kdf(password, s, 1, iterations, 24), pkcs12Kdf(password, s, 2, iterations, 8));
  } else if (oid === PFX_OIDS.pbes2) {
    // node-forge keys PBKDF2 with the password's characters as bytes: the same as UTF-8 for ASCII passwords only.
    if (password === undefined || !/^[\x20-\x7e]*$/.test(password)) throw new NeedsForge('PBES2 with this password');
    const [kdf, scheme] = derChildren(expectTag(params, 0x30, 'PBES2-params'));
    const [kdfOid, kdfParams] = derChildren(expectTag(kdf, 0x30, 'keyDerivationFunc'));
    if (decodeOid(derContent(expectTag(kdfOid, 0x06, 'kdf'))) !== PFX_OIDS.pbkdf2) throw new NeedsForge('not PBKDF2');
    const [salt, count, ...rest] = derChildren(expectTag(kdfParams, 0x30, 'PBKDF2-params'));
    const prfNode = rest.find((n) => n.tag === 0x30);
    const prf = prfNode ? PRFS[decodeOid(derContent(expectTag(derChildren(prfNode)[0], 0x06, 'prf')))] : 'sha1';
    const [cipherOid, iv] = derChildren(expectTag(scheme, 0x30, 'encryptionScheme'));
    const cipher = CIPHERS[decodeOid(derContent(expectTag(cipherOid, 0x06, 'cipher')))];
    if (!prf || !cipher || rest.some((n) => n.tag === 0x02 && integer(n) !== cipher.keyLength)) throw new NeedsForge('PBES2 algorithm');
    const key = pbkdf2Sync(password, derContent(expectTag(salt, 0x04, 'salt')), integer(count), cipher.keyLength, prf);
    decipher = createDecipheriv(cipher.name, key, derContent(expectTag(iv, 0x04, 'iv')));
  } else {
    throw new NeedsForge(`PBE algorithm ${oid}`);
  }
  try {
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch (cause) {
    throw new BadDecrypt('decryption failed', { cause });
  }
}

/**
 * An EncryptedPrivateKeyInfo (pbeWithSHAAnd3-KeyTripleDES-CBC, 8-byte salt) of a PrivateKeyInfo, as Windows exports keys.
 * @example encrypt3desPrivateKeyInfo(pkcs8, 'Pass1word', 2000, randomBytes(8))
 */
export function encrypt3desPrivateKeyInfo(pkcs8: Uint8Array, password: string, iterations: number, salt: Buffer): Uint8Array {
  const cipher = createCipheriv('des-ede3-cbc', pkcs12Kdf(password, salt, 1, iterations, 24), pkcs12Kdf(password, salt, 2, iterations, 8));
  const encrypted = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return derSequence(derSequence(derOid(PFX_OIDS.pbe3des), derSequence(derOctetString(salt), derSmallInteger(iterations))), derOctetString(encrypted));
}

