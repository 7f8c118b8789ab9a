// One long-lived PSRP pipeline that runs each call sent to it as input: no pipeline set-up or tear-down per call.
import { randomUUID } from 'node:crypto';
import type { Secret } from '../../node/secret.js';
import type { HostAnswer, HostCall, PipelineHandle, PipelineResult, RunspacePool } from '../../psrp/runspace-pool.js';

/** One call through the loop. */
export interface LoopCall {
  readonly text: string;
  /** Run as this script file (its own scope); absent: dot-sourced at the global scope. */
  readonly scriptPath?: string;
  readonly variables?: Readonly<Record<string, string>>;
  readonly secrets?: ReadonlyMap<string, Secret>;
}

/** Options of one call. */
export interface LoopCallOptions {
  readonly host?: (call: HostCall) => HostAnswer;
  /** Aborting stops the call (and the loop; the next call starts a new one). */
  readonly signal?: AbortSignal;
}

interface Current {
  readonly result: Omit<PipelineResult, 'state' | 'terminating'>;
  readonly host: ((call: HostCall) => HostAnswer) | undefined;
  done(r: PipelineResult): void;
  fail(e: Error): void;
}

// Dot-sourced at the global scope, so it names only `$__exchcert*` variables. A call's variables are set global and
// removed after; a parse error or a script-terminating error ends the loop as it would end the call's own pipeline.
// No try block around the call's text: inside one, PowerShell makes statement-terminating errors script-terminating.
// A do-while(false) takes a top-level break or continue in the text (which ends that text, as it ends a script).
// Text goes through [scriptblock]::Create, whose cache of compiled blocks makes a repeated line cheap; a call with
// no variables and no file comes as the bare text (the shortest message to deserialise).
const loopScript = (marker: string) => `foreach ($__exchcertCall in $input) {
if ($__exchcertCall -is [string]) {
try { $__exchcertBlock = [scriptblock]::Create($__exchcertCall) } catch { throw $_.Exception.InnerException }
do { . $__exchcertBlock } while ($false)
'${marker}'
continue
}
if ($__exchcertCall.Names.Count -gt 0) {
foreach ($__exchcertName in $__exchcertCall.Plain.Keys) { Set-Variable -Scope Global -Name $__exchcertName -Value $__exchcertCall.Plain[$__exchcertName] }
foreach ($__exchcertName in $__exchcertCall.Secret.Keys) { $__exchcertCall.Secret[$__exchcertName].MakeReadOnly(); Set-Variable -Scope Global -Name $__exchcertName -Value $__exchcertCall.Secret[$__exchcertName] }
}
if ($__exchcertCall.Path) {
$__exchcertErrors = $null
$__exchcertAst = [System.Management.Automation.Language.Parser]::ParseInput($__exchcertCall.Text, $__exchcertCall.Path, [ref]$null, [ref]$__exchcertErrors)
if ($__exchcertErrors.Count -gt 0) { throw [System.Management.Automation.ParseException]::new($__exchcertErrors) }
do { & $__exchcertAst.GetScriptBlock() } while ($false)
} else {
try { $__exchcertBlock = [scriptblock]::Create($__exchcertCall.Text) } catch { throw $_.Exception.InnerException }
do { . $__exchcertBlock } while ($false)
}
if ($__exchcertCall.Names.Count -gt 0) { Remove-Variable -Scope Global -Name $__exchcertCall.Names -ErrorAction Ignore }
'${marker}'
}`;

// Adds the held run of format objects to `into` as the console's lines (120 wide) and empties the run.
const flushFormatRun = (into: string) =>
  `if ($global:__exchcertRun.Count -gt 0) { foreach ($__exchcertLine in ($global:__exchcertRun | Out-String -Stream -Width 120)) { ${into}.Add($__exchcertLine) }; $global:__exchcertRun.Clear() }`;

// The loop's second command: holds a call's output until its marker, then sends it with the marker as one array (one
// message per call however many objects it wrote; a lone string or value goes as it is, then the marker: cheapest to
// read). Format-* output is rendered as the console shows it (120 wide; each run of format objects as Out-String's
// lines, as the runner renders it). The held objects live in globals, so a call that ends the loop (a
// script-terminating error, a stop) still gets the output it wrote before (see HELD_OUTPUT).
const renderAndHold = (
  marker: string,
) => `begin { $global:__exchcertRun = [System.Collections.Generic.List[object]]::new(); $global:__exchcertHeld = [System.Collections.Generic.List[object]]::new() }
process {
if ($null -ne $_ -and $_.GetType().Namespace -eq 'Microsoft.PowerShell.Commands.Internal.Format') { $global:__exchcertRun.Add($_); return }
${flushFormatRun('$global:__exchcertHeld')}
$global:__exchcertHeld.Add($_)
if ($_ -is [string] -and $_ -ceq '${marker}') {
$__exchcertFirst = $global:__exchcertHeld[0]
if ($global:__exchcertHeld.Count -le 2 -and ($__exchcertFirst -is [string] -or $__exchcertFirst -is [ValueType])) { $global:__exchcertHeld } else { ,$global:__exchcertHeld.ToArray() }
$global:__exchcertHeld.Clear()
}
}`;

