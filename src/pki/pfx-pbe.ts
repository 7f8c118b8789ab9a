// pbeWithSHAAnd3-KeyTripleDES-CBC (RFC 7292 appendix C) for PKCS#12 contents: parameters with @peculiar/asn1-schema,
// keys from node-forge's PKCS#12 key derivation, the cipher from node:crypto.
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { id_pbeWithSHAAnd3_KeyTripleDES_CBC } from '@peculiar/asn1-pfx';
import { EncryptedData, EncryptedPrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { AsnConvert, AsnProp, AsnPropTypes, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { parseAsn } from './asn1.js';
import { pkcs12Key } from './pkcs12-key.js';

/** The data can be read here only with node-forge (an algorithm or layout this reader leaves to it). */
export class NeedsForge extends Error {}
/** Decryption failed: the password is wrong. */
export class BadDecrypt extends Error {}

/**
 * pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER } (RFC 7292 appendix C), declared for
 * @peculiar/asn1-schema: @peculiar/asn1-pfx names the PBE algorithms but has no class for their parameters.
 */
export class Pkcs12PbeParams {
  salt = new OctetString();
  iterations = 0;
  constructor(params: Partial<Pkcs12PbeParams> = {}) {
    Object.assign(this, params);
  }
}

let declared = false;

/** Declares Pkcs12PbeParams' fields on first use: loading this module loads no ASN.1 package (a Get reads no PFX). */
function declarePbeParams(): void {
  if (declared) return;
  declared = true;
  AsnProp({ type: OctetString })(Pkcs12PbeParams.prototype, 'salt');
  AsnProp({ type: AsnPropTypes.Integer })(Pkcs12PbeParams.prototype, 'iterations');
}

/** Key and IV of pbeWithSHAAnd3-KeyTripleDES-CBC. */
function tripleDesKeys(password: string | undefined, params: Pkcs12PbeParams): { key: Buffer; iv: Buffer } {
  const salt = new Uint8Array(params.salt.buffer);
  return {
    key: pkcs12Key(password, salt, 1, params.iterations, 24),
    iv: pkcs12Key(password, salt, 2, params.iterations, 8),
  };
}

/**
 * Decrypts `data` with pbeWithSHAAnd3-KeyTripleDES-CBC; throws NeedsForge for any other algorithm (PBES2, RC2, ...)
 * and BadDecrypt when the padding is wrong.
 */
export function pbeDecrypt(
  algorithm: AlgorithmIdentifier,
  data: ArrayBuffer,
  password: string | undefined,
): Uint8Array {
  if (algorithm.algorithm !== id_pbeWithSHAAnd3_KeyTripleDES_CBC || !algorithm.parameters)
    throw new NeedsForge(`PBE algorithm ${algorithm.algorithm}`);
  declarePbeParams();
  const params = parseAsn(algorithm.parameters, Pkcs12PbeParams);
  // An empty salt or ciphertext is how a BER constructed OCTET STRING reads here: node-forge reads those.
  if (params.salt.byteLength === 0 || data.byteLength === 0 || !(params.iterations >= 1))
    throw new NeedsForge('PBE parameters');
  const { key, iv } = tripleDesKeys(password, params);
  const decipher = createDecipheriv('des-ede3-cbc', key, iv);
  try {
    return Buffer.concat([decipher.update(new Uint8Array(data)), decipher.final()]);
  } catch (cause) {
    throw new BadDecrypt('decryption failed', { cause });
  }
}

/**
 * An EncryptedPrivateKeyInfo (pbeWithSHAAnd3-KeyTripleDES-CBC) of a PrivateKeyInfo, as Windows exports keys.
 * @example encrypt3desPrivateKeyInfo(pkcs8, 'Pass1word', 2000, randomBytes(8))
 */
export function encrypt3desPrivateKeyInfo(
  pkcs8: Uint8Array,
  password: string,
  iterations: number,
  salt: Uint8Array,
): EncryptedPrivateKeyInfo {
  declarePbeParams();
  const params = new Pkcs12PbeParams({ salt: new OctetString(salt), iterations });
  const { key, iv } = tripleDesKeys(password, params);
  const cipher = createCipheriv('des-ede3-cbc', key, iv);
  return new EncryptedPrivateKeyInfo({
    encryptionAlgorithm: new AlgorithmIdentifier({
      algorithm: id_pbeWithSHAAnd3_KeyTripleDES_CBC,
      parameters: AsnConvert.serialize(params),
    }),
    encryptedData: new EncryptedData(Buffer.concat([cipher.update(pkcs8), cipher.final()])),
  });
}
