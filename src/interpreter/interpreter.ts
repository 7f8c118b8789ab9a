// The runbook interpreter: runs the parsed AST with PowerShell's semantics against the simulated Exchange and file system.
import type { ExpressionAst, PipelineAst, ScriptBlockAst, StatementAst } from '../ast/ast.js';
import { parse } from '../parser/parser.js';
import { StoreError } from '../engine/store/store-error.js';
import { formatForHost } from '../format/format-output.js';
import { interpreterDialect } from '../runtime/interpreter-dialect.js';
import type { InterpreterDialect } from '../runtime/interpreter-dialect.js';
import { PsErrorRecord, PsTerminatingError } from '../runtime/ps-error-record.js';
import { PsHashtable } from '../runtime/ps-hashtable.js';
import type { OperatorContext } from '../runtime/ps-operators.js';
import type { ScriptBlockValue } from '../runtime/script-block-value.js';
import { VersionValue } from '../runtime/ps-values.js';
import type { ErrorRecord, StatementResult } from '../spec/output/run-result.js';
import { checkSubset } from './check-subset.js';
import { ErrorStream, internalRecord, refusalRecord } from './error-stream.js';
import { evalExpr } from './expressions.js';
import { FlowSignal } from './flow-signal.js';
import { bindScriptParameters } from './functions.js';
import type { Callable } from './callable.js';
import type { InterpreterCore } from './interpreter-core.js';
import type { InterpretResult, InterpreterEnv } from './interpreter-env.js';
import { PipelineStopped } from './pipeline-stopped.js';
import { execPipeline } from './pipelines.js';
import type { MemberContext } from './ps-members.js';
import { redactStatement } from './redact-statement.js';
import { Transcript } from './transcript.js';
import { consoleText } from './console-text.js';
import { CURRENT_ITEM, SessionVariables } from './session-variables.js';
import { execGuarded, execStatement, statementValue } from './statements.js';
import type { StaticContext } from './static-members.js';

/** A state store error about the state folder itself (damaged, foreign, too new), which no runbook can handle. */
function isStateProblem(e: unknown): boolean {
  return e instanceof StoreError && e.code.startsWith('STATE_');
}

/** One interpreter: a session's variables, `$Error` and preferences; `run` executes scripts in it. */
export class Interpreter implements InterpreterCore {
  readonly env: InterpreterEnv;
  readonly dialect: InterpreterDialect;
  readonly vars: SessionVariables;
  readonly errors: ErrorStream;
  readonly injected = new WeakMap<object, unknown>();
  readonly catchStack: PsErrorRecord[] = [];
  readonly functions = new Map<string, Callable>();
  readonly transcript = new Transcript();
  #sleptMs = 0;
  readonly memberCtx: MemberContext;
  readonly operatorCtx: OperatorContext;
  readonly staticCtx: StaticContext;
  success = true;
  tryDepth = 0;
  sinceYield = 0;

  constructor(env: InterpreterEnv) {
    const clock = env.now ?? (() => new Date());
    this.env = { ...env, now: () => new Date(clock().getTime() + this.#sleptMs) };
    this.dialect = interpreterDialect(env.shell);
    this.errors = new ErrorStream((name, globalOnly) =>
      globalOnly ? this.vars.getGlobal(name) : this.vars.getRaw(name),
    );
    this.vars = new SessionVariables(
      { success: () => this.success, errors: () => this.errors.list, psItem: this.dialect.psItem },
      env.scope ?? 'script',
    );
    const notANumber = (t: string) => this.dialect.notANumber(t);
    this.memberCtx = {
      dialect: this.dialect,
      notANumber,
      invokeScriptBlock: (sb, item) => this.invokeScriptBlock(sb, item),
    };
    this.operatorCtx = { notANumber, setMatches: (m) => this.vars.setRaw('Matches', m) };
    this.staticCtx = { fs: env.fs, dialect: this.dialect, notANumber, now: () => this.env.now!() };
    this.#setAutomaticVariables();
    for (const [k, val] of Object.entries(env.environment ?? {})) this.vars.setEnvironment(k, val);
    if (this.vars.get('env:COMPUTERNAME') === null) this.vars.setEnvironment('COMPUTERNAME', env.connectedServer);
    if (env.scriptPath !== undefined) {
      const cut = env.scriptPath.lastIndexOf('\\');
      const root = cut < 0 ? '' : env.scriptPath.slice(0, cut);
      this.vars.setRaw('PSScriptRoot', /^[a-z]:$/i.test(root) ? `${root}\\` : root);
      this.vars.setRaw('PSCommandPath', env.scriptPath);
    }
    for (const [k, val] of Object.entries(env.variables ?? {})) this.vars.setGlobal(k, val);
  }

  #setAutomaticVariables(): void {
    this.vars.setGlobal('ErrorActionPreference', 'Continue');
    this.vars.setGlobal('WarningPreference', 'Continue');
    this.vars.setGlobal('ConfirmPreference', 'High');
    const table = new PsHashtable();
    const v = this.dialect.psVersion;
    table.set('PSVersion', new VersionValue([v.major, v.minor, v.build, v.revision]));
    if (this.dialect.psEdition !== null) table.set('PSEdition', this.dialect.psEdition);
    table.set('PSCompatibleVersions', [new VersionValue([1, 0]), new VersionValue([2, 0])]);
    this.vars.setGlobal('PSVersionTable', table);
  }

  /** The user's variables (case-insensitive lookups). */
  get variables(): ReadonlyMap<string, unknown> {
    return this.vars.view();
  }

  /** Runs a script (text or AST); variables persist on this interpreter. */
  async run(script: string | ScriptBlockAst): Promise<InterpretResult> {
    const statements: StatementResult[] = [];
    let ast: ScriptBlockAst;
    try {
      ast = typeof script === 'string' ? parse(script) : script;
      checkSubset(ast, this.dialect);
    } catch (e) {
      const rec = refusalRecord(e);
      if (!rec) throw e;
      this.errors.list.unshift(new PsErrorRecord(rec, 'System.Management.Automation.ParseException'));
      return this.#result([], [rec], rec);
    }
    let terminated: ErrorRecord | null = null;
    try {
      await bindScriptParameters(this, ast);
    } catch (e) {
      if (!(e instanceof PsTerminatingError)) throw e;
      return this.#result([], [e.error.record], e.error.record);
    }
    for (const st of ast.statements) {
      const { done, terminating, stop } = await this.#runTopLevel(st);
      if (terminating) terminated = terminating;
      statements.push(done);
      this.transcript.note(consoleText(done, this.env.shell));
      if (this.env.host?.statementDone) this.env.host.statementDone(done);
      else if (done.output.length > 0 && this.env.host) {
        const text = formatForHost(done.output, this.env.shell);
        if (text !== '') this.env.host.write(`${text}\n`);
      }
      if (stop) break;
    }
    return this.#result(
      statements,
      statements.flatMap((s) => s.errors),
      terminated,
    );
  }

