// The bootstrap texts of the real backends (each one a golden file under fixtures/bootstrap/, parsed by real pwsh).
import { readFileSync } from 'node:fs';
import { ValidationError } from '../../errors/validation-error.js';
import { psQuote } from '../../spec/powershell-module.js';
import type { BackendOptions } from '../backend-options.js';

/**
 * Loads the Exchange Management Shell on the machine the session runs on: RemoteExchange.ps1 and
 * `Connect-ExchangeServer -auto` (2013+, and 2010 where it is installed), else the 2010 or Edge snap-in.
 */
export const LOCAL_EXCHANGE_BOOTSTRAP = `# exchcert bootstrap (local): the Exchange Management Shell of this server.
$exchcertEms = if ($env:ExchangeInstallPath) { Join-Path -Path $env:ExchangeInstallPath -ChildPath 'bin\\RemoteExchange.ps1' } else { $null }
if ($exchcertEms -and (Test-Path -LiteralPath $exchcertEms)) {
    . $exchcertEms
    Connect-ExchangeServer -auto -ClientApplication:ManagementShell
}
elseif (Get-PSSnapin -Registered -Name 'Microsoft.Exchange.Management.PowerShell.E2010' -ErrorAction SilentlyContinue) {
    # Exchange 2010 (Mailbox, Client Access, Hub and Edge Transport).
    Add-PSSnapin -Name 'Microsoft.Exchange.Management.PowerShell.E2010' -ErrorAction Stop
}
elseif (Get-PSSnapin -Registered -Name 'Microsoft.Exchange.Management.PowerShell.SnapIn' -ErrorAction SilentlyContinue) {
    # Edge Transport 2013 and later: no remote PowerShell endpoint, the local snap-in.
    Add-PSSnapin -Name 'Microsoft.Exchange.Management.PowerShell.SnapIn' -ErrorAction Stop
}
else {
    throw 'The Exchange Management Shell was not found on this computer ($env:ExchangeInstallPath\\bin\\RemoteExchange.ps1 or an Exchange snap-in); use --bootstrap none or FILE.'
}
Remove-Variable -Name exchcertEms
`;

/** `Import-Module` lines for --import-module paths. */
export function importModuleText(paths: readonly string[]): string {
  return paths.map((p) => `Import-Module -Name ${psQuote(p)} -DisableNameChecking -ErrorAction Stop\n`).join('');
}

/**
 * The remote backend: a WSMan session to Exchange's /PowerShell/ endpoint (NoLanguage: only commands and parameter
 * values cross), imported as proxy functions so our exact lines run in the local full-language session.
 */
export function remoteBootstrap(options: BackendOptions): string {
  const uri =
    options.connectionUri ?? (options.remoteServer ? `http://${options.remoteServer}/PowerShell/` : undefined);
  if (!uri) {
    throw new ValidationError({
      code: 'MISSING_OPTION',
      parameter: 'remote-server',
      value: '',
      allowed: 'a server name, or --connection-uri URI',
      message: '--backend remote needs --remote-server NAME or --connection-uri URI.',
    });
  }
  const auth = options.authentication ?? 'Kerberos';
  const credential = options.user
    ? `$exchcertConnection.Credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList ${psQuote(options.user)}, $ExchcertCredentialPassword\n`
    : '';
  return `# exchcert bootstrap (remote): Exchange's remote PowerShell endpoint, imported into this session.
$exchcertConnection = @{ ConfigurationName = 'Microsoft.Exchange'; ConnectionUri = ${psQuote(uri)}; Authentication = ${psQuote(auth)} }
${credential}$global:ExchcertExchangeSession = New-PSSession @exchcertConnection -ErrorAction Stop
$null = Import-Module -ModuleInfo (Import-PSSession -Session $global:ExchcertExchangeSession -DisableNameChecking -AllowClobber -ErrorAction Stop) -Global -DisableNameChecking
Remove-Variable -Name exchcertConnection
`;
}

