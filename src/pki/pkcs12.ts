// PKCS#12 (.pfx) files on node-forge: writing them like Windows exports them, reading them like Exchange imports them.
import { createPublicKey } from 'node:crypto';
import forge from 'node-forge';
import { toBytes } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import { certificateDer, readCertificate } from './certificate-info.js';
import { PkiError, SOURCE_DATA_CANNOT_BE_IMPORTED } from './pki-error.js';
import { exportPrivateKeyPem, exportPublicKeySpki, toKeyPair } from './rsa-key.js';
import type { PrivateKeyInput } from './rsa-key.js';

export { decodeCertificateData, decodeCertificateText, certificateDataToText } from './certificate-data.js';
export type { CertificateDataKind, DecodedCertificateData } from './certificate-data.js';

/** PFX encryption: `3des` = pbeWithSHAAnd3-KeyTripleDES-CBC (Windows/Exchange export, rule 111); `aes256` = PBES2/PBKDF2/AES-256-CBC. */
export type PfxAlgorithm = '3des' | 'aes256';

/** What to put in a PFX. */
export interface WritePfxOptions {
  /** The private key (RSA) of `certificate`. */
  readonly key: PrivateKeyInput;
  /** The end-entity certificate (DER or PEM). */
  readonly certificate: BinaryInput | string;
  /** Further certificates (intermediates, root), DER or PEM; Exchange's own export adds none (rule 84). */
  readonly chain?: readonly (BinaryInput | string)[];
  readonly password: string;
  /** Friendly name attribute on the key and the end-entity certificate bag. */
  readonly friendlyName?: string;
  /** Default `3des`, what Exchange's export writes. */
  readonly algorithm?: PfxAlgorithm;
  /** PBE and MAC iteration count; default 2000 like Windows. */
  readonly iterations?: number;
}

/** What a PFX holds, with the certificate Exchange would install picked out (rule 65). */
export interface PfxContents {
  /** The private key as PKCS#8 DER, if the file has one. */
  readonly privateKey: Uint8Array | undefined;
  /** Every certificate in file order (DER). */
  readonly certificates: readonly Uint8Array[];
  /** Index into `certificates` of the end-entity certificate. */
  readonly endEntityIndex: number;
  /** The end-entity certificate (DER). */
  readonly endEntity: Uint8Array;
  /** The private key belongs to the end-entity certificate. */
  readonly hasPrivateKey: boolean;
  /** The friendlyName attribute of the key bag (else of the end-entity certificate bag), if any. */
  readonly friendlyName: string | undefined;
}

const binary = (bytes: Uint8Array): string => Buffer.from(bytes).toString('binary');
const fromBinary = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'binary'));

/**
 * Writes a password-protected PFX: a shrouded key bag plus certificate bags (leaf first), SHA-1 MAC, 2000 iterations.
 * With `3des` the key bag uses pbeWithSHAAnd3-KeyTripleDES-CBC as Windows does; note that node-forge leaves the
 * certificate bags unencrypted (Windows encrypts them with 3DES or RC2-40). Only RSA keys are supported.
 * @example
 * const pfx = writePfx({ key: pair, certificate: cert.der, password: 'P@ssw0rd', friendlyName: 'Microsoft Exchange' });
 */
export function writePfx(options: WritePfxOptions): Uint8Array {
  const pair = toKeyPair(options.key);
  if (pair.privateKey.asymmetricKeyType !== 'rsa') throw new PkiError('INVALID_KEY', 'Only RSA keys can be written to a PFX.');
  const leafDer = certificateDer(options.certificate);
  if (!Buffer.from(readCertificate(leafDer).publicKey).equals(Buffer.from(exportPublicKeySpki(pair)))) {
    throw new PkiError('INVALID_KEY', 'The private key does not belong to the certificate.');
  }
  const certs = [leafDer, ...(options.chain ?? []).map((c) => certificateDer(c))].map(toForgeCertificate);
  const key = forge.pki.privateKeyFromPem(exportPrivateKeyPem(pair));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, options.password, {
    algorithm: options.algorithm ?? '3des',
    count: options.iterations ?? 2000,
    generateLocalKeyId: true,
    ...(options.friendlyName !== undefined ? { friendlyName: options.friendlyName } : {}),
  });
  return fromBinary(forge.asn1.toDer(asn1).getBytes());
}

/** A forge certificate whose re-encoding is byte-identical to `der` (forge re-encodes when writing PFX files). */
function toForgeCertificate(der: Uint8Array): forge.pki.Certificate {
  let cert: forge.pki.Certificate;
  try {
    cert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(binary(der)));
  } catch (cause) {
    throw new PkiError('INVALID_CERTIFICATE', 'Only certificates with RSA keys can be written to a PFX.', { cause });
  }
  if (forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes() !== binary(der)) {
    throw new PkiError('INVALID_CERTIFICATE', 'The certificate cannot be written to a PFX without changing its bytes.');
  }
  return cert;
}