  /** Runs one top-level statement into its own sink; `stop` when the script ends there. */
  async #runTopLevel(
    st: StatementAst,
  ): Promise<{ done: StatementResult; terminating: ErrorRecord | null; stop: boolean }> {
    this.errors.sink = { errors: [], warnings: [] };
    const text = redactStatement(st, this.env.shell);
    this.env.host?.statementStarting?.(text);
    const output: unknown[] = [];
    let stop = false;
    let terminating: ErrorRecord | null = null;
    try {
      await execGuarded(this, st, output);
    } catch (e) {
      stop = true;
      if (e instanceof FlowSignal) {
        if (e.kind === 'return') output.push(...e.output);
      } else if (e instanceof PsTerminatingError) {
        terminating = e.error.record;
        this.errors.sink.errors.push(terminating);
      } else if (isStateProblem(e) || e instanceof PipelineStopped) {
        throw e; // a damaged, foreign or newer state ends the run with its own one-line message
      } else {
        terminating = refusalRecord(e) ?? internalRecord(e, st.extent);
        this.errors.list.unshift(new PsErrorRecord(terminating, 'System.Management.Automation.RuntimeException'));
        this.errors.sink.errors.push(terminating);
      }
    }
    const done: StatementResult = Object.freeze({
      line: st.extent.startLine,
      text,
      output: Object.freeze(output),
      errors: Object.freeze([...this.errors.sink.errors]),
      warnings: Object.freeze([...this.errors.sink.warnings]),
    });
    return { done, terminating, stop };
  }

  #result(
    statements: readonly StatementResult[],
    errors: readonly ErrorRecord[],
    terminated: ErrorRecord | null,
  ): InterpretResult {
    return Object.freeze({
      statements: Object.freeze([...statements]),
      output: Object.freeze(statements.flatMap((s) => s.output)),
      errors: Object.freeze([...errors]),
      terminated,
      variables: this.variables,
    });
  }

  sleep(ms: number): void {
    const step = Math.max(0, ms);
    this.#sleptMs += step;
    this.env.sleep?.(step);
  }

  hostWrite(text: string): void {
    this.env.host?.write(text);
    this.transcript.note(text);
  }

  exec(st: StatementAst, out: unknown[]): Promise<void> {
    return execStatement(this, st, out);
  }

  async execBlock(statements: readonly StatementAst[], out: unknown[]): Promise<void> {
    for (const st of statements) await execGuarded(this, st, out);
  }

  statementValue(st: StatementAst): Promise<unknown> {
    return statementValue(this, st);
  }

  execPipeline(p: PipelineAst, out: unknown[]): Promise<void> {
    return execPipeline(this, p, out);
  }

  evalExpr(e: ExpressionAst): Promise<unknown> {
    return evalExpr(this, e);
  }

  /** Runs a script block in the current scope with `$_` (and `$PSItem`) set to `item`. */
  async invokeScriptBlock(sb: ScriptBlockValue, item: unknown): Promise<unknown[]> {
    const previous = this.vars.getRaw(CURRENT_ITEM);
    this.vars.setRaw(CURRENT_ITEM, item);
    const out: unknown[] = [];
    try {
      await this.execBlock(sb.ast.statements, out);
    } catch (e) {
      if (e instanceof FlowSignal && e.kind === 'return') out.push(...e.output);
      else throw e;
    } finally {
      this.vars.setRaw(CURRENT_ITEM, previous);
    }
    return out;
  }
}
