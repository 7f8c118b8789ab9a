// Writing a PFX the way node-forge lays it out (certificate bags in clear, a 3DES shrouded key bag, SHA-1 MAC), in DER with node:crypto.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { derNull, derOctetString, derOid, derSequence, derSet, derSmallInteger, derTlv } from './der.js';
import { encrypt3desPrivateKeyInfo, PFX_OIDS } from './pfx-pbe.js';
import { pkcs12Kdf } from './pkcs12-kdf.js';

/** What goes into the file. */
export interface Pfx3desInput {
  /** The unencrypted PrivateKeyInfo. */
  readonly pkcs8: Uint8Array;
  /** The end-entity certificate first, then the chain (DER). */
  readonly certificates: readonly Uint8Array[];
  readonly password: string;
  readonly friendlyName?: string;
  readonly iterations: number;
  /** Salts for the key encryption and the MAC (random 8 bytes each when omitted). */
  readonly salts?: { readonly key: Buffer; readonly mac: Buffer };
}

const bmpString = (text: string): Uint8Array => {
  const out = Buffer.alloc(text.length * 2);
  for (let i = 0; i < text.length; i++) out.writeUInt16BE(text.charCodeAt(i), i * 2);
  return derTlv(0x1e, out);
};
const attribute = (oid: string, value: Uint8Array): Uint8Array => derSequence(derOid(oid), derSet(value));
const dataContentInfo = (content: Uint8Array): Uint8Array => derSequence(derOid(PFX_OIDS.data), derTlv(0xa0, derOctetString(content)));

/**
 * The PFX bytes: localKeyId (SHA-1 of the end-entity certificate) and the friendly name on the key bag and the first
 * certificate bag, one data ContentInfo with the certificate bags, one with the key bag, MAC with HMAC-SHA1.
 * @example writePfx3des({ pkcs8, certificates: [leafDer], password: 'P@ssw0rd', iterations: 2000 })
 */
export function writePfx3des(input: Pfx3desInput): Uint8Array {
  const salts = input.salts ?? { key: randomBytes(8), mac: randomBytes(8) };
  const attributes = [attribute(PFX_OIDS.localKeyId, derOctetString(createHash('sha1').update(input.certificates[0]!).digest()))];
  if (input.friendlyName !== undefined) attributes.push(attribute(PFX_OIDS.friendlyName, bmpString(input.friendlyName)));
  const bagAttributes = derSet(...attributes);
  const certBags = input.certificates.map((der, i) => derSequence(
    derOid(PFX_OIDS.certBag),
    derTlv(0xa0, derSequence(derOid(PFX_OIDS.x509Certificate), derTlv(0xa0, derOctetString(der)))),
    ...(i === 0 ? [bagAttributes] : []),
  ));
  const keyBag = derSequence(
    derOid(PFX_OIDS.shroudedKeyBag),
    derTlv(0xa0, encrypt3desPrivateKeyInfo(input.pkcs8, input.password, input.iterations, salts.key)),
    bagAttributes,
  );
  const safe = derSequence(dataContentInfo(derSequence(...certBags)), dataContentInfo(derSequence(keyBag)));
  const macKey = pkcs12Kdf(input.password, salts.mac, 3, input.iterations, 20);
  const mac = createHmac('sha1', macKey).update(safe).digest();
  const macData = derSequence(derSequence(derSequence(derOid('1.3.14.3.2.26'), derNull()), derOctetString(mac)), derOctetString(salts.mac), derSmallInteger(input.iterations));
  return derSequence(derSmallInteger(3), dataContentInfo(safe), macData);
}
