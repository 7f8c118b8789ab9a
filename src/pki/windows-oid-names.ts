// The friendly names Windows shows for algorithm and EKU OIDs.

const SIGNATURE_ALGORITHMS: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.4': 'md5RSA',
  '1.2.840.113549.1.1.5': 'sha1RSA',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'sha256RSA',
  '1.2.840.113549.1.1.12': 'sha384RSA',
  '1.2.840.113549.1.1.13': 'sha512RSA',
  '1.2.840.10045.4.1': 'sha1ECDSA',
  '1.2.840.10045.4.3.2': 'sha256ECDSA',
  '1.2.840.10045.4.3.3': 'sha384ECDSA',
  '1.2.840.10045.4.3.4': 'sha512ECDSA',
  '1.2.840.10040.4.3': 'sha1DSA',
};

const ENHANCED_KEY_USAGES: Readonly<Record<string, string>> = {
  '1.3.6.1.5.5.7.3.1': 'Server Authentication',
  '1.3.6.1.5.5.7.3.2': 'Client Authentication',
  '1.3.6.1.5.5.7.3.3': 'Code Signing',
  '1.3.6.1.5.5.7.3.4': 'Secure Email',
  '1.3.6.1.5.5.7.3.8': 'Time Stamping',
  '1.3.6.1.5.5.7.3.9': 'OCSP Signing',
  '1.3.6.1.4.1.311.10.3.4': 'Encrypting File System',
  '1.3.6.1.4.1.311.20.2.2': 'Smart Card Logon',
};

/**
 * The signature algorithm name Windows shows (`SignatureAlgorithm.FriendlyName`), or the OID when unknown.
 * @example signatureAlgorithmName('1.2.840.113549.1.1.11') // 'sha256RSA'
 */
export function signatureAlgorithmName(oid: string): string {
  return SIGNATURE_ALGORITHMS[oid] ?? oid;
}

/**
 * An EKU as Exchange's EnhancedKeyUsageList prints it: `Friendly Name (oid)`, or just the OID when unknown.
 * @example enhancedKeyUsageDisplay('1.3.6.1.5.5.7.3.1') // 'Server Authentication (1.3.6.1.5.5.7.3.1)'
 */
export function enhancedKeyUsageDisplay(oid: string): string {
  const name = ENHANCED_KEY_USAGES[oid];
  return name ? `${name} (${oid})` : oid;
}
