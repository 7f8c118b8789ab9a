// What a helper command implementation sees of its invocation and of the interpreter.
import type { Extent } from '../ast/ast.js';
import type { CmdletSpec } from '../spec/cmdlet-spec.js';
import type { ShellView } from '../spec/registry.js';
import type { InterpreterDialect } from '../runtime/interpreter-dialect.js';
import type { InterpreterEnv } from './interpreter-env.js';
import type { ScriptBlockValue } from '../runtime/script-block-value.js';
import type { Transcript } from './transcript.js';

/** Fields of an error a command writes or throws (the command name, line and column are filled in). */
export interface CommandErrorFields {
  readonly message: string;
  readonly category: string;
  readonly errorId: string;
  /** .NET exception type (for catch [Type]); default by category. */
  readonly exceptionType?: string;
  readonly targetObject?: unknown;
  /** FullyQualifiedErrorId when it is not `<errorId>,<command>`. */
  readonly fullyQualifiedErrorId?: string;
}

/** One invocation of a helper command. */
export interface CommandContext {
  readonly spec: CmdletSpec;
  readonly view: ShellView;
  readonly parameterSet: string;
  /** Evaluated parameter values by camelCase name (only those given). */
  readonly params: Readonly<Record<string, unknown>>;
  /** Pipeline input objects; undefined when the command is first in its pipeline. */
  readonly input: readonly unknown[] | undefined;
  readonly extent: Extent;
  readonly env: InterpreterEnv;
  readonly dialect: InterpreterDialect;
  /** Writes a non-terminating error (honours -ErrorAction / $ErrorActionPreference). */
  writeError(fields: CommandErrorFields): void;
  /** Writes a warning (honours -WarningAction / $WarningPreference). */
  writeWarning(message: string): void;
  /** Writes text to the host (Write-Host). */
  hostWrite(text: string): void;
  /** Raises a statement-terminating error (ThrowTerminatingError). */
  fail(fields: CommandErrorFields): never;
  /** Stops the run: the command uses something the interpreter does not implement. */
  unsupported(what: string): never;
  /** Runs a script block with `$_` set to `item`. */
  invokeScriptBlock(sb: ScriptBlockValue, item: unknown): Promise<unknown[]>;
  /** A provider path made absolute against the current location. */
  resolvePath(path: string): string;
  /** The .NET conversion error text for a string that is not a number. */
  notANumber(text: string): string;
  /** A variable as the command's caller sees it (`VerbosePreference`, ...). */
  variable(name: string): unknown;
  /** Moves the session's clock forward (Start-Sleep never waits). */
  sleep(ms: number): void;
  /** The session's transcript (Start-/Stop-Transcript). */
  readonly transcript: Transcript;
}