// After a call that ended the loop: its variables removed, and the output the loop held for it (rendered) sent back.
const HELD_OUTPUT = `param([string[]] $Names)
if ($Names.Count -gt 0) { Remove-Variable -Scope Global -Name $Names -ErrorAction Ignore }
$__exchcertLeft = $global:__exchcertHeld
if ($null -ne $__exchcertLeft) { ${flushFormatRun('$__exchcertLeft')} }
Remove-Variable -Scope Global -Name __exchcertHeld, __exchcertRun -ErrorAction Ignore
if ($null -ne $__exchcertLeft) { ,$__exchcertLeft.ToArray() }`;

/**
 * Runs calls on one pipeline fed by input; each call's records end at a marker only this loop knows.
 * @example const loop = new PsrpCallLoop(pool); const r = await loop.call({ text: '1 + 1' }); // r.output: [2]
 */
export class PsrpCallLoop {
  private readonly marker = `exchcert-call-end-${randomUUID()}`;
  private handle: PipelineHandle | null = null;
  private current: Current | null = null;

  constructor(private readonly pool: RunspacePool) {}

  /** Runs one call; resolves with its records (state Completed at the marker, else the loop's end state). */
  async call(request: LoopCall, options: LoopCallOptions = {}): Promise<PipelineResult> {
    if (this.current) throw new Error('a call is already running in this loop');
    const handle = this.handle ?? (await this.startLoop());
    const finished = new Promise<PipelineResult>((done, fail) => {
      this.current = {
        result: { output: [], errors: [], warnings: [], verbose: [], debug: [], information: [] },
        host: options.host,
        done,
        fail,
      };
    });
    const onAbort = () => void handle.stop();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
    const names = [...Object.keys(request.variables ?? {}), ...(request.secrets?.keys() ?? [])];
    try {
      // Not awaited: the ack may come after the call's records; a dead session fails `finished` instead.
      const plain = names.length === 0 && request.scriptPath === undefined;
      void handle
        .input(
          plain
            ? request.text
            : new Map<string, unknown>([
                ['Text', request.text],
                ['Path', request.scriptPath ?? null],
                ['Plain', new Map(Object.entries(request.variables ?? {}))],
                ['Secret', new Map(request.secrets ?? [])],
                ['Names', names],
              ]),
        )
        .catch(() => undefined);
      const result = await finished;
      // A call that ended the loop (stopped, failed) did not reach the loop's removal of its variables nor its output.
      if (!this.running && this.pool.state === 'Opened') {
        const left = await this.pool.invoke([
          { name: HELD_OUTPUT, isScript: true, useLocalScope: true, args: [{ name: 'Names', value: names }] },
        ]);
        const held: unknown = left.output[0];
        if (Array.isArray(held) && held.length > 0)
          return { ...result, output: [...result.output, ...(held as unknown[])] };
      }
      return result;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      this.current = null;
    }
  }

  /** True while the loop's pipeline runs (between calls it waits for input). */
  get running(): boolean {
    return this.handle !== null;
  }

  /** Ends the loop's input and waits for its pipeline to complete. */
  async end(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    await handle.endInput();
    await handle.finished.catch(() => undefined);
  }

  /** The output of an array that ends with the marker; null for any other value. */
  private batch(value: unknown): unknown[] | null {
    return Array.isArray(value) && value.length > 0 && value[value.length - 1] === this.marker
      ? value.slice(0, -1)
      : null;
  }

  private async startLoop(): Promise<PipelineHandle> {
    const commands = [
      { name: loopScript(this.marker), isScript: true, useLocalScope: false },
      { name: renderAndHold(this.marker), isScript: true, useLocalScope: true },
    ];
    const handle = await this.pool.start(commands, {
      input: true,
      host: (call) => this.current?.host?.(call) ?? null,
      onRecord: (stream, value) => {
        const c = this.current;
        if (!c) return;
        // The call's end: the marker alone (after at most one plain value) or last in the array of its output.
        const last = stream !== 'output' ? null : value === this.marker ? [] : this.batch(value);
        if (last) {
          this.current = null;
          const output = [...c.result.output, ...last];
          c.done({ ...c.result, output, terminating: null, state: 'Completed' });
        } else (c.result[stream] as unknown[]).push(value);
      },
    });
    this.handle = handle;
    handle.finished.then(
      (r) => {
        this.handle = null;
        const c = this.current;
        this.current = null;
        c?.done({
          ...c.result,
          errors: r.terminating ? [...c.result.errors, r.terminating] : c.result.errors,
          terminating: r.terminating,
          state: r.state,
        });
      },
      (e: Error) => {
        this.handle = null;
        const c = this.current;
        this.current = null;
        c?.fail(e);
      },
    );
    return handle;
  }
}
