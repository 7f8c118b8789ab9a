// Generates a PowerShell script module whose advanced functions bind exactly like the Exchange cmdlet tables.
import type { CmdletSpec, ParameterSpec } from './cmdlet-spec.js';
import type { ExchangeTarget } from './exchange-target.js';
import { isAvailable, parseExchangeTarget } from './exchange-target.js';
import type { PsType } from './ps-type.js';
import { ALLOWED_SERVICES } from './ps-type.js';
import { ALL_EXCHANGE_CMDLETS } from './registry.js';
import type { ShellVersion } from './shell-version.js';
import { EXCHANGE_TYPE_NAMESPACE, PS_TYPE_INFO } from './ps-type-info.js';
import type { PsTypeInfo } from './ps-type-info.js';

/** Namespace of the stub types; the same as Exchange's, so conversion errors name the real types. */
export const STUB_NAMESPACE = EXCHANGE_TYPE_NAMESPACE;
/** Global list (System.Collections.ArrayList of JSON strings) the `record` body appends to. */
export const RECORDS_VARIABLE = 'ExchcertRecords';

/** The .NET type a spec type becomes in a param() block: the literal written and the FullName pwsh reports. */
export const DOTNET_TYPES: Readonly<Record<PsType, PsTypeInfo['dotnet']>> = Object.freeze(
  Object.fromEntries(Object.entries(PS_TYPE_INFO).map(([t, info]) => [t, info.dotnet])) as Record<
    PsType,
    PsTypeInfo['dotnet']
  >,
);

/** Options of the generated module. */
export interface PowershellModuleOptions {
  /** Dialect the module must load in (2.0 has no PositionalBinding); default '5.1'. */
  readonly shell?: ShellVersion;
  /** Keep only parameters this Exchange build has (e.g. '2019-CU12' drops -RequestFile); default: all versions. */
  readonly exchange?: string | ExchangeTarget;
  /** Function body: 'record' (default) or your own begin/process/end text per cmdlet. */
  readonly body?: 'record' | ((cmdlet: CmdletSpec) => string);
  /** Cmdlets to define; default ALL_EXCHANGE_CMDLETS (the six and their neighbours). */
  readonly cmdlets?: readonly CmdletSpec[];
}

/** The parameters and sets a stub function declares (WhatIf/Confirm come from SupportsShouldProcess). */
export interface StubView {
  readonly cmdlet: CmdletSpec;
  readonly parameters: readonly ParameterSpec[];
  readonly sets: readonly string[];
  readonly defaultSet: string;
}

const SHOULD_PROCESS = new Set(['WhatIf', 'Confirm']);

/** Which parameters and sets a stub function gets for a shell and Exchange build. */
export function stubView(
  cmdlet: CmdletSpec,
  options: Pick<PowershellModuleOptions, 'shell' | 'exchange'> = {},
): StubView {
  const target = options.exchange === undefined ? undefined : parseExchangeTarget(options.exchange);
  const parameters = cmdlet.parameters.filter(
    (p) =>
      !p.common &&
      !(cmdlet.supportsShouldProcess && SHOULD_PROCESS.has(p.name)) &&
      (options.shell === undefined || p.shells.includes(options.shell)) &&
      (target === undefined || isAvailable(p.exchange, target)),
  );
  // A set survives while one of its own parameters does (a single-set cmdlet keeps its set).
  const sets = cmdlet.sets.filter((s) => cmdlet.sets.length === 1 || parameters.some((p) => p.sets.includes(s)));
  const defaultSet = sets.includes(cmdlet.defaultSet) ? cmdlet.defaultSet : (sets[0] ?? cmdlet.defaultSet);
  // Parameters whose every set vanished go too.
  const kept = parameters
    .filter((p) => p.sets.length === 0 || p.sets.some((s) => sets.includes(s)))
    .map((p) => (p.sets.every((s) => sets.includes(s)) ? p : { ...p, sets: p.sets.filter((s) => sets.includes(s)) }));
  return { cmdlet, parameters: kept, sets, defaultSet };
}

/** A PowerShell single-quoted literal (the five single-quote characters doubled). */
export function psQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}

/** `[CmdletBinding(...)]` of a cmdlet table. */
export function cmdletBindingAttribute(
  cmdlet: CmdletSpec,
  options: Pick<PowershellModuleOptions, 'shell' | 'exchange'> = {},
): string {
  const view = stubView(cmdlet, options);
  const args = [`DefaultParameterSetName=${psQuote(view.defaultSet)}`];
  if (cmdlet.supportsShouldProcess)
    args.push('SupportsShouldProcess=$true', `ConfirmImpact=${psQuote(cmdlet.confirmImpact)}`);
  // Compiled cmdlets have no implicit positions; 2.0 never assigns them to [Parameter()] parameters and lacks the flag.
  if (options.shell !== '2.0') args.push('PositionalBinding=$false');
  return `[CmdletBinding(${args.join(', ')})]`;
}

