// Reading a PFX with @peculiar/asn1-pfx and node:crypto (MAC check, 3DES decryption, bags in file order); other
// layouts and algorithms (BER, RC2, PBES2, other bags) go to node-forge.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { EncryptedContentInfo, id_data, id_encryptedData } from '@peculiar/asn1-cms';
import type { ContentInfo } from '@peculiar/asn1-cms';
import {
  AuthenticatedSafe,
  CertBag,
  id_certBag,
  id_keyBag,
  id_pkcs8ShroudedKeyBag,
  id_x509Certificate,
  PFX,
  PKCS8ShroudedKeyBag,
  SafeContents,
} from '@peculiar/asn1-pfx';
import type { MacData, PKCS12Attribute } from '@peculiar/asn1-pfx';
import { FriendlyName, id_pkcs9_at_friendlyName } from '@peculiar/asn1-pkcs9';
import { id_sha1, id_sha256, id_sha384, id_sha512 } from '@peculiar/asn1-rsa';
import { AsnConvert, AsnProp, AsnPropTypes, OctetString } from '@peculiar/asn1-schema';
import { parseAsn } from './asn1.js';
import { BadDecrypt, NeedsForge, pbeDecrypt } from './pfx-pbe.js';
import { pkcs12Key } from './pkcs12-key.js';
import type { Pkcs12Hash } from './pkcs12-key.js';

/** A certificate or key bag: DER (the key decrypted to a PrivateKeyInfo) and its friendlyName attribute. */
export interface PfxBag {
  readonly kind: 'certificate' | 'key';
  readonly der: Uint8Array;
  readonly friendlyName: string | undefined;
}

/** Why the file cannot be read with this password: a MAC that does not verify or a decryption that fails. */
export class WrongPfxPassword extends Error {}

/**
 * EncryptedData ::= SEQUENCE { version CMSVersion, encryptedContentInfo EncryptedContentInfo } (RFC 5652 section 8,
 * without unprotectedAttrs), declared for @peculiar/asn1-schema: @peculiar/asn1-cms has no class for it. Declared on
 * first use, so that a process that reads no PFX does not load @peculiar/asn1-cms.
 */
export interface EncryptedData {
  version: number;
  encryptedContentInfo: EncryptedContentInfo;
}
let encryptedDataSchema: (new () => EncryptedData) | undefined;

/** The EncryptedData schema class (declared on the first call). */
export function encryptedDataClass(): new () => EncryptedData {
  if (encryptedDataSchema === undefined) {
    class Schema implements EncryptedData {
      version = 0;
      encryptedContentInfo = new EncryptedContentInfo();
    }
    AsnProp({ type: AsnPropTypes.Integer })(Schema.prototype, 'version');
    AsnProp({ type: EncryptedContentInfo })(Schema.prototype, 'encryptedContentInfo');
    encryptedDataSchema = Schema;
  }
  return encryptedDataSchema;
}

/** A MAC digest: the hash node:crypto and the key derivation use, and its output length (the MAC key length). */
interface MacHash {
  readonly name: Pkcs12Hash;
  readonly length: number;
}
let macHashes: Readonly<Record<string, MacHash>> | undefined;

/** MAC digests by OID (built on first use: the OIDs come from @peculiar/asn1-rsa, loaded only when needed). */
function macHashOf(oid: string): MacHash | undefined {
  macHashes ??= {
    [id_sha1]: { name: 'sha1', length: 20 },
    [id_sha256]: { name: 'sha256', length: 32 },
    [id_sha384]: { name: 'sha384', length: 48 },
    [id_sha512]: { name: 'sha512', length: 64 },
  };
  return macHashes[oid];
}

const same = (a: ArrayBuffer, b: Uint8Array): boolean => Buffer.from(a).equals(b);
const endsWith = (bytes: Uint8Array, tail: ArrayBuffer): boolean =>
  bytes.length >= tail.byteLength && same(tail, bytes.subarray(bytes.length - tail.byteLength));

/**
 * The value of an OCTET STRING given as its encoding; NeedsForge unless it is the DER (primitive) form, the only one
 * @peculiar/asn1-schema's OctetString reads whole.
 */
function octets(encoding: ArrayBuffer): Uint8Array {
  const value = new Uint8Array(parseAsn(encoding, OctetString).buffer);
  if (!same(AsnConvert.serialize(new OctetString(value)), new Uint8Array(encoding)))
    throw new NeedsForge('OCTET STRING not in DER form');
  return value;
}

