/** Parameter types exchcert understands; names follow the .NET/Exchange type of the real parameter. */
export const PS_TYPES = [
  'SwitchParameter',
  'String',
  'String[]',
  'Boolean',
  'Int32',
  'Int64',
  'Object',
  'Object[]',
  'ScriptBlock',
  'AllowedServices',
  'Byte[]',
  'SecureString',
  'X500DistinguishedName',
  'MultiValuedProperty',
  'Fqdn',
  'ServerIdParameter',
  'ExchangeCertificateIdParameter',
  'X509Certificate2',
  'Encoding',
  'ActionPreference',
  'Hashtable[]',
  'DateTime',
  'SendConnectorIdParameter',
  'ReceiveConnectorIdParameter',
  'ClientAccessServerIdParameter',
  'SmtpX509Identifier',
] as const;
export type PsType = (typeof PS_TYPES)[number];

/** The `[Flags]` values of Exchange's AllowedServices enum, in flag order. */
export const ALLOWED_SERVICES = Object.freeze({
  None: 0,
  IMAP: 1,
  POP: 2,
  UM: 4,
  IIS: 8,
  SMTP: 16,
  Federation: 32,
  UMCallRouter: 64,
} as const);
export type AllowedService = keyof typeof ALLOWED_SERVICES;
export const ALLOWED_SERVICE_NAMES = Object.freeze(Object.keys(ALLOWED_SERVICES)) as readonly AllowedService[];

/** PowerShell's ActionPreference values (for -ErrorAction and friends). */
export const ACTION_PREFERENCES = [
  'SilentlyContinue',
  'Stop',
  'Continue',
  'Inquire',
  'Ignore',
  'Suspend',
  'Break',
] as const;