function parameterAttributes(p: ParameterSpec): string[] {
  const flags: string[] = [];
  if (p.mandatory) flags.push('Mandatory=$true');
  if (p.position !== undefined) flags.push(`Position=${p.position}`);
  if (p.pipeline === 'value' || p.pipeline === 'both') flags.push('ValueFromPipeline=$true');
  if (p.pipeline === 'property' || p.pipeline === 'both') flags.push('ValueFromPipelineByPropertyName=$true');
  if (p.sets.length === 0) return [`[Parameter(${flags.join(', ')})]`];
  return p.sets.map((s) => `[Parameter(${[`ParameterSetName=${psQuote(s)}`, ...flags].join(', ')})]`);
}

/**
 * The `param(...)` block of one cmdlet table (reused by the simulated module).
 * @example paramBlock(getExchangeCertificateSpec).startsWith('param(') // true
 */
export function paramBlock(
  cmdlet: CmdletSpec,
  options: Pick<PowershellModuleOptions, 'shell' | 'exchange'> & {
    indent?: string;
    /** An attribute line placed before a parameter's type literal (e.g. an argument transformation), if any. */
    typeAttribute?: (parameter: ParameterSpec, literal: string) => string | undefined;
  } = {},
): string {
  const ind = options.indent ?? '    ';
  const view = stubView(cmdlet, options);
  const entries = view.parameters.map((p) => {
    const lines = parameterAttributes(p);
    if (p.aliases.length > 0) lines.push(`[Alias(${p.aliases.map(psQuote).join(', ')})]`);
    const literal = DOTNET_TYPES[p.type].literal;
    const extra = options.typeAttribute?.(p, literal);
    if (extra !== undefined) lines.push(extra);
    lines.push(`[${literal}]`, `$${p.name}`);
    return lines.map((l) => ind + l).join('\n');
  });
  return entries.length === 0 ? 'param()' : `param(\n${entries.join(',\n\n')}\n${ind.slice(4)})`;
}

// Stub outputs of the record body, so pipelines and assignments in runbooks keep working.
const OUTPUTS: Readonly<Record<string, string>> = {
  'Get-ExchangeCertificate': 'New-ExchcertStubCertificate $PSBoundParameters',
  'New-ExchangeCertificate':
    "if ($PSCmdlet.ParameterSetName -ne 'Request') { New-ExchcertStubCertificate $PSBoundParameters } elseif ($BinaryEncoded) { New-ExchcertStubData } else { $script:ExchcertRequestText }",
  'Import-ExchangeCertificate': 'New-ExchcertStubCertificate $PSBoundParameters',
  'Export-ExchangeCertificate': 'if ($BinaryEncoded) { New-ExchcertStubData } else { $script:ExchcertRequestText }',
};

/**
 * The default function body: records the binding as one JSON line, then writes a stub output. Pipelines are judged
 * through that output: Get/Import/New (self-signed) write a stub ExchangeCertificate, an X509Certificate2 whose
 * Thumbprint is the one asked for, so `Get | Enable` binds -Thumbprint by property name and `Get | New` binds
 * -Instance by value, as on Exchange; requests and exports write PEM text or an object with FileData.
 */
export function recordBody(cmdlet: CmdletSpec): string {
  const output = OUTPUTS[cmdlet.name];
  return [
    'begin { $exchcertBegun = @($PSBoundParameters.Keys) }',
    'process {',
    `    Add-ExchcertRecord ${psQuote(cmdlet.name)} $PSCmdlet $PSBoundParameters $exchcertBegun`,
    ...(output ? [`    ${output}`] : []),
    '}',
  ].join('\n');
}

const ENUM_MEMBERS = Object.entries(ALLOWED_SERVICES)
  .map(([k, v]) => `${k} = ${v}`)
  .join(', ');

