// What each PsType means outside its own conversion code: its .NET type, how the CLI takes it, whether it is a list,
// and what it accepts in words (error texts keep PowerShell-ish 'a T value' where nothing better was written). Builders (zod), the binder and the interpreter keep exhaustive per-type maps of their own.
import type { PsType } from './ps-type.js';

/** Namespace of Exchange's own types (the stub module declares AllowedServices there, as Exchange does). */
export const EXCHANGE_TYPE_NAMESPACE = 'Microsoft.Exchange.Management.SystemConfigurationTasks';

/** How a typed CLI subcommand takes a parameter of this type. */
export type CliOptionKind = 'boolean' | 'number' | 'string' | 'array' | 'file-bytes';

/** The facts of one PsType. */
export interface PsTypeInfo {
  /** The type literal written in a param() block and the FullName pwsh reports for it. */
  readonly dotnet: { readonly literal: string; readonly fullName: string };
  readonly cli: CliOptionKind;
  /** True when one value and a list both bind (`-DomainName a, b`): the compiler keeps a one-item list a list. */
  readonly list: boolean;
  /** What the type accepts, in words, when the parameter has no accepted-values list or format of its own. */
  readonly allowed: string;
}

const same = (name: string): PsTypeInfo['dotnet'] => ({ literal: name, fullName: name });
const X509 = 'System.Security.Cryptography.X509Certificates';

/** One row per PsType; adding a type to PS_TYPES without a row here does not compile. */
export const PS_TYPE_INFO: Readonly<Record<PsType, PsTypeInfo>> = Object.freeze({
  SwitchParameter: {
    dotnet: { literal: 'switch', fullName: 'System.Management.Automation.SwitchParameter' },
    cli: 'boolean',
    list: false,
    allowed: 'true or false (a switch)',
  },
  String: {
    dotnet: { literal: 'string', fullName: 'System.String' },
    cli: 'string',
    list: false,
    allowed: 'any string',
  },
  'String[]': {
    dotnet: { literal: 'string[]', fullName: 'System.String[]' },
    cli: 'array',
    list: true,
    allowed: 'a String[] value',
  },
  Boolean: {
    dotnet: { literal: 'bool', fullName: 'System.Boolean' },
    cli: 'boolean',
    list: false,
    allowed: 'true or false',
  },
  Int32: {
    dotnet: { literal: 'int', fullName: 'System.Int32' },
    cli: 'number',
    list: false,
    allowed: 'a whole number',
  },
  Int64: {
    dotnet: { literal: 'long', fullName: 'System.Int64' },
    cli: 'number',
    list: false,
    allowed: 'a whole number',
  },
  Object: {
    dotnet: { literal: 'object', fullName: 'System.Object' },
    cli: 'string',
    list: false,
    allowed: 'a Object value',
  },
  'Object[]': {
    dotnet: { literal: 'object[]', fullName: 'System.Object[]' },
    cli: 'string',
    list: true,
    allowed: 'a Object[] value',
  },
  ScriptBlock: {
    dotnet: { literal: 'scriptblock', fullName: 'System.Management.Automation.ScriptBlock' },
    cli: 'string',
    list: false,
    allowed: 'a ScriptBlock value',
  },
  AllowedServices: {
    dotnet: same(`${EXCHANGE_TYPE_NAMESPACE}.AllowedServices`),
    cli: 'array',
    list: true,
    allowed: 'None, IMAP, POP, UM, IIS, SMTP, Federation, UMCallRouter',
  },
  'Byte[]': {
    dotnet: { literal: 'byte[]', fullName: 'System.Byte[]' },
    cli: 'file-bytes',
    list: false,
    allowed: 'bytes: a Uint8Array, fileBytes(path) or a variable',
  },
  SecureString: {
    dotnet: same('System.Security.SecureString'),
    cli: 'string',
    list: false,
    allowed: "a Secret (secret('...')), secretPrompt() or a variable",
  },
  X500DistinguishedName: {
    dotnet: same(`${X509}.X500DistinguishedName`),
    cli: 'string',
    list: false,
    allowed: 'an X.500 name such as C=NL, O=Contoso, CN=mail.contoso.com (S= for the state is accepted)',
  },
  // MultiValuedProperty takes one value or a list (`a, b`); a string array binds both, and 'a,b' stays one value.
  MultiValuedProperty: {
    dotnet: { literal: 'string[]', fullName: 'System.String[]' },
    cli: 'array',
    list: true,
    allowed: 'one or more strings',
  },
  Fqdn: {
    dotnet: { literal: 'string', fullName: 'System.String' },
    cli: 'string',
    list: false,
    allowed: 'a fully qualified domain name',
  },
  ServerIdParameter: {
    dotnet: { literal: 'string', fullName: 'System.String' },
    cli: 'string',
    list: false,
    allowed: 'a server name or FQDN',
  },
  ExchangeCertificateIdParameter: {
    dotnet: { literal: 'string', fullName: 'System.String' },
    cli: 'string',
    list: false,
    allowed: 'Server\\Thumbprint or a 40-hex-digit thumbprint',
  },
  X509Certificate2: {
    dotnet: same(`${X509}.X509Certificate2`),
    cli: 'string',
    list: false,
    allowed: 'a certificate from a variable or the pipeline',
  },
  Encoding: {
    dotnet: { literal: 'object', fullName: 'System.Object' },
    cli: 'string',
    list: false,
    allowed: 'a Encoding value',
  },
  ActionPreference: {
    dotnet: same('System.Management.Automation.ActionPreference'),
    cli: 'string',
    list: false,
    allowed: 'a ActionPreference value',
  },
  'Hashtable[]': {
    dotnet: { literal: 'hashtable[]', fullName: 'System.Collections.Hashtable[]' },
    cli: 'string',
    list: false,
    allowed: 'a Hashtable[] value',
  },
  DateTime: {
    dotnet: { literal: 'datetime', fullName: 'System.DateTime' },
    cli: 'string',
    list: false,
    allowed: 'a date and time such as 4/17/2026 or (Get-Date)',
  },
  // Exchange's identity parameters convert from a string (or an object's ToString()); stubs declare them as strings.
  SendConnectorIdParameter: {
    dotnet: { literal: 'string', fullName: 'System.String' },
    cli: 'string',
    list: false,
    allowed: 'a Send connector name',
  },
  ReceiveConnectorIdParameter: {
    dotnet: { literal: 'string', fullName: 'System.String' },
    cli: 'string',
    list: false,
    allowed: 'a Receive connector identity (Server\\Name)',
  },
  ClientAccessServerIdParameter: {
    dotnet: { literal: 'string', fullName: 'System.String' },
    cli: 'string',
    list: false,
    allowed: 'a server name or FQDN',
  },
  SmtpX509Identifier: {
    dotnet: { literal: 'string', fullName: 'System.String' },
    cli: 'string',
    list: false,
    allowed: '<I>issuer<S>subject (the certificate Issuer and Subject)',
  },
});
