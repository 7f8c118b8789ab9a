// `--backend sim`: real pwsh (persistent session, runner or PSRP) with the ExchcertSim module, its engine on --state.
import { platform } from 'node:os';
import { resolve } from 'node:path';
import type { Backend, RunOptions, RunResult, SessionInfo } from '../backend.js';
import type { BackendOptions } from '../backend-options.js';
import type { CompiledScript } from '../../dialect/compiled-script.js';
import { DEFAULT_STATE_DIR } from '../mock/mock-state.js';
import { importModuleText } from '../session/bootstrap.js';
import { sessionTransport } from '../session/session-transport.js';
import { sessionBackend } from '../session/session-backend.js';
import { serveEngine, EngineRunningError } from './engine-server.js';
import type { EngineServer } from './engine-server.js';
import { psQuote } from '../../spec/powershell-module.js';
import { simModulePath } from './sim-module-path.js';
import { displayPathMapper } from './windows-display-paths.js';

/** What the session runs after pwsh starts: where the state is, the module, then the connected server. */
export const SIM_BOOTSTRAP = `$env:EXCHCERT_STATE = $ExchcertSimState
$env:EXCHCERT_CONNECT = $ExchcertSimConnect
`;

/**
 * What the EMS session has and pwsh 7 on Linux lacks, for the file cmdlets runbooks use: Windows paths (C:\\...,
 * matched case-insensitively as on NTFS) are the state's file system, the one the mock's cmdlets read and write; and
 * Windows PowerShell's -Encoding Byte is -AsByteStream. Everything else goes to the real cmdlets unchanged.
 */
export const SIM_EMS_FILES = `function global:ConvertTo-ExchcertSimHostPath([string[]]$Path) {
    foreach ($p in $Path) {
        if ($p -match '^[A-Za-z]:[\\\\/]|^[\\\\/]{2}[^\\\\/]') {
            (& (Get-Module -Name ExchcertSim) { param($q) Send-ExchcertSimRequest @{ op = 'resolvePath'; path = $q } } $p)['hostPath']
        }
        else { $p }
    }
}
function global:Get-Content {
    [CmdletBinding()]
    param([Parameter(Position = 0, ValueFromPipelineByPropertyName = $true)][string[]]$Path, [string[]]$LiteralPath, [object]$Encoding, [long]$ReadCount, [long]$TotalCount, [long]$Tail, [switch]$Raw, [string]$Delimiter, [switch]$AsByteStream)
    process {
        $bound = @{} + $PSBoundParameters
        if ($bound.ContainsKey('Encoding') -and [string]$bound['Encoding'] -eq 'Byte') { $null = $bound.Remove('Encoding'); $bound['AsByteStream'] = $true }
        if ($bound.ContainsKey('Path')) { $bound['LiteralPath'] = @(ConvertTo-ExchcertSimHostPath $bound['Path']); $null = $bound.Remove('Path') }
        elseif ($bound.ContainsKey('LiteralPath')) { $bound['LiteralPath'] = @(ConvertTo-ExchcertSimHostPath $bound['LiteralPath']) }
        Microsoft.PowerShell.Management\\Get-Content @bound
    }
}
function global:Set-Content {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]]$Path, [string[]]$LiteralPath, [Parameter(Position = 1, ValueFromPipeline = $true)][object[]]$Value, [object]$Encoding, [switch]$NoNewline, [switch]$Force, [switch]$PassThru, [switch]$AsByteStream)
    begin { $items = [System.Collections.Generic.List[object]]::new() }
    process { foreach ($v in $Value) { $items.Add($v) } }
    end {
        $bound = @{} + $PSBoundParameters
        $bound['Value'] = $items.ToArray()
        if ($bound.ContainsKey('Encoding') -and [string]$bound['Encoding'] -eq 'Byte') { $null = $bound.Remove('Encoding'); $bound['AsByteStream'] = $true }
        if ($bound.ContainsKey('Path')) { $bound['LiteralPath'] = @(ConvertTo-ExchcertSimHostPath $bound['Path']); $null = $bound.Remove('Path') }
        elseif ($bound.ContainsKey('LiteralPath')) { $bound['LiteralPath'] = @(ConvertTo-ExchcertSimHostPath $bound['LiteralPath']) }
        Microsoft.PowerShell.Management\\Set-Content @bound
    }
}
function global:Test-Path {
    [CmdletBinding()]
    param([Parameter(Position = 0, ValueFromPipeline = $true)][string[]]$Path, [string[]]$LiteralPath, [object]$PathType)
    process {
        $bound = @{} + $PSBoundParameters
        if ($bound.ContainsKey('Path')) { $bound['LiteralPath'] = @(ConvertTo-ExchcertSimHostPath $bound['Path']); $null = $bound.Remove('Path') }
        elseif ($bound.ContainsKey('LiteralPath')) { $bound['LiteralPath'] = @(ConvertTo-ExchcertSimHostPath $bound['LiteralPath']) }
        Microsoft.PowerShell.Management\\Test-Path @bound
    }
}
`;