// A 394-byte self-signed EC certificate (CN=exchcert-stub); only its type matters (renewal pipelines bind -Instance).
const STUB_CERTIFICATE_DER =
  'MIIBhjCCAS2gAwIBAgIUOKZ5wufcApP7stw1dT0xCq/EfRkwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNZXhjaGNlcnQtc3R1YjAgFw0yNjExMjUxMjM0NTVaGA8yMTI2MTEwMTEyMzQ1NVowGDEWMBQGA1UEAwwNZXhjaGNlcnQtc3R1YjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABPyJ4l/XS5nTtSBKINzLh05GPecSM5QA9qZfgVV+xJE3iyaTiFmPLg3rUhluoYwK1hE6g3KyElx26vziyzawmX+jUzBRMB0GA1UdDgQWBBQLW45LphSrDCherNA5FYhsPSCmSTAfBgNVHSMEGDAWgBQLW45LphSrDCherNA5FYhsPSCmSTAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCIFK/4eJDvjHhjefTEid4vqmuY2Ac0sJDuUfGQWOQu97YAiBTTnxAit2rRfql4tTk9KVAERvwBDpOPj3TlZk1YbVhkw==';

// C# 2 (Windows PowerShell 2.0 compiles with it); guarded so importing twice does not fail.
const TYPES = `if (-not ('${STUB_NAMESPACE}.AllowedServices' -as [type])) {
    Add-Type -TypeDefinition @'
#pragma warning disable
namespace ${STUB_NAMESPACE}
{
    [System.Flags] public enum AllowedServices { ${ENUM_MEMBERS} }

    /// <summary>Stub Exchange certificate: an X509Certificate2 whose Thumbprint is the one asked for.</summary>
    public class ExchangeCertificate : System.Security.Cryptography.X509Certificates.X509Certificate2
    {
        private string thumbprint;
        public ExchangeCertificate(byte[] rawData, string thumbprint) : base(rawData) { this.thumbprint = thumbprint; }
        public new string Thumbprint { get { return string.IsNullOrEmpty(this.thumbprint) ? base.Thumbprint : this.thumbprint; } }
    }
}
'@
}`;

