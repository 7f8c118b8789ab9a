// Public surface of the PKI layer: X.500 names, RSA keys, PKCS#10 requests, certificates, PKCS#12 and the vendor CA.
export { PkiError, SOURCE_DATA_CANNOT_BE_IMPORTED } from './pki-error.js';
export type { PkiErrorCode } from './pki-error.js';
export { toBytes, toHexUpper } from './bytes.js';
export type { BinaryInput } from './bytes.js';
export { toPem, pemBlocks } from './pem.js';
export type { PemBlock } from './pem.js';
export { addMonthsUtc, truncateToSeconds } from './calendar.js';
export { parseX500Name, encodeX500Name, decodeX500Name, formatX500Name, formatWindowsName, cnOf } from './x500-name.js';
export type { X500Attribute, X500Rdn, X500Name, X500NameOrder } from './x500-name.js';
export { isValidDnsName, certificateDomainsOf } from './dns-name.js';
export {
  RSA_KEY_SIZES,
  generateRsaKeyPair,
  toKeyPair,
  exportPrivateKeyPkcs8,
  exportPrivateKeyPem,
  importPrivateKeyPkcs8,
  exportPublicKeySpki,
  publicKeySizeBits,
} from './rsa-key.js';
export type { RsaKeySize, RsaKeyPair, PrivateKeyInput } from './rsa-key.js';
export type { HashAlgorithm } from './signing-key.js';
export { KEY_USAGE_NAMES, SERVER_AUTH_OID } from './certificate-extensions.js';
export type { KeyUsageName } from './certificate-extensions.js';
export { signatureAlgorithmName, enhancedKeyUsageDisplay } from './windows-oid-names.js';
export {
  createCertificateRequest,
  parseCertificateRequest,
  verifyCertificateRequest,
  formatExchangeRequestText,
} from './certificate-request.js';
export type { CreateCertificateRequestOptions, CertificateRequestInfo } from './certificate-request.js';
export { thumbprintOf } from './thumbprint.js';
export { readCertificate, certificateDer } from './certificate-info.js';
export type { CertificateInfo } from './certificate-info.js';
export { createSelfSignedCertificate, issueCertificate } from './certificate.js';
export type { SelfSignedCertificateOptions, IssueCertificateOptions } from './certificate.js';
export { writePfx, readPfx, pickEndEntityCertificate } from './pkcs12.js';
export type { PfxAlgorithm, WritePfxOptions, PfxContents } from './pkcs12.js';
export { decodeCertificateData, decodeCertificateText, certificateDataToText } from './certificate-data.js';
export type { CertificateDataKind, DecodedCertificateData } from './certificate-data.js';
export { createVendorCa, loadVendorCa } from './vendor-ca.js';
export type {
  VendorCa,
  VendorCaState,
  VendorCaCertificateState,
  CreateVendorCaOptions,
  VendorIssuedCertificate,
} from './vendor-ca.js';