/**
 * The bags of a DER PFX in file order. Throws WrongPfxPassword, or NeedsForge when the file uses BER, RC2, PBES2,
 * other bag types or anything else this reader leaves to node-forge.
 * @example readPfxBags(bytes, 'Pass1word').filter((b) => b.kind === 'certificate')
 */
export function readPfxBags(bytes: Uint8Array, password: string | undefined): PfxBag[] {
  try {
    const pfx = parseAsn(bytes, PFX);
    if (pfx.version !== 3) throw new NeedsForge('version');
    if (pfx.authSafe.contentType !== id_data) throw new NeedsForge('not password integrity mode');
    // A DER file ends with its MacData's DER; files with data after the PFX (node-forge refuses them) or without a MAC go to node-forge.
    if (!pfx.macData || !endsWith(bytes, AsnConvert.serialize(pfx.macData)))
      throw new NeedsForge('no MAC, trailing data or not DER');
    const safe = octets(pfx.authSafe.content);
    checkMac(pfx.macData, safe, password);
    const bags: PfxBag[] = [];
    for (const info of parseAsn(safe, AuthenticatedSafe)) bags.push(...contentBags(info, password));
    return bags;
  } catch (error) {
    if (error instanceof WrongPfxPassword || error instanceof NeedsForge) throw error;
    if (error instanceof BadDecrypt) throw new WrongPfxPassword('decryption failed', { cause: error });
    throw new NeedsForge('layout', { cause: error });
  }
}

function checkMac(macData: MacData, safe: Uint8Array, password: string | undefined): void {
  const hash = macHashOf(macData.mac.digestAlgorithm.algorithm);
  if (!hash) throw new NeedsForge('MAC algorithm');
  const salt = new Uint8Array(macData.macSalt.buffer);
  const given = new Uint8Array(macData.mac.digest.buffer);
  if (salt.length === 0 || given.length === 0 || !(macData.iterations >= 1)) throw new NeedsForge('MAC parameters');
  const key = pkcs12Key(password, salt, 3, macData.iterations, hash.length, hash.name);
  const expected = createHmac(hash.name, key).update(safe).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new WrongPfxPassword('MAC could not be verified');
}

function contentBags(info: ContentInfo, password: string | undefined): PfxBag[] {
  if (info.contentType === id_data) return safeBags(octets(info.content), password);
  if (info.contentType !== id_encryptedData) throw new NeedsForge('content type');
  const { encryptedContentInfo } = parseAsn(info.content, encryptedDataClass());
  if (encryptedContentInfo.contentType !== id_data || !encryptedContentInfo.encryptedContent)
    throw new NeedsForge('encrypted content type');
  const { value, constructedValue } = encryptedContentInfo.encryptedContent;
  const data = value
    ? value.buffer
    : Buffer.concat((constructedValue ?? []).map((part) => new Uint8Array(part.buffer)));
  return safeBags(pbeDecrypt(encryptedContentInfo.contentEncryptionAlgorithm, toArrayBuffer(data), password), password);
}

const toArrayBuffer = (data: ArrayBuffer | Uint8Array): ArrayBuffer =>
  data instanceof ArrayBuffer
    ? data
    : (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);

function safeBags(safeContents: Uint8Array, password: string | undefined): PfxBag[] {
  return parseAsn(safeContents, SafeContents).map((bag): PfxBag => {
    const friendlyName = friendlyNameOf(bag.bagAttributes);
    switch (bag.bagId) {
      case id_keyBag:
        return { kind: 'key', der: new Uint8Array(bag.bagValue), friendlyName };
      case id_pkcs8ShroudedKeyBag: {
        const shrouded = parseAsn(bag.bagValue, PKCS8ShroudedKeyBag);
        return {
          kind: 'key',
          der: pbeDecrypt(shrouded.encryptionAlgorithm, shrouded.encryptedData.buffer, password),
          friendlyName,
        };
      }
      case id_certBag: {
        const cert = parseAsn(bag.bagValue, CertBag);
        if (cert.certId !== id_x509Certificate) throw new NeedsForge('certificate type');
        return { kind: 'certificate', der: octets(cert.certValue), friendlyName };
      }
      default:
        throw new NeedsForge('bag type');
    }
  });
}

/** The first value of the last friendlyName attribute (a BMPString; other string types are left to node-forge). */
function friendlyNameOf(attributes: readonly PKCS12Attribute[] | undefined): string | undefined {
  let name: string | undefined;
  for (const attribute of attributes ?? []) {
    if (attribute.attrId !== id_pkcs9_at_friendlyName) continue;
    const first = attribute.attrValues[0];
    name = first ? parseAsn(first, FriendlyName).value : undefined;
  }
  return name;
}