/** The ssh backend's host; missing: a ValidationError naming --host. */
export function sshHost(options: BackendOptions): string {
  if (!options.host) {
    throw new ValidationError({
      code: 'MISSING_OPTION',
      parameter: 'host',
      value: '',
      allowed: 'a host name or address',
      message: '--backend ssh needs --host NAME.',
    });
  }
  return options.host;
}

/** The ssh backend's local half (runner transport): a PowerShell 7 SSH remoting session to the Exchange server. */
export function sshBootstrap(options: BackendOptions): string {
  const parts = [`-HostName ${psQuote(sshHost(options))}`];
  if (options.port !== undefined) parts.push(`-Port ${Number(options.port)}`);
  if (options.user) parts.push(`-UserName ${psQuote(options.user)}`);
  if (options.keyFile) parts.push(`-KeyFilePath ${psQuote(options.keyFile)}`);
  // A refused or silent host fails within the timeout instead of waiting for TCP's.
  if (options.timeoutMs !== undefined) parts.push(`-ConnectingTimeout ${Math.round(options.timeoutMs)}`);
  const ssh = Object.entries(options.sshOptions ?? {});
  if (ssh.length > 0) parts.push(`-Options @{ ${ssh.map(([k, v]) => `${psQuote(k)} = ${psQuote(v)}`).join('; ')} }`);
  return `# exchcert bootstrap (ssh): PowerShell SSH remoting to the Exchange server.
$global:ExchcertRemote = New-PSSession ${parts.join(' ')} -ErrorAction Stop
`;
}

/**
 * The ssh backend's call wrapper: the exact text crosses as a string (never spliced into other text) and runs in
 * the remote session's global scope; secrets cross as SecureStrings and are removed by a second call after it. No
 * try/finally around the text: inside a try PowerShell makes statement-terminating errors script-terminating, so the
 * rest of a runbook would not run where a console runs it.
 */
export const SSH_CALL_WRAPPER = `$exchcertSecrets = @{}
foreach ($exchcertName in @($ExchcertSecretNames -split ',' | Where-Object { $_ })) { $exchcertSecrets[$exchcertName] = Get-Variable -Name $exchcertName -ValueOnly }
Invoke-Command -Session $global:ExchcertRemote -ArgumentList $exchcertSecrets, $ExchcertRemoteText, $ExchcertRemotePath -ScriptBlock {
    param($exchcertSecrets, $exchcertText, $exchcertPath)
    foreach ($exchcertKey in @($exchcertSecrets.Keys)) { Set-Variable -Name $exchcertKey -Value $exchcertSecrets[$exchcertKey] -Scope Global }
    if ($exchcertPath) {
        $exchcertTokens = $null
        $exchcertErrors = $null
        $exchcertAst = [System.Management.Automation.Language.Parser]::ParseInput($exchcertText, $exchcertPath, [ref]$exchcertTokens, [ref]$exchcertErrors)
        if ($exchcertErrors) { throw [System.Management.Automation.ParseException]::new($exchcertErrors) }
        & $exchcertAst.GetScriptBlock()
    }
    else { . ([scriptblock]::Create($exchcertText)) }
}
if ($exchcertSecrets.Count -gt 0) {
    Invoke-Command -Session $global:ExchcertRemote -ArgumentList (, [string[]]@($exchcertSecrets.Keys)) -ScriptBlock {
        param($exchcertNames)
        Remove-Variable -Name $exchcertNames -Scope Global -ErrorAction SilentlyContinue
    }
}
`;

/**
 * What \`--bootstrap\` names: \`exchange\` (the backend's own), \`none\`, or a file with the admin's connection script.
 * @example bootstrapText('none', 'x') // ''
 */
export function bootstrapText(bootstrap: string | undefined, exchange: string): string {
  if (bootstrap === undefined || bootstrap === 'exchange') return exchange;
  if (bootstrap === 'none') return '';
  try {
    return readFileSync(bootstrap, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new ValidationError({
      code: 'INVALID_OPTION',
      parameter: 'bootstrap',
      value: bootstrap,
      allowed: 'exchange, none or a readable .ps1 file',
      message: `--bootstrap '${bootstrap}' is neither exchange, none nor a readable file (${(e as NodeJS.ErrnoException).code ?? 'unreadable'}).`,
    });
  }
}
