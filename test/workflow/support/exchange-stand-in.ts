// A stateful Exchange stand-in for real pwsh: the generated cmdlet functions (exact param blocks) with bodies that
// keep servers, certificates and connectors in a JSON file, so workflows run over --backend local keep their state
// between CLI runs (each run is a new pwsh session). Real .NET crypto reads the PFX and certificate bytes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { powershellModule, recordBody } from '../../../src/spec/powershell-module.js';
import type { CmdletSpec } from '../../../src/spec/cmdlet-spec.js';

/** The environment variable naming the stand-in's state file. */
export const STAND_IN_STATE_ENV = 'EXCHCERT_STAND_IN_STATE';

/** One server of the stand-in organization. */
export interface StandInServer {
  readonly name: string;
  /** Exchange's AdminDisplayVersion, e.g. `Version 15.1 (Build 2507.6)`. */
  readonly version: string;
  /** Services whose role is missing there (Enable-ExchangeCertificate refuses them). */
  readonly missingRoles?: readonly string[];
  readonly certificates: { readonly der: string; readonly services: string; readonly hasKey: boolean }[];
}

/** The stand-in's whole state, as kept in its JSON file. */
export interface StandInState {
  readonly servers: StandInServer[];
  readonly sendConnectors: { readonly name: string; readonly tls: string | null }[];
  readonly receiveConnectors: { readonly name: string; readonly server: string; readonly tls: string | null }[];
}

const SUPPORT = String.raw`
function Read-StandIn { Get-Content -Raw -LiteralPath $env:${STAND_IN_STATE_ENV} | ConvertFrom-Json -AsHashtable }
function Save-StandIn($State) { $State | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath $env:${STAND_IN_STATE_ENV} }
function Find-StandInServer($State, $Name) {
    if (-not $Name) { return $State.servers[0] }
    $found = @($State.servers | Where-Object { $_.name -eq [string]$Name })
    if ($found.Count -eq 0) { throw "The operation couldn't be performed because object '$Name' couldn't be found." }
    $found[0]
}
function ConvertTo-StandInCertificate($Entry) {
    $c = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new([System.Convert]::FromBase64String($Entry.der))
    $domains = @()
    $san = $c.Extensions | Where-Object { $_.Oid.Value -eq '2.5.29.17' }
    if ($san) {
        $domains = @([System.Security.Cryptography.X509Certificates.X509SubjectAlternativeNameExtension]::new($san.RawData, $san.Critical).EnumerateDnsNames())
    }
    [pscustomobject]@{
        PSTypeName = 'Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate'
        CertificateDomains = $domains; HasPrivateKey = [bool]$Entry.hasKey; IsSelfSigned = ($c.Subject -eq $c.Issuer)
        Issuer = $c.Issuer; NotAfter = $c.NotAfter.ToUniversalTime(); NotBefore = $c.NotBefore.ToUniversalTime()
        PublicKeySize = $c.PublicKey.GetRSAPublicKey().KeySize; SerialNumber = $c.SerialNumber
        Services = [string]$Entry.services; Status = 'Valid'; Subject = $c.Subject; Thumbprint = $c.Thumbprint
        FriendlyName = $c.FriendlyName; SignatureAlgorithm = $c.SignatureAlgorithm.FriendlyName
    }
}
function Get-ExchangeServer {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string]$Identity)
    foreach ($s in (Read-StandIn).servers) {
        if (-not $Identity -or $s.name -eq $Identity) { [pscustomobject]@{ Name = $s.name; AdminDisplayVersion = $s.version } }
    }
}
function Get-SendConnector {
    [CmdletBinding()]
    param()
    foreach ($c in (Read-StandIn).sendConnectors) { [pscustomobject]@{ Name = $c.name; TlsCertificateName = $c.tls } }
}
function Get-ReceiveConnector {
    [CmdletBinding()]
    param()
    foreach ($c in (Read-StandIn).receiveConnectors) {
        [pscustomobject]@{ Name = $c.name; Server = $c.server; TlsCertificateName = $c.tls }
    }
}
`;

