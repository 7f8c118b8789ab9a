// The node-forge side of PKCS#12: AES-256 (PBES2) writing, and reading what pfx-read.ts leaves to it (BER, PBES2, RC2, ...).
import forge from 'node-forge';
import { PkiError, SOURCE_DATA_CANNOT_BE_IMPORTED } from './pki-error.js';
import type { PfxBag } from './pfx-read.js';

export const binary = (bytes: Uint8Array): string => Buffer.from(bytes).toString('binary');
export const fromBinary = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'binary'));

/** Options forge's writer takes. */
export interface ForgePfxOptions {
  readonly algorithm: 'aes256' | '3des';
  readonly count: number;
  readonly friendlyName?: string;
}

/**
 * A PFX written by node-forge (what writePfx uses for AES-256).
 * @example forgeWritePfx(pem, [leafDer], 'P@ssw0rd', { algorithm: 'aes256', count: 2000 })
 */
export function forgeWritePfx(
  privateKeyPem: string,
  certificates: readonly Uint8Array[],
  password: string,
  options: ForgePfxOptions,
): Uint8Array {
  const key = forge.pki.privateKeyFromPem(privateKeyPem);
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certificates.map(toForgeCertificate), password, {
    ...options,
    generateLocalKeyId: true,
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
 * The bags of a PFX read by node-forge (a wrong password gives PkiError WRONG_PASSWORD, anything else UNREADABLE_DATA).
 * @example forgeReadPfx(parsedAsn1, 'P@ssw0rd')
 */
export function forgeReadPfx(asn1: forge.asn1.Asn1, password: string | undefined): PfxBag[] {
  return forgeBags(decodePfx(asn1, password));
}

/** forge's ASN.1 reading of the bytes, or PkiError UNREADABLE_DATA. */
export function forgeParse(bytes: Uint8Array): forge.asn1.Asn1 {
  try {
    return forge.asn1.fromDer(binary(bytes), false);
  } catch (cause) {
    throw new PkiError('UNREADABLE_DATA', SOURCE_DATA_CANNOT_BE_IMPORTED, { cause });
  }
}

function decodePfx(asn1: forge.asn1.Asn1, password: string | undefined): forge.pkcs12.Pkcs12Pfx {
  try {
    // forge treats an undefined password as "no password" (no bytes), '' as the empty BMPString.
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, password as string);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const wrongPassword =
      /MAC could not be verified|Unable to decrypt|Failed to decrypt|Invalid password|wrong password/i.test(message);
    throw new PkiError(wrongPassword ? 'WRONG_PASSWORD' : 'UNREADABLE_DATA', SOURCE_DATA_CANNOT_BE_IMPORTED, { cause });
  }
}

/** forge's bags as DER: certificates, and the first key as a PrivateKeyInfo. */
function forgeBags(pfx: forge.pkcs12.Pkcs12Pfx): PfxBag[] {
  const out: PfxBag[] = [];
  let keySeen = false;
  for (const bag of pfx.safeContents.flatMap((sc) => sc.safeBags)) {
    if (bag.type === forge.pki.oids['certBag']) {
      const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
      out.push({
        kind: 'certificate',
        der: fromBinary(forge.asn1.toDer(asn1).getBytes()),
        friendlyName: friendlyNameOf(bag),
      });
    } else if (
      !keySeen &&
      (bag.type === forge.pki.oids['keyBag'] || bag.type === forge.pki.oids['pkcs8ShroudedKeyBag'])
    ) {
      keySeen = true;
      const asn1 = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
      out.push({ kind: 'key', der: fromBinary(forge.asn1.toDer(asn1).getBytes()), friendlyName: friendlyNameOf(bag) });
    }
  }
  return out;
}

function friendlyNameOf(bag: forge.pkcs12.Bag): string | undefined {
  const names = (bag.attributes as Record<string, unknown>)['friendlyName'];
  return Array.isArray(names) && typeof names[0] === 'string' ? names[0] : undefined;
}
