// Reading a PFX with node:crypto (MAC check, 3DES/PBES2 decryption, bags in file order); other layouts go to node-forge.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DerError, decodeOid, derChildren, derContent, derRaw, expectTag, readDer } from './der.js';
import type { DerNode } from './der.js';
import { BadDecrypt, HASHES, NeedsForge, pbeDecrypt, PFX_OIDS } from './pfx-pbe.js';
import { pkcs12Kdf } from './pkcs12-kdf.js';

/** A certificate or key bag: DER (the key decrypted to a PrivateKeyInfo) and its friendlyName attribute. */
export interface PfxBag {
  readonly kind: 'certificate' | 'key';
  readonly der: Uint8Array;
  readonly friendlyName: string | undefined;
}

/** Why the file cannot be read with this password: a MAC that does not verify or a decryption that fails. */
export class WrongPfxPassword extends Error {}

const oidOf = (node: DerNode | undefined): string => decodeOid(derContent(expectTag(node, 0x06, 'OID')));
const octets = (node: DerNode | undefined): Uint8Array => derContent(expectTag(node, 0x04, 'OCTET STRING'));

/**
 * The bags of a DER PFX in file order. Throws WrongPfxPassword, or NeedsForge when the file uses BER, RC2, other bag
 * types or anything else this reader leaves to node-forge.
 * @example readPfxBags(bytes, 'Pass1word').filter((b) => b.kind === 'certificate')
 */
export function readPfxBags(bytes: Uint8Array, password: string | undefined): PfxBag[] {
  try {
    const top = readDer(bytes);
    if (top.end !== bytes.length) throw new NeedsForge('trailing data');
    const [version, authSafe, macData] = derChildren(expectTag(top, 0x30, 'PFX'));
    if (derContent(expectTag(version, 0x02, 'version')).join() !== '3') throw new NeedsForge('version');
    const [type, wrapped] = derChildren(expectTag(authSafe, 0x30, 'ContentInfo'));
    if (oidOf(type) !== PFX_OIDS.data) throw new NeedsForge('not password integrity mode');
    const safe = octets(derChildren(expectTag(wrapped, 0xa0, 'content'))[0]);
    if (macData) checkMac(macData, safe, password);
    const bags: PfxBag[] = [];
    for (const info of derChildren(expectTag(readDer(safe), 0x30, 'AuthenticatedSafe'))) bags.push(...contentBags(info, password));
    return bags;
  } catch (error) {
    if (error instanceof WrongPfxPassword || error instanceof NeedsForge) throw error;
    if (error instanceof BadDecrypt) throw new WrongPfxPassword('decryption failed', { cause: error });
    throw new NeedsForge('layout', { cause: error });
  }
}

function checkMac(macData: DerNode, safe: Uint8Array, password: string | undefined): void {
  const [digestInfo, salt, count] = derChildren(expectTag(macData, 0x30, 'MacData'));
  const [algorithm, digest] = derChildren(expectTag(digestInfo, 0x30, 'DigestInfo'));
  const hash = HASHES[oidOf(derChildren(expectTag(algorithm, 0x30, 'digestAlgorithm'))[0])];
  if (!hash) throw new NeedsForge('MAC algorithm');
  const countBytes = count ? derContent(expectTag(count, 0x02, 'iterations')) : Uint8Array.of(1);
  if (countBytes.length > 4) throw new DerError('iterations');
  const iterations = countBytes.reduce((n, b) => n * 256 + b, 0);
  const key = pkcs12Kdf(password, Buffer.from(octets(salt)), 3, iterations, hash.u, hash.name, hash.u, hash.v);
  const expected = createHmac(hash.name, key).update(safe).digest();
  const given = octets(digest);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new WrongPfxPassword('MAC could not be verified');
}

function contentBags(info: DerNode, password: string | undefined): PfxBag[] {
  const [type, content] = derChildren(expectTag(info, 0x30, 'ContentInfo'));
  const inner = derChildren(expectTag(content, 0xa0, 'content'))[0];
  const oid = oidOf(type);
  if (oid === PFX_OIDS.data) return safeBags(octets(inner), password);
  if (oid !== PFX_OIDS.encryptedData) throw new NeedsForge('content type');
  const [, encrypted] = derChildren(expectTag(inner, 0x30, 'EncryptedData'));
  const [contentType, algorithm, data] = derChildren(expectTag(encrypted, 0x30, 'EncryptedContentInfo'));
  if (oidOf(contentType) !== PFX_OIDS.data) throw new NeedsForge('encrypted content type');
  return safeBags(pbeDecrypt(algorithm!, derContent(expectTag(data, 0x80, 'encryptedContent')), password), password);
}

function safeBags(safeContents: Uint8Array, password: string | undefined): PfxBag[] {
  return derChildren(expectTag(readDer(safeContents), 0x30, 'SafeContents')).map((bag) => {
    const [id, value, attributes] = derChildren(expectTag(bag, 0x30, 'SafeBag'));
    const bagValue = derChildren(expectTag(value, 0xa0, 'bagValue'))[0]!;
    const friendlyName = attributes ? friendlyNameOf(expectTag(attributes, 0x31, 'bagAttributes')) : undefined;
    switch (oidOf(id)) {
      case PFX_OIDS.keyBag:
        return { kind: 'key', der: new Uint8Array(derRaw(bagValue)), friendlyName };
      case PFX_OIDS.shroudedKeyBag: {
        const [algorithm, data] = derChildren(expectTag(bagValue, 0x30, 'EncryptedPrivateKeyInfo'));
        return { kind: 'key', der: pbeDecrypt(algorithm!, octets(data), password), friendlyName };
      }
      case PFX_OIDS.certBag: {
        const [certId, certValue] = derChildren(expectTag(bagValue, 0x30, 'CertBag'));
        if (oidOf(certId) !== PFX_OIDS.x509Certificate) throw new NeedsForge('certificate type');
        return { kind: 'certificate', der: new Uint8Array(octets(derChildren(expectTag(certValue, 0xa0, 'certValue'))[0])), friendlyName };
      }
      default:
        throw new NeedsForge('bag type');
    }
  });
}

/** The first value of the last friendlyName attribute: BMPString decoded, other types as their bytes (as node-forge gives it). */
function friendlyNameOf(attributes: DerNode): string | undefined {
  let name: string | undefined;
  for (const attribute of derChildren(attributes)) {
    const [oid, values] = derChildren(expectTag(attribute, 0x30, 'Attribute'));
    if (oidOf(oid) !== PFX_OIDS.friendlyName) continue;
    const first = derChildren(expectTag(values, 0x31, 'values'))[0];
    name = first ? textOf(first) : undefined;
  }
  return name;
}

function textOf(node: DerNode): string {
  const bytes = derContent(node);
  if (node.tag !== 0x1e) return Buffer.from(bytes).toString('latin1');
  let text = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return text;
}
