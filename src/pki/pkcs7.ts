// Certs-only PKCS#7 SignedData (.p7b): what a CA hands out as a certificate chain, written and read with @peculiar/asn1-cms.
import {
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  EncapsulatedContent,
  id_data,
  id_signedData,
  SignedData,
} from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { parseAsn } from './asn1.js';
import { toBytes } from './bytes.js';

/**
 * A ContentInfo holding a SignedData with the certificates in the order given, no signers and empty id-data content
 * (what @peculiar/x509's X509Certificates.export('raw') writes).
 * @example writeFileSync('mail.p7b', certsOnlyPkcs7([leafDer, intermediateDer]))
 */
export function certsOnlyPkcs7(certificates: readonly (Uint8Array | Certificate)[]): Uint8Array {
  const signedData = new SignedData({ version: 1 });
  signedData.encapContentInfo.eContentType = id_data;
  signedData.encapContentInfo.eContent = new EncapsulatedContent({ single: new OctetString() });
  signedData.certificates = new CertificateSet(
    certificates.map(
      (c) =>
        new CertificateChoices({
          certificate: c instanceof Certificate ? c : parseAsn(c, Certificate),
        }),
    ),
  );
  return toBytes(
    AsnConvert.serialize(new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signedData) })),
  );
}

/**
 * The X.509 certificates (DER) of a PKCS#7 SignedData, other certificate choices skipped; throws when the bytes are
 * not a SignedData ContentInfo.
 * @example signedDataCertificates(readFileSync('chain.p7b')).length // 2
 */
export function signedDataCertificates(bytes: Uint8Array): Uint8Array[] {
  const info = parseAsn(bytes, ContentInfo);
  if (info.contentType !== id_signedData)
    throw new TypeError('Cannot parse CMS package. Incoming data is not a SignedData object.');
  const signedData = parseAsn(info.content, SignedData);
  const out: Uint8Array[] = [];
  for (const choice of signedData.certificates ?? [])
    if (choice.certificate) out.push(toBytes(AsnConvert.serialize(choice.certificate)));
  return out;
}