/**
 * The other file cmdlets runbooks use, as proxies of the real ones (ProxyCommand, so every parameter binds natively) whose
 * path parameters go through the same mapping; Join-Path joins a Windows path with a backslash as Windows does (the
 * cmdlets it is passed to map it).
 */
export const SIM_EMS_FILE_PROXIES = String.raw`function global:Copy-ExchcertSimErrorRecord($Record) {
    $ctor = & (Get-Module -Name ExchcertSim) { $script:ExchcertSimRecordCtor }
    if (-not $ctor) { return $Record }
    return $ctor.Invoke(@($Record.Exception, $Record.TargetObject, $Record.FullyQualifiedErrorId, $Record.CategoryInfo.Category, $null, $null, $null, $null, $null, $null, $null))
}
function global:ConvertTo-ExchcertSimBoundPath($Bound) {
    foreach ($key in @('Path', 'LiteralPath', 'FilePath', 'Destination', 'OutputDirectory')) {
        if ($Bound.ContainsKey($key) -and $null -ne $Bound[$key]) {
            $mapped = @(ConvertTo-ExchcertSimHostPath ([string[]]$Bound[$key]))
            if ($Bound[$key] -is [array]) { $Bound[$key] = [string[]]$mapped } else { $Bound[$key] = $mapped[0] }
        }
    }
}
foreach ($name in @('Microsoft.PowerShell.Utility\Export-Csv', 'Microsoft.PowerShell.Utility\Import-Csv', 'Microsoft.PowerShell.Utility\Out-File',
        'Microsoft.PowerShell.Management\Add-Content', 'Microsoft.PowerShell.Management\New-Item', 'Microsoft.PowerShell.Management\Get-ChildItem',
        'Microsoft.PowerShell.Management\Copy-Item', 'Microsoft.PowerShell.Management\Remove-Item', 'Microsoft.PowerShell.Host\Start-Transcript')) {
    $text = [System.Management.Automation.ProxyCommand]::Create([System.Management.Automation.CommandMetadata]::new((Get-Command -Name $name)))
    $text = $text.Replace('$outBuffer = $null', 'ConvertTo-ExchcertSimBoundPath $PSBoundParameters' + [char]10 + '        $outBuffer = $null')
    # The cmdlet's terminating error stays statement-terminating (a proxy's plain throw would end the whole script) and
    # keeps its FullyQualifiedErrorId (ThrowTerminatingError would rename it after the proxy function).
    $text = $text.Replace('        throw' + [char]10, '        $PSCmdlet.ThrowTerminatingError((Copy-ExchcertSimErrorRecord $_))' + [char]10)
    $null = Microsoft.PowerShell.Management\New-Item -Path ('function:global:' + $name.Split('\')[-1]) -Value ([scriptblock]::Create($text)) -Force
}
Remove-Variable -Name text, name
function global:Join-Path {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)][Alias('PSPath')][string[]]$Path,
        [Parameter(Mandatory = $true, Position = 1, ValueFromPipelineByPropertyName = $true)][AllowEmptyString()][AllowNull()][string]$ChildPath,
        [Parameter(Position = 2, ValueFromRemainingArguments = $true)][string[]]$AdditionalChildPath, [switch]$Resolve)
    process {
        foreach ($p in $Path) {
            if (-not $Resolve -and $p -match '^[A-Za-z]:[\\/]?|^[\\/]{2}[^\\/]') {
                $joined = $p
                foreach ($c in @($ChildPath) + @($AdditionalChildPath)) {
                    if ([string]::IsNullOrEmpty($c)) { continue }
                    $joined = $joined.TrimEnd('\', '/') + '\' + $c.TrimStart('\', '/')
                }
                $joined
            }
            else {
                $bound = @{} + $PSBoundParameters
                $bound['Path'] = $p
                Microsoft.PowerShell.Management\Join-Path @bound
            }
        }
    }
}
`;

/**
 * The mock's clock in the session: Start-Sleep moves the organization's clock on instead of waiting, and Get-Date
 * without -Date is the real time plus what the session slept (as the mock's Get-Date is).
 */