// Portable (2.0..7) JSON writers: every string is ASCII with \\u escapes, so lone surrogates survive any transport.
const SUPPORT = String.raw`$script:ExchcertStubDer = [System.Convert]::FromBase64String('${STUB_CERTIFICATE_DER}')
$script:ExchcertRequestText = '-----BEGIN NEW CERTIFICATE REQUEST-----' + [char]13 + [char]10 + '-----END NEW CERTIFICATE REQUEST-----'
if (-not ($global:${RECORDS_VARIABLE} -is [System.Collections.ArrayList])) { $global:${RECORDS_VARIABLE} = New-Object System.Collections.ArrayList }

function ConvertTo-ExchcertJsonString([string]$Text) {
    if ($Text -cmatch '^[\x20\x21\x23-\x5B\x5D-\x7E]*\z') { return '"' + $Text + '"' }
    $sb = New-Object System.Text.StringBuilder
    [void]$sb.Append('"')
    foreach ($ch in $Text.ToCharArray()) {
        $code = [int]$ch
        if ($code -ge 0x20 -and $code -le 0x7E -and $code -ne 0x22 -and $code -ne 0x5C) { [void]$sb.Append($ch) }
        else { [void]$sb.Append('\u').Append($code.ToString('x4')) }
    }
    [void]$sb.Append('"')
    return $sb.ToString()
}

function ConvertTo-ExchcertJson($Value) {
    if ($null -eq $Value) { return 'null' }
    if ($Value -is [System.Management.Automation.PSObject]) { $Value = $Value.PSObject.BaseObject }
    if ($Value -is [string] -or $Value -is [char]) { return ConvertTo-ExchcertJsonString ([string]$Value) }
    if ($Value -is [System.Management.Automation.SwitchParameter]) { if ($Value.IsPresent) { return 'true' } else { return 'false' } }
    if ($Value -is [bool]) { if ($Value) { return 'true' } else { return 'false' } }
    if ($Value -is [System.Security.SecureString]) {
        $bstr = [System.Runtime.InteropServices.Marshal]::SecureStringToBSTR($Value)
        try { $plain = [System.Runtime.InteropServices.Marshal]::PtrToStringBSTR($bstr) }
        finally { [System.Runtime.InteropServices.Marshal]::ZeroFreeBSTR($bstr) }
        return '{"secret":' + (ConvertTo-ExchcertJsonString $plain) + '}'
    }
    if ($Value -is [byte[]]) { return '{"bytes":' + (ConvertTo-ExchcertJsonString ([System.Convert]::ToBase64String($Value))) + '}' }
    if ($Value -is [System.Enum]) {
        return '{"enum":' + (ConvertTo-ExchcertJsonString $Value.ToString()) + ',"value":' + [System.Convert]::ToInt64($Value) + '}'
    }
    if ($Value -is [System.Security.Cryptography.X509Certificates.X500DistinguishedName]) { return ConvertTo-ExchcertJsonString $Value.Name }
    if ($Value -is [System.Security.Cryptography.X509Certificates.X509Certificate2]) {
        return '{"certificate":' + (ConvertTo-ExchcertJsonString $Value.Thumbprint) + '}'
    }
    if ($Value -is [int] -or $Value -is [long] -or $Value -is [short] -or $Value -is [byte] -or $Value -is [sbyte] -or
        $Value -is [uint16] -or $Value -is [uint32] -or $Value -is [uint64] -or $Value -is [decimal]) {
        return [System.Convert]::ToString($Value, [System.Globalization.CultureInfo]::InvariantCulture)
    }
    if ($Value -is [double] -or $Value -is [single]) {
        if ([double]::IsNaN($Value) -or [double]::IsInfinity($Value)) { return ConvertTo-ExchcertJsonString ([string]$Value) }
        return ([double]$Value).ToString('R', [System.Globalization.CultureInfo]::InvariantCulture)
    }
    if ($Value -is [System.Collections.IEnumerable] -and -not ($Value -is [System.Collections.IDictionary])) {
        $items = New-Object System.Collections.ArrayList
        foreach ($item in $Value) { [void]$items.Add((ConvertTo-ExchcertJson $item)) }
        return '[' + ($items -join ',') + ']'
    }
    return ConvertTo-ExchcertJsonString ([string]$Value)
}

function Add-ExchcertRecord([string]$Cmdlet, $Command, $Bound, $Begun) {
    $parameters = New-Object System.Collections.ArrayList
    $piped = New-Object System.Collections.ArrayList
    foreach ($key in $Bound.Keys) {
        [void]$parameters.Add((ConvertTo-ExchcertJsonString $key) + ':' + (ConvertTo-ExchcertJson $Bound[$key]))
        if ($Begun -notcontains $key) { [void]$piped.Add((ConvertTo-ExchcertJsonString $key)) }
    }
    if (-not ($global:${RECORDS_VARIABLE} -is [System.Collections.ArrayList])) { $global:${RECORDS_VARIABLE} = New-Object System.Collections.ArrayList }
    [void]$global:${RECORDS_VARIABLE}.Add('{"cmdlet":' + (ConvertTo-ExchcertJsonString $Cmdlet) +
        ',"parameterSet":' + (ConvertTo-ExchcertJsonString $Command.ParameterSetName) +
        ',"parameters":{' + ($parameters -join ',') + '},"pipeline":[' + ($piped -join ',') + ']}')
}

function New-ExchcertStubCertificate($Bound) {
    $thumbprint = $null
    if ($Bound.ContainsKey('Thumbprint')) { $thumbprint = [string]$Bound['Thumbprint'] }
    elseif ($Bound.ContainsKey('Identity')) { $thumbprint = ([string]$Bound['Identity']).Split('\')[-1] }
    elseif ($Bound.ContainsKey('Instance') -and $Bound['Instance'] -is [System.Security.Cryptography.X509Certificates.X509Certificate2]) { $thumbprint = $Bound['Instance'].Thumbprint }
    return New-Object ${STUB_NAMESPACE}.ExchangeCertificate -ArgumentList (@(,$script:ExchcertStubDer) + $thumbprint)
}

function New-ExchcertStubData { return New-Object PSObject -Property @{ FileData = [byte[]]@(0x30, 0x00) } }`;

/**
 * The text of a script module (.psm1, New-Module or dot-sourced) with one advanced function per Exchange cmdlet.
 * The `record` body appends `{cmdlet, parameterSet, parameters, pipeline}` JSON lines to `$global:ExchcertRecords`.
 * @example powershellModule({ shell: '7' }).includes('function New-ExchangeCertificate') // true
 */
export function powershellModule(options: PowershellModuleOptions = {}): string {
  const body = options.body ?? 'record';
  const functions = (options.cmdlets ?? ALL_EXCHANGE_CMDLETS).map((cmdlet) => {
    const text = body === 'record' ? recordBody(cmdlet) : body(cmdlet);
    return [
      `function ${cmdlet.name} {`,
      `    ${cmdletBindingAttribute(cmdlet, options)}`,
      `    ${paramBlock(cmdlet, { ...options, indent: '        ' })}`,
      text
        .split('\n')
        .map((l) => (l ? `    ${l}` : l))
        .join('\n'),
      '}',
    ].join('\n');
  });
  return [
    `# exchcert stub Exchange module (generated from the spec tables; shell ${options.shell ?? '5.1'}).`,
    TYPES,
    SUPPORT,
    ...functions,
    '',
  ].join('\n\n');
}
