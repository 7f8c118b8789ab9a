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
import { simModulePath } from './sim-module-path.js';

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
    ],
    ...(options.pwsh ? { pwsh: options.pwsh } : {}),
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
      return session.run(script, run);
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
