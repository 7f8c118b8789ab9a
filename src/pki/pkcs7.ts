// Certs-only PKCS#7 SignedData (.p7b): what a CA hands out as a certificate chain.
import { derOctetString, derOid, derSequence, derSet, derSmallInteger, derTlv } from './der.js';

const SIGNED_DATA_OID = '1.2.840.113549.1.7.2';
const DATA_OID = '1.2.840.113549.1.7.1';

/**
 * A ContentInfo holding a SignedData with the certificates in the order given, no signers and empty id-data content.
 * @example writeFileSync('mail.p7b', certsOnlyPkcs7([leafDer, intermediateDer]))
 */
export function certsOnlyPkcs7(certificates: readonly Uint8Array[]): Uint8Array {
  const signedData = derSequence(
    derSmallInteger(1),
    derSet(),
    derSequence(derOid(DATA_OID), derTlv(0xa0, derOctetString(new Uint8Array(0)))),
    derTlv(0xa0, ...certificates),
    derSet(),
  );
  return derSequence(derOid(SIGNED_DATA_OID), derTlv(0xa0, signedData));
}