export const SIM_EMS_CLOCK = String.raw`$global:ExchcertSimSleptMs = [long]0
function global:Start-Sleep {
    [CmdletBinding(DefaultParameterSetName = 'Seconds')]
    param([Parameter(ParameterSetName = 'Seconds', Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)][double]$Seconds,
        [Parameter(ParameterSetName = 'Milliseconds', Mandatory = $true, ValueFromPipelineByPropertyName = $true)][Alias('ms')][int]$Milliseconds,
        [Parameter(ParameterSetName = 'FromTimeSpan', Mandatory = $true, ValueFromPipelineByPropertyName = $true)][Alias('ts')][timespan]$Duration)
    process {
        $ms = switch ($PSCmdlet.ParameterSetName) { 'Seconds' { $Seconds * 1000 } 'Milliseconds' { $Milliseconds } default { $Duration.TotalMilliseconds } }
        $ms = [long][System.Math]::Max(0, $ms)
        $null = & (Get-Module -Name ExchcertSim) { param($m) Send-ExchcertSimRequest @{ op = 'sleep'; ms = $m } } $ms
        $global:ExchcertSimSleptMs += $ms
    }
}
$text = [System.Management.Automation.ProxyCommand]::Create([System.Management.Automation.CommandMetadata]::new((Get-Command -Name 'Microsoft.PowerShell.Utility\Get-Date')))
$now = 'if (-not $MyInvocation.ExpectingInput -and -not $PSBoundParameters.ContainsKey(''Date'') -and -not $PSBoundParameters.ContainsKey(''UnixTimeSeconds'')) { $PSBoundParameters[''Date''] = [datetime]::Now.AddMilliseconds($global:ExchcertSimSleptMs) }'
$text = $text.Replace('$outBuffer = $null', $now + [char]10 + '        $outBuffer = $null')
$null = Microsoft.PowerShell.Management\New-Item -Path 'function:global:Get-Date' -Value ([scriptblock]::Create($text)) -Force
Remove-Variable -Name text, now
`;

/**
 * The whole sim session as one bootstrap text, for a pwsh this process does not start (`--backend ssh --bootstrap FILE`
 * on the machine that holds the state): the state, the module, the connected server, the file cmdlets and the clock.
 * @example writeFileSync('sim.ps1', simSessionText({ stateDir: '/srv/exchcert', node: process.execPath }));
 */
export function simSessionText(options: { stateDir: string; connect?: string; node?: string }): string {
  return [
    `$env:EXCHCERT_STATE = ${psQuote(options.stateDir)}`,
    `$env:EXCHCERT_CONNECT = ${psQuote(options.connect ?? '')}`,
    ...(options.node !== undefined ? [`$env:EXCHCERT_NODE = ${psQuote(options.node)}`] : []),
    `Import-Module -Name ${psQuote(simModulePath())}`,
    '& (Get-Module -Name ExchcertSim) { Initialize-ExchcertSimSession }',
    SIM_EMS_FILES,
    SIM_EMS_FILE_PROXIES,
    SIM_EMS_CLOCK,
  ].join('\n');
}

/** The engine of the state: started in this process, or the one already serving it (another CLI, a module). */
async function startEngine(stateDir: string, log: BackendOptions['log']): Promise<EngineServer | null> {
  try {
    return await serveEngine({ stateDir, platform: platform(), ...(log ? { log } : {}) });
  } catch (error) {
    if (error instanceof EngineRunningError) return null;
    throw error;
  }
}

/**
 * The simulated Exchange in real PowerShell: the six cmdlets of the ExchcertSim module, backed by the mock's engine.
 * @example const b = simBackend({ state: '.exchcert' }); await b.run('Get-ExchangeCertificate | Format-List'); await b.close();
 */
export function simBackend(options: BackendOptions = {}): Backend {
  const given = options.state;
  const stateDir = resolve(typeof given === 'object' ? given.dir : (given ?? DEFAULT_STATE_DIR));
  const timeout = options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {};
  const transport = sessionTransport(options.transport, {
    bootstrap: [
      {
        text: SIM_BOOTSTRAP,
        displayText: 'sim bootstrap',
        variables: { ExchcertSimState: stateDir, ExchcertSimConnect: options.connect ?? '' },
        ...timeout,
      },
      { text: importModuleText([simModulePath(), ...(options.importModule ?? [])]), ...timeout },
      {
        text: '& (Get-Module -Name ExchcertSim) { Initialize-ExchcertSimSession }',
        displayText: 'sim connect',
        ...timeout,
      },
      { text: SIM_EMS_FILES, displayText: 'sim file cmdlets', ...timeout },
      { text: SIM_EMS_FILE_PROXIES, displayText: 'sim file cmdlet proxies', ...timeout },
      { text: SIM_EMS_CLOCK, displayText: 'sim clock', ...timeout },
    ],
    ...(options.pwsh ? { pwsh: options.pwsh } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const session = sessionBackend({ name: 'sim', transport, options });
  let engine: Promise<EngineServer | null> | null = null;
  const ready = () => (engine ??= startEngine(stateDir, options.log));
  return {
    name: 'sim',
    async run(script: CompiledScript | string, run?: RunOptions): Promise<RunResult> {
      await ready();
      // What streams to the host (text, finished statements) shows Windows paths too, as the same records.
      const map = displayPathMapper(stateDir);
      const host = run?.host ?? options.runHost;
      const shown: RunOptions | undefined = host
        ? {
            ...run,
            host: {
              write: (t) => host.write(map.text(t)),
              statementStarting: (t) => host.statementStarting?.(t),
              statementDone: (st) => host.statementDone?.(map.statement(st)),
            },
          }
        : run;
      return map.result(await session.run(script, shown));
    },
    async info(): Promise<SessionInfo> {
      await ready();
      return session.info();
    },
    async close(): Promise<void> {
      await session.close();
      const running = await engine;
      await running?.close();
    },
  };
}
