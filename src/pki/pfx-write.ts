// Writing a PFX the way node-forge lays it out (certificate bags in clear, a 3DES shrouded key bag, SHA-1 MAC):
// the structure with @peculiar/asn1-pfx, the cryptography with node:crypto and node-forge's PKCS#12 key derivation.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { ContentInfo, id_data } from '@peculiar/asn1-cms';
import {
  AuthenticatedSafe,
  CertBag,
  id_certBag,
  id_pkcs8ShroudedKeyBag,
  id_x509Certificate,
  MacData,
  PFX,
  PKCS12Attribute,
  SafeBag,
  SafeContents,
} from '@peculiar/asn1-pfx';
import { FriendlyName, id_pkcs9_at_friendlyName, id_pkcs9_at_localKeyId, LocalKeyId } from '@peculiar/asn1-pkcs9';
import { DigestInfo, id_sha1 } from '@peculiar/asn1-rsa';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { toBytes } from './bytes.js';
import { encrypt3desPrivateKeyInfo } from './pfx-pbe.js';
import { pkcs12Key } from './pkcs12-key.js';

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
  readonly salts?: { readonly key: Uint8Array; readonly mac: Uint8Array };
}

// @peculiar/asn1-pfx's PKCS12Attribute constructor ignores its parameters.
const attribute = (attrId: string, value: object): PKCS12Attribute =>
  Object.assign(new PKCS12Attribute(), { attrId, attrValues: [AsnConvert.serialize(value)] });
const dataContentInfo = (content: ArrayBuffer): ContentInfo =>
  new ContentInfo({ contentType: id_data, content: AsnConvert.serialize(new OctetString(content)) });

/**
 * The PFX bytes: localKeyId (SHA-1 of the end-entity certificate) and the friendly name on the key bag and the first
 * certificate bag, one data ContentInfo with the certificate bags, one with the key bag, MAC with HMAC-SHA1.
 * @example writePfx3des({ pkcs8, certificates: [leafDer], password: 'P@ssw0rd', iterations: 2000 })
 */
export function writePfx3des(input: Pfx3desInput): Uint8Array {
  const salts = input.salts ?? { key: randomBytes(8), mac: randomBytes(8) };
  const attributes = [
    attribute(id_pkcs9_at_localKeyId, new LocalKeyId(createHash('sha1').update(input.certificates[0]!).digest())),
  ];
  if (input.friendlyName !== undefined)
    attributes.push(attribute(id_pkcs9_at_friendlyName, new FriendlyName(input.friendlyName)));
  const certBags = input.certificates.map(
    (der, i) =>
      new SafeBag({
        bagId: id_certBag,
        bagValue: AsnConvert.serialize(
          new CertBag({ certId: id_x509Certificate, certValue: AsnConvert.serialize(new OctetString(der)) }),
        ),
        ...(i === 0 ? { bagAttributes: attributes } : {}),
      }),
  );
  const keyBag = new SafeBag({
    bagId: id_pkcs8ShroudedKeyBag,
    bagValue: AsnConvert.serialize(encrypt3desPrivateKeyInfo(input.pkcs8, input.password, input.iterations, salts.key)),
    bagAttributes: attributes,
  });
  const safe = AsnConvert.serialize(
    new AuthenticatedSafe([
      dataContentInfo(AsnConvert.serialize(new SafeContents(certBags))),
      dataContentInfo(AsnConvert.serialize(new SafeContents([keyBag]))),
    ]),
  );
  const mac = createHmac('sha1', pkcs12Key(input.password, salts.mac, 3, input.iterations, 20))
    .update(new Uint8Array(safe))
    .digest();
  const pfx = new PFX({
    version: 3,
    authSafe: dataContentInfo(safe),
    macData: new MacData({
      mac: new DigestInfo({
        digestAlgorithm: new AlgorithmIdentifier({ algorithm: id_sha1, parameters: null }),
        digest: new OctetString(mac),
      }),
      macSalt: new OctetString(salts.mac),
      iterations: input.iterations,
    }),
  });
  return toBytes(AsnConvert.serialize(pfx));
}
