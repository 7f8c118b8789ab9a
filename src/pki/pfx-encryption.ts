// Which encryption a PFX uses, read from its algorithm identifiers without the password (@peculiar/asn1-pfx).
import { id_data, id_encryptedData } from '@peculiar/asn1-cms';
import { AuthenticatedSafe, id_pkcs8ShroudedKeyBag, PFX, PKCS8ShroudedKeyBag, SafeContents } from '@peculiar/asn1-pfx';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { parseAsn } from './asn1.js';
import { encryptedDataClass } from './pfx-read.js';

/** PBES2 (RFC 8018): AES and other modern ciphers under PBKDF2. */
const ID_PBES2 = '1.2.840.113549.1.5.13';

/** The encryption algorithm OIDs visible without the password: encrypted contents and shrouded key bags in plain contents. */
function algorithmOids(bytes: Uint8Array): string[] {
  const pfx = parseAsn(bytes, PFX);
  const safe = new Uint8Array(AsnConvert.parse(pfx.authSafe.content, OctetString).buffer);
  const oids: string[] = [];
  for (const info of parseAsn(safe, AuthenticatedSafe)) {
    if (info.contentType === id_encryptedData) {
      oids.push(parseAsn(info.content, encryptedDataClass()).encryptedContentInfo.contentEncryptionAlgorithm.algorithm);
    } else if (info.contentType === id_data) {
      const contents = new Uint8Array(AsnConvert.parse(info.content, OctetString).buffer);
      for (const bag of parseAsn(contents, SafeContents)) {
        if (bag.bagId === id_pkcs8ShroudedKeyBag)
          oids.push(parseAsn(bag.bagValue, PKCS8ShroudedKeyBag).encryptionAlgorithm.algorithm);
      }
    }
  }
  return oids;
}

/**
 * `aes` when any part of the PFX is encrypted with PBES2 (OpenSSL 3's and newer Windows' default), `legacy` for the
 * PKCS#12 PBE algorithms (3DES, RC2) or none, `unknown` when the layout cannot be read (BER, not a PFX).
 * @example pfxEncryption(writePfx({ key, certificate, password: 'x', algorithm: 'aes256' })) // 'aes'
 */
export function pfxEncryption(bytes: Uint8Array): 'aes' | 'legacy' | 'unknown' {
  try {
    return algorithmOids(bytes).includes(ID_PBES2) ? 'aes' : 'legacy';
  } catch {
    return 'unknown';
  }
}
