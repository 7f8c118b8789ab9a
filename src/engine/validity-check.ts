// Exchange's own check of an installed certificate (ManageExchangeCertificate.ValidateExchangeCertificate, rule 72).
import { SERVER_AUTH_OID } from '../pki/index.js';
import type { CertificateInfo } from '../pki/index.js';
import { EXCHANGE_MESSAGES } from './exchange-messages.js';
import { CmdletFailure } from './cmdlet-failure.js';

/** `Valid`, or the reason name the error message carries. */
export type ExchangeCertificateValidity =
  | 'Valid'
  | 'PrivateKeyMissing'
  | 'KeyAlgorithmUnsupported'
  | 'SigningNotSupported'
  | 'PkixKpServerAuthNotFoundInEnhancedKeyUsage'
  | 'PublicKeyUnsupportedSize';

/**
 * The validity of a certificate for Exchange, in the code's order: private key, key algorithm (RSA/DSA), Key Usage
 * allowing signatures, EKU containing Server Authentication, key size of at least 1024 bits.
 * @example validateExchangeCertificate(info, false) // 'PrivateKeyMissing'
 */
export function validateExchangeCertificate(
  info: CertificateInfo,
  hasPrivateKey: boolean,
): ExchangeCertificateValidity {
  if (!hasPrivateKey) return 'PrivateKeyMissing';
  if (info.publicKeyAlgorithm !== 'RSA' && info.publicKeyAlgorithm !== 'dsa') return 'KeyAlgorithmUnsupported';
  if (
    info.keyUsage !== undefined &&
    info.keyUsage.length > 0 &&
    !info.keyUsage.includes('digitalSignature') &&
    !info.keyUsage.includes('nonRepudiation')
  ) {
    return 'SigningNotSupported';
  }
  if (
    info.enhancedKeyUsage !== undefined &&
    info.enhancedKeyUsage.length > 0 &&
    !info.enhancedKeyUsage.includes(SERVER_AUTH_OID)
  ) {
    return 'PkixKpServerAuthNotFoundInEnhancedKeyUsage';
  }
  if (info.publicKeySize < 1024) return 'PublicKeyUnsupportedSize';
  return 'Valid';
}

/**
 * EnsureValidExchangeCertificate: throws the server error of ERRORS.md §2 (NotSpecified) when the check fails.
 * `thumbprint` is the certificate's own (Windows' upper-case form).
 */
export function ensureValidExchangeCertificate(server: string, info: CertificateInfo, hasPrivateKey: boolean): void {
  const validity = validateExchangeCertificate(info, hasPrivateKey);
  if (validity !== 'Valid')
    throw CmdletFailure.server(
      server,
      EXCHANGE_MESSAGES.certificateNotValid(info.thumbprint, validity),
      'NotSpecified',
    );
}
