// What the interpreter's parts (statements, pipelines, Exchange calls, expressions) share of one running session.
import type { ExpressionAst, PipelineAst, StatementAst } from '../ast/ast.js';
import type { InterpreterDialect } from '../runtime/interpreter-dialect.js';
import type { PsErrorRecord } from '../runtime/ps-error-record.js';
import type { OperatorContext } from '../runtime/ps-operators.js';
import type { ScriptBlockValue } from '../runtime/script-block-value.js';
import type { ErrorStream } from './error-stream.js';
import type { Callable } from './callable.js';
import type { InterpreterEnv } from './interpreter-env.js';
import type { MemberContext } from './ps-members.js';
import type { SessionVariables } from './session-variables.js';
import type { StaticContext } from './static-members.js';
import type { Transcript } from './transcript.js';

/** One session's state and the entry points its parts call each other through (implemented by `Interpreter`). */
export interface InterpreterCore {
  readonly env: InterpreterEnv;
  readonly dialect: InterpreterDialect;
  readonly vars: SessionVariables;
  readonly errors: ErrorStream;
  /** Values of splatted variables the binder saw, by the AST node that names them. */
  readonly injected: WeakMap<object, unknown>;
  /** The error records of the catch blocks running now (innermost last), for a bare `throw`. */
  readonly catchStack: PsErrorRecord[];
  readonly memberCtx: MemberContext;
  readonly operatorCtx: OperatorContext;
  readonly staticCtx: StaticContext;
  /** The functions defined so far, by lower-case name. */
  readonly functions: Map<string, Callable>;
  /** The session's transcript. */
  readonly transcript: Transcript;
  /** Moves the session's clock forward (Start-Sleep). */
  sleep(ms: number): void;
  /** Writes host text (Write-Host, VERBOSE:) to the host and the transcript. */
  hostWrite(text: string): void;
  /** `$?`. */
  success: boolean;
  /** How many try blocks are running now. */
  tryDepth: number;
  /** Statements run since the interpreter last yielded to the event loop (only when the host can cancel). */
  sinceYield: number;
  exec(st: StatementAst, out: unknown[]): Promise<void>;
  execBlock(statements: readonly StatementAst[], out: unknown[]): Promise<void>;
  statementValue(st: StatementAst): Promise<unknown>;
  execPipeline(p: PipelineAst, out: unknown[]): Promise<void>;
  evalExpr(e: ExpressionAst): Promise<unknown>;
  invokeScriptBlock(sb: ScriptBlockValue, item: unknown): Promise<unknown[]>;
}