/**
 * Reads a PFX like Import-ExchangeCertificate: with the password (none or empty tries both an empty and an absent
 * password, as Windows does). A wrong password gives PkiError WRONG_PASSWORD, data that is not a readable PFX gives
 * UNREADABLE_DATA; both carry Exchange's message `The source data cannot be imported or the wrong password was specified.`
 * Reads legacy 3DES/RC2 files and OpenSSL 3 defaults (PBES2 AES-256-CBC, hmacWithSHA256, SHA-256 MAC).
 * @example
 * const pfx = readPfx(readFileSync('mail.pfx'), 'P@ssw0rd');
 * console.log(readCertificate(pfx.endEntity).thumbprint, pfx.hasPrivateKey);
 */
export function readPfx(data: BinaryInput, password?: string): PfxContents {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(binary(toBytes(data)), false);
  } catch (cause) {
    throw unreadable(cause);
  }
  const attempts: (string | undefined)[] = password === undefined || password === '' ? ['', undefined] : [password];
  let lastError: unknown;
  for (const attempt of attempts) {
    try {
      return pfxContents(decodePfx(asn1, attempt));
    } catch (error) {
      lastError = error;
      if (!(error instanceof PkiError && error.code === 'WRONG_PASSWORD')) throw error;
    }
  }
  throw lastError;
}

function unreadable(cause: unknown): PkiError {
  return new PkiError('UNREADABLE_DATA', SOURCE_DATA_CANNOT_BE_IMPORTED, { cause });
}

function decodePfx(asn1: forge.asn1.Asn1, password: string | undefined): forge.pkcs12.Pkcs12Pfx {
  try {
    // forge treats an undefined password as "no password" (no bytes), '' as the empty BMPString.
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, password as string);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const wrongPassword = /MAC could not be verified|Unable to decrypt|Failed to decrypt|Invalid password|wrong password/i.test(message);
    throw new PkiError(wrongPassword ? 'WRONG_PASSWORD' : 'UNREADABLE_DATA', SOURCE_DATA_CANNOT_BE_IMPORTED, { cause });
  }
}

function pfxContents(pfx: forge.pkcs12.Pkcs12Pfx): PfxContents {
  const bags = pfx.safeContents.flatMap((sc) => sc.safeBags);
  const certificates: Uint8Array[] = [];
  const certNames: (string | undefined)[] = [];
  let privateKey: Uint8Array | undefined;
  let keyName: string | undefined;
  for (const bag of bags) {
    if (bag.type === forge.pki.oids['certBag']) {
      const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
      certificates.push(fromBinary(forge.asn1.toDer(asn1).getBytes()));
      certNames.push(friendlyNameOf(bag));
    } else if (privateKey === undefined && (bag.type === forge.pki.oids['keyBag'] || bag.type === forge.pki.oids['pkcs8ShroudedKeyBag'])) {
      const asn1 = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
      privateKey = normalisePkcs8(fromBinary(forge.asn1.toDer(asn1).getBytes()));
      keyName = friendlyNameOf(bag);
    }
  }
  const endEntityIndex = pickEndEntityCertificate(certificates);
  const endEntity = certificates[endEntityIndex]!;
  const hasPrivateKey = privateKey !== undefined && keyMatches(privateKey, endEntity);
  return Object.freeze({
    privateKey,
    certificates: Object.freeze(certificates),
    endEntityIndex,
    endEntity,
    hasPrivateKey,
    friendlyName: keyName ?? certNames[endEntityIndex],
  });
}

/** Re-exports a decrypted key through node:crypto; garbage from a wrong password without MAC fails here. */
function normalisePkcs8(der: Uint8Array): Uint8Array {
  try {
    const key = toKeyPair(der);
    return toBytes(key.privateKey.export({ type: 'pkcs8', format: 'der' }));
  } catch (cause) {
    throw new PkiError('WRONG_PASSWORD', SOURCE_DATA_CANNOT_BE_IMPORTED, { cause });
  }
}

function keyMatches(pkcs8: Uint8Array, certDer: Uint8Array): boolean {
  const spki = createPublicKey(toKeyPair(pkcs8).privateKey).export({ type: 'spki', format: 'der' });
  return Buffer.from(spki).equals(Buffer.from(readCertificate(certDer).publicKey));
}

function friendlyNameOf(bag: forge.pkcs12.Bag): string | undefined {
  const names = (bag.attributes as Record<string, unknown>)['friendlyName'];
  return Array.isArray(names) && typeof names[0] === 'string' ? names[0] : undefined;
}

/**
 * Which certificate Exchange installs from a PFX or PKCS#7 (FindImportedCertificate, rule 65): the only one if
 * there is one, else the first with a Key Usage extension lacking keyCertSign. Throws PkiError UNREADABLE_DATA
 * (Exchange's import message) when none qualifies.
 * @example pickEndEntityCertificate([rootDer, leafDer]) // 1
 */
export function pickEndEntityCertificate(certificates: readonly BinaryInput[]): number {
  if (certificates.length === 1) return 0;
  const index = certificates.findIndex((der) => {
    const ku = readCertificate(der).keyUsage;
    return ku !== undefined && !ku.includes('keyCertSign');
  });
  if (index < 0) throw new PkiError('UNREADABLE_DATA', SOURCE_DATA_CANNOT_BE_IMPORTED);
  return index;
}