// Bodies never assign $server: it is the -Server parameter (typed [string]) under another case.
const BODIES: Readonly<Record<string, string>> = {
  'Get-ExchangeCertificate': String.raw`process {
    $target = Find-StandInServer (Read-StandIn) $Server
    foreach ($entry in $target.certificates) {
        $o = ConvertTo-StandInCertificate $entry
        if (-not $Thumbprint -or $o.Thumbprint -eq $Thumbprint) { $o }
    }
}`,
  'Import-ExchangeCertificate': String.raw`process {
    $state = Read-StandIn
    $target = Find-StandInServer $state $Server
    $bytes = [byte[]]$FileData
    $flags = [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]::Exportable
    $c = if ($Password) { [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($bytes, $Password, $flags) }
         else { [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($bytes) }
    if (@($target.certificates | Where-Object { (ConvertTo-StandInCertificate $_).Thumbprint -eq $c.Thumbprint }).Count -gt 0) {
        Write-Error -Message "Cannot import certificate. A certificate with the thumbprint $($c.Thumbprint) already exists." -Category ResourceExists
        return
    }
    $entry = @{ der = [System.Convert]::ToBase64String($c.RawData); services = 'None'; hasKey = $c.HasPrivateKey }
    $target.certificates = @($target.certificates) + $entry
    Save-StandIn $state
    ConvertTo-StandInCertificate $entry
}`,
  'Enable-ExchangeCertificate': String.raw`process {
    $state = Read-StandIn
    $target = Find-StandInServer $state $Server
    $entry = $target.certificates | Where-Object { (ConvertTo-StandInCertificate $_).Thumbprint -eq $Thumbprint } | Select-Object -First 1
    if (-not $entry) { Write-Error -Message "The certificate with thumbprint $Thumbprint was not found on server $($target.name)." -Category ObjectNotFound; return }
    $asked = @(([string]($Services -join ',')) -split '[,\s]+' | Where-Object { $_ -and $_ -ne 'None' })
    $missing = @($asked | Where-Object { @($target.missingRoles) -contains $_ })
    if ($missing.Count -gt 0) {
        Write-Error -Message "The certificate can't be enabled for $($missing -join ', ') because the role that provides one of them isn't installed on $($target.name)." -Category InvalidOperation
        return
    }
    $held = @(([string]$entry.services) -split '[,\s]+' | Where-Object { $_ -and $_ -ne 'None' })
    $entry.services = (@($held) + @($asked | Where-Object { $held -notcontains $_ })) -join ', '
    Save-StandIn $state
}`,
  'Remove-ExchangeCertificate': String.raw`process {
    $state = Read-StandIn
    $target = Find-StandInServer $state $Server
    if ($PSCmdlet.ShouldProcess($Thumbprint, 'Remove certificate')) {
        $target.certificates = @($target.certificates | Where-Object { (ConvertTo-StandInCertificate $_).Thumbprint -ne $Thumbprint })
        Save-StandIn $state
    }
}`,
};

function body(cmdlet: CmdletSpec): string {
  return BODIES[cmdlet.name] ?? recordBody(cmdlet);
}

/**
 * Writes the stand-in module and its state file into `dir`; returns the module path (for --import-module) and the
 * environment the CLI needs (the state file's path).
 */
export function writeStandIn(dir: string, state: StandInState): { module: string; env: Record<string, string> } {
  const module = join(dir, 'ExchcertStandIn.psm1');
  writeFileSync(module, `${powershellModule({ shell: '7', body })}\n${SUPPORT}`);
  const file = join(dir, 'stand-in-state.json');
  writeFileSync(file, JSON.stringify(state, null, 2));
  return { module, env: { [STAND_IN_STATE_ENV]: file } };
}
