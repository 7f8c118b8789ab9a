// PKCS#12 (.pfx) files: writing them like Windows exports them, reading them like Exchange imports them
// (@peculiar/asn1-pfx with node:crypto and node-forge's key derivation; node-forge's whole PKCS#12 path as fallback).
import { toBytes } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import { certificateDer, readCertificate } from './certificate-info.js';
import { forgeParse, forgeReadPfx, forgeWritePfx } from './pfx-forge.js';
import { PkiError, SOURCE_DATA_CANNOT_BE_IMPORTED } from './pki-error.js';
import { readPfxBags, WrongPfxPassword } from './pfx-read.js';
import type { PfxBag } from './pfx-read.js';
import { NeedsForge } from './pfx-pbe.js';
import { writePfx3des } from './pfx-write.js';
import { exportPrivateKeyPem, exportPrivateKeyPkcs8, exportPublicKeySpki, toKeyPair } from './rsa-key.js';
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

/**
 * Writes a password-protected PFX: a shrouded key bag plus certificate bags (leaf first), SHA-1 MAC, 2000 iterations.
 * With `3des` the key bag uses pbeWithSHAAnd3-KeyTripleDES-CBC as Windows does (@peculiar/asn1-pfx structures,
 * node:crypto 3DES and HMAC, node-forge's PKCS#12 key derivation; laid out as node-forge does: the certificate bags
 * unencrypted, where Windows encrypts them with 3DES or RC2-40); `aes256` goes through node-forge. Only RSA keys are supported.
 * @example
 * const pfx = writePfx({ key: pair, certificate: cert.der, password: 'P@ssw0rd', friendlyName: 'Microsoft Exchange' });
 */
export function writePfx(options: WritePfxOptions): Uint8Array {
  const pair = toKeyPair(options.key);
  if (pair.privateKey.asymmetricKeyType !== 'rsa')
    throw new PkiError('INVALID_KEY', 'Only RSA keys can be written to a PFX.');
  const leafDer = certificateDer(options.certificate);
  if (!Buffer.from(readCertificate(leafDer).publicKey).equals(Buffer.from(exportPublicKeySpki(pair)))) {
    throw new PkiError('INVALID_KEY', 'The private key does not belong to the certificate.');
  }
  const chain = [leafDer, ...(options.chain ?? []).map((c) => certificateDer(c))];
  const iterations = (options.iterations ?? 2000) || 2048; // node-forge's default for a zero count
  if ((options.algorithm ?? '3des') === '3des') {
    return writePfx3des({
      pkcs8: exportPrivateKeyPkcs8(pair),
      certificates: chain,
      password: options.password,
      iterations,
      ...(options.friendlyName !== undefined ? { friendlyName: options.friendlyName } : {}),
    });
  }
  return forgeWritePfx(exportPrivateKeyPem(pair), chain, options.password, {
    algorithm: options.algorithm ?? '3des',
    count: iterations,
    ...(options.friendlyName !== undefined ? { friendlyName: options.friendlyName } : {}),
  });
}

/**
 * Reads a PFX like Import-ExchangeCertificate: with the password (none or empty tries both an empty and an absent
 * password, as Windows does). A wrong password gives PkiError WRONG_PASSWORD, data that is not a readable PFX gives
 * UNREADABLE_DATA; both carry Exchange's message `The source data cannot be imported or the wrong password was specified.`
 * Reads legacy 3DES/RC2 files and OpenSSL 3 defaults (PBES2 AES-256-CBC, hmacWithSHA256, SHA-256 MAC): DER files
 * with a MAC and 3DES (or no) encryption through @peculiar/asn1-pfx and node:crypto, anything else (BER, PBES2, RC2,
 * other bags) through node-forge.
 * @example
 * const pfx = readPfx(readFileSync('mail.pfx'), 'P@ssw0rd');
 * console.log(readCertificate(pfx.endEntity).thumbprint, pfx.hasPrivateKey);
 */
export function readPfx(data: BinaryInput, password?: string): PfxContents {
  const bytes = toBytes(data);
  let asn1: ReturnType<typeof forgeParse> | undefined;
  const parsed = (): ReturnType<typeof forgeParse> => (asn1 ??= forgeParse(bytes));
  const attempts: (string | undefined)[] = password === undefined || password === '' ? ['', undefined] : [password];
  let lastError: unknown;
  for (const attempt of attempts) {
    try {
      return pfxContents(bagsOf(bytes, attempt, parsed));
    } catch (error) {
      lastError = error;
      if (!(error instanceof PkiError && error.code === 'WRONG_PASSWORD')) throw error;
    }
  }
  throw lastError;
}

/** The bags with @peculiar/asn1-pfx and node:crypto when the layout allows, else with node-forge. */
function bagsOf(
  bytes: Uint8Array,
  password: string | undefined,
  parsed: () => ReturnType<typeof forgeParse>,
): PfxBag[] {
  try {
    return readPfxBags(bytes, password);
  } catch (error) {
    if (error instanceof WrongPfxPassword)
      throw new PkiError('WRONG_PASSWORD', SOURCE_DATA_CANNOT_BE_IMPORTED, { cause: error });
    if (!(error instanceof NeedsForge)) throw error;
  }
  return forgeReadPfx(parsed(), password);
}

function pfxContents(bags: readonly PfxBag[]): PfxContents {
  const certificateBags = bags.filter((b) => b.kind === 'certificate');
  const certificates = certificateBags.map((b) => b.der);
  const keyBag = bags.find((b) => b.kind === 'key');
  const privateKey = keyBag ? normalisePkcs8(keyBag.der) : undefined;
  const endEntityIndex = pickEndEntityCertificate(certificates);
  const endEntity = certificates[endEntityIndex]!;
  const hasPrivateKey = privateKey !== undefined && keyMatches(privateKey, endEntity);
  return Object.freeze({
    privateKey,
    certificates: Object.freeze(certificates),
    endEntityIndex,
    endEntity,
    hasPrivateKey,
    friendlyName: keyBag?.friendlyName ?? certificateBags[endEntityIndex]?.friendlyName,
  });
}

/** Re-exports a decrypted key through node:crypto; garbage from a wrong password without MAC fails here. */
function normalisePkcs8(der: Uint8Array): Uint8Array {
  let pair;
  try {
    pair = toKeyPair(der);
  } catch (cause) {
    throw new PkiError('WRONG_PASSWORD', SOURCE_DATA_CANNOT_BE_IMPORTED, { cause });
  }
  return exportPrivateKeyPkcs8(pair);
}

function keyMatches(pkcs8: Uint8Array, certDer: Uint8Array): boolean {
  return Buffer.from(exportPublicKeySpki(toKeyPair(pkcs8))).equals(Buffer.from(readCertificate(certDer).publicKey));
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
