// The runbook interpreter: runs the parsed AST with PowerShell's semantics against the simulated Exchange and file system.
import { bindCommand } from '../../../bind/bind-command.js';
import type { BindingSource } from '../../../bind/bind-command.js';
import type { BoundInvocation } from '../../../bind/bound-invocation.js';
import { BindingError } from '../../../errors/binding-error.js';
import { isExpression } from '../../../node/expression.js';
import type {
  AssignmentStatementAst, CommandAst, ExpressionAst, Extent, ForEachStatementAst, HashtableAst,
  PipelineAst, ScriptBlockAst, StatementAst, TryStatementAst, VariableExpressionAst,
} from '../../../parser/ast.js';
import { parse } from '../../../parser/parser.js';
import { ParseError } from '../../../parser/parse-error.js';
import type { ParameterSpec } from '../../../spec/cmdlet-spec.js';
import { ACTION_PREFERENCES } from '../../../spec/ps-type.js';
import { findCmdlet, shellView } from '../../../spec/registry.js';
import type { ErrorRecord, StatementResult } from '../../backend.js';
import { MockTerminatingError } from '../exchange/mock-exchange.js';
import type { CmdletCall } from '../exchange/mock-exchange.js';
import { bindPipelineObject } from './bind-pipeline-object.js';
import { builtinCommand } from './builtin-commands.js';
import { checkSubset } from './check-subset.js';
import { rewriteForBinding, runtimeSplats } from './command-binding.js';
import type { CommandContext, CommandErrorFields } from './command-context.js';
import { convertParameterValue } from './convert-parameter.js';
import { FlowSignal } from './flow-signal.js';
import { formatForHost } from '../../../format/format-output.js';
import { HELPER_COMMANDS } from './helpers/helper-commands.js';
import { indexValue } from './index-value.js';
import { interpreterDialect } from '../../../runtime/interpreter-dialect.js';
import type { InterpreterDialect } from '../../../runtime/interpreter-dialect.js';
import type { InterpretResult, InterpreterEnv } from './interpreter-env.js';
import { PsErrorRecord, PsException, PsTerminatingError, errorRecord, exceptionIs, resolveExceptionType } from '../../../runtime/ps-error-record.js';
import { PsHashtable } from '../../../runtime/ps-hashtable.js';
import { UnsupportedMethod, getMember, invokeMethod, setMember } from './ps-members.js';
import type { MemberContext } from './ps-members.js';
import { binaryOp, unaryOp } from '../../../runtime/ps-operators.js';
import type { OperatorContext } from '../../../runtime/ps-operators.js';
import { castTo, toCustomObject, typeValue } from '../../../runtime/ps-types.js';
import { StoreError } from '../store/store-error.js';
import { PipelineStopped } from './pipeline-stopped.js';
import { resolveProviderPath } from './provider-path.js';
import { redactStatement } from './redact-statement.js';
import { RuntimeFailure } from '../../../runtime/runtime-failure.js';
import { ScriptBlockValue } from '../../../runtime/script-block-value.js';
import { staticMethod, staticProperty } from './static-members.js';
import type { StaticContext } from './static-members.js';
import { UnsupportedConstructError } from './unsupported-construct.js';
import { VariableView } from './variable-view.js';
import type { VariableSlot } from './variable-view.js';
import { BINDING_ERROR_IDS } from '../../../errors/binding-error.js';
import {
  NO_OUTPUT, TypeValue, VersionValue, collect, elements, enumerate, isArrayLike, isTrue, markArrayList, normalize, toNumber, toStr,
} from '../../../runtime/ps-values.js';

/** Where a top-level statement's output, errors and warnings go while it runs. */
interface Sink {
  readonly errors: ErrorRecord[];
  readonly warnings: string[];
}

/** Variables PowerShell manages itself (left out of InterpretResult.variables). */
const AUTOMATIC = new Set(['true', 'false', 'null', '?', '_', 'psitem', 'error', 'matches', 'psversiontable', 'args', 'erroractionpreference', 'warningpreference', 'confirmpreference', 'ofs']);
const READ_ONLY = new Set(['true', 'false', '?', 'error', 'psversiontable', 'host']);
const STATEMENT_TYPES = new Set(['PipelineAst', 'AssignmentStatementAst', 'IfStatementAst', 'ForEachStatementAst', 'TryStatementAst', 'ThrowStatementAst', 'ReturnStatementAst', 'BreakStatementAst', 'ContinueStatementAst']);
/** Common parameters the interpreter handles itself (not passed to the simulated Exchange). */
const INTERPRETER_PARAMETERS = new Set(['errorVariable', 'warningVariable', 'outVariable', 'outBuffer', 'pipelineVariable', 'informationVariable', 'informationAction', 'progressAction']);
const BINDING_IDS = new Set<string>(BINDING_ERROR_IDS);
const NO_PIPELINE_OBJECT = Symbol('no pipeline input');
const CURRENT_ITEM = '_';

/** A literal the binder converted (no computed expression, no secret): usable as it is. */
function isLiteral(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Uint8Array) return true;
  if (Array.isArray(v)) return v.every(isLiteral);
  return false;
}

/** A frozen binder value as a plain mutable value. */
function thaw(v: unknown): unknown {
  return Array.isArray(v) ? v.map(thaw) : v;
}

/** The variable name without scope prefix, and whether it is an environment variable. */
function variableName(path: string): { name: string; env: boolean } {
  const m = /^(global|script|local|private|env):(.*)$/is.exec(path);
  if (!m) return { name: path, env: false };
  return { name: m[2]!, env: m[1]!.toLowerCase() === 'env' };
}

/** One interpreter: a session's variables, `$Error` and preferences; `run` executes scripts in it. */
export class Interpreter {
  readonly env: InterpreterEnv;
  readonly dialect: InterpreterDialect;
  readonly #vars = new Map<string, VariableSlot>();
  readonly #envVars = new Map<string, { name: string; value: string }>();
  readonly #errors: unknown[] = markArrayList([]);
  readonly #catchStack: PsErrorRecord[] = [];
  readonly #injected = new WeakMap<object, unknown>();
  #success = true;
  #tryDepth = 0;
  #errorsWritten = 0;
  #sink: Sink = { errors: [], warnings: [] };
  readonly #memberCtx: MemberContext;
  readonly #operatorCtx: OperatorContext;
  readonly #staticCtx: StaticContext;

  constructor(env: InterpreterEnv) {
    this.env = env;
    this.dialect = interpreterDialect(env.shell);
    const notANumber = (t: string) => this.dialect.notANumber(t);
    this.#memberCtx = { dialect: this.dialect, notANumber, invokeScriptBlock: (sb, item) => this.invokeScriptBlock(sb, item) };
    this.#operatorCtx = { notANumber, setMatches: (m) => this.#setRaw('Matches', m) };
    this.#staticCtx = { fs: env.fs, dialect: this.dialect, notANumber, now: () => this.#now() };
    this.#setRaw('ErrorActionPreference', 'Continue');
    this.#setRaw('WarningPreference', 'Continue');
    this.#setRaw('ConfirmPreference', 'High');
    const table = new PsHashtable();
    const v = this.dialect.psVersion;
    table.set('PSVersion', new VersionValue([v.major, v.minor, v.build, v.revision]));
    if (this.dialect.psEdition !== null) table.set('PSEdition', this.dialect.psEdition);
    table.set('PSCompatibleVersions', [new VersionValue([1, 0]), new VersionValue([2, 0])]);
    this.#setRaw('PSVersionTable', table);
    for (const [k, val] of Object.entries(env.environment ?? {})) this.#envVars.set(k.toLowerCase(), { name: k, value: val });
    for (const [k, val] of Object.entries(env.variables ?? {})) this.#setRaw(k, val);
  }

  /** The user's variables (case-insensitive lookups). */
  get variables(): ReadonlyMap<string, unknown> {
    return new VariableView(this.#vars, AUTOMATIC);
  }

  #now(): Date {
    return this.env.now ? this.env.now() : new Date();
  }

  // ---- running a script -------------------------------------------------------------------------------------------

  /** Statements run since the interpreter last yielded to the event loop (only when the host can cancel). */
  #sinceYield = 0;

  /** Runs a script (text or AST); variables persist on this interpreter. */
  async run(script: string | ScriptBlockAst): Promise<InterpretResult> {
    const statements: StatementResult[] = [];
    let ast: ScriptBlockAst;
    try {
      ast = typeof script === 'string' ? parse(script) : script;
      checkSubset(ast, this.dialect);
    } catch (e) {
      const rec = this.#refusalRecord(e);
      if (!rec) throw e;
      this.#errors.unshift(new PsErrorRecord(rec, 'System.Management.Automation.ParseException'));
      return this.#result([], [rec], rec);
    }
    let terminated: ErrorRecord | null = null;
    for (const st of ast.statements) {
      this.#sink = { errors: [], warnings: [] };
      const text = redactStatement(st, this.env.shell);
      this.env.host?.statementStarting?.(text);
      const output: unknown[] = [];
      let stop = false;
      try {
        await this.#execGuarded(st, output);
      } catch (e) {
        stop = true;
        if (e instanceof FlowSignal) {
          if (e.kind === 'return') output.push(...e.output);
        } else if (e instanceof PsTerminatingError) {
          terminated = e.error.record;
          this.#sink.errors.push(terminated);
        } else if (isStateProblem(e) || e instanceof PipelineStopped) {
          throw e; // a damaged, foreign or newer state ends the run with its own one-line message
        } else {
          terminated = this.#refusalRecord(e) ?? this.#internalRecord(e, st.extent);
          this.#errors.unshift(new PsErrorRecord(terminated, 'System.Management.Automation.RuntimeException'));
          this.#sink.errors.push(terminated);
        }
      }
      const done: StatementResult = Object.freeze({
        line: st.extent.startLine,
        text,
        output: Object.freeze(output),
        errors: Object.freeze([...this.#sink.errors]),
        warnings: Object.freeze([...this.#sink.warnings]),
      });
      statements.push(done);
      if (this.env.host?.statementDone) this.env.host.statementDone(done);
      else if (output.length > 0 && this.env.host) {
        const text = formatForHost(output, this.env.shell);
        if (text !== '') this.env.host.write(`${text}\n`);
      }
      if (stop) break;
    }
    return this.#result(statements, statements.flatMap((s) => s.errors), terminated);
  }

  #result(statements: readonly StatementResult[], errors: readonly ErrorRecord[], terminated: ErrorRecord | null): InterpretResult {
    return Object.freeze({
      statements: Object.freeze([...statements]),
      output: Object.freeze(statements.flatMap((s) => s.output)),
      errors: Object.freeze([...errors]),
      terminated,
      variables: this.variables,
    });
  }

  /** The record for a parse error or an unsupported construct (null for anything else). */
  #refusalRecord(e: unknown): ErrorRecord | null {
    if (e instanceof UnsupportedConstructError) {
      return errorRecord({ message: e.message, category: 'NotImplemented', errorId: 'UnsupportedConstruct', command: null, terminating: true, line: e.line, column: e.column });
    }
    if (e instanceof ParseError) {
      return errorRecord({ message: e.reason, category: 'ParserError', errorId: 'ParseException', command: null, terminating: true, line: e.line, column: e.column });
    }
    return null;
  }

  #internalRecord(e: unknown, extent: Extent): ErrorRecord {
    const message = e instanceof Error ? e.message : String(e);
    return errorRecord({ message: `The runbook interpreter failed: ${message}`, category: 'NotSpecified', errorId: 'InterpreterFailure', command: null,
      terminating: true, line: extent.startLine, column: extent.startColumn });
  }

  // ---- errors -----------------------------------------------------------------------------------------------------

  #addError(e: PsErrorRecord): void {
    if (this.#errors[0] === e) return;
    this.#errors.unshift(e);
    if (this.#errors.length > 256) this.#errors.length = 256;
  }

  /** Raises a terminating error located at `extent`. */
  #raise(fields: CommandErrorFields & { command: string | null }, extent: Extent | null, scope: 'statement' | 'script'): never {
    const rec = errorRecord({
      message: fields.message, category: fields.category, errorId: fields.errorId, command: fields.command, terminating: true,
      line: extent?.startLine ?? null, column: extent?.startColumn ?? null,
      ...(fields.fullyQualifiedErrorId !== undefined ? { fullyQualifiedErrorId: fields.fullyQualifiedErrorId } : {}),
      ...(fields.targetObject !== undefined ? { targetObject: fields.targetObject } : {}),
    });
    const err = new PsErrorRecord(rec, fields.exceptionType ?? 'System.Management.Automation.RuntimeException');
    this.#addError(err);
    throw new PsTerminatingError(err, scope);
  }

  /** A RuntimeFailure as the statement-terminating error it is. */
  #fromFailure(f: RuntimeFailure, extent: Extent): PsTerminatingError {
    try {
      this.#raise({ message: f.message, category: f.category, errorId: f.errorId, exceptionType: f.exceptionType, command: f.command,
        ...(f.targetObject !== undefined ? { targetObject: f.targetObject } : {}) }, extent, 'statement');
    } catch (e) {
      return e as PsTerminatingError;
    }
  }

  #fromBinding(e: BindingError, extent: Extent): never {
    return this.#raise({ message: e.powershellMessage, category: 'InvalidArgument', errorId: e.errorId, fullyQualifiedErrorId: e.fullyQualifiedErrorId,
      command: e.cmdlet, exceptionType: 'System.Management.Automation.ParameterBindingException' }, extent, 'statement');
  }

  /** Writes a non-terminating error under an ErrorAction. */
  #writeError(rec: ErrorRecord, exceptionType: string, action: string, collector: PsErrorRecord[]): void {
    const err = new PsErrorRecord(rec, exceptionType);
    collector.push(err);
    this.#errorsWritten++;
    switch (action) {
      case 'Stop': {
        const stopped = new PsErrorRecord(Object.freeze({ ...rec, terminating: true }), exceptionType);
        this.#addError(stopped);
        throw new PsTerminatingError(stopped, 'script');
      }
      case 'Ignore': return;
      case 'SilentlyContinue': this.#addError(err); return;
      default: this.#addError(err); this.#sink.errors.push(rec);
    }
  }

  #writeWarning(text: string, action: string, collector: string[], extent: Extent): void {
    collector.push(text);
    switch (action) {
      case 'Stop':
        this.#raise({ message: `The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: ${text}`,
          category: 'OperationStopped', errorId: 'ActionPreferenceStop', command: null, exceptionType: 'System.Management.Automation.ActionPreferenceStopException' }, extent, 'script');
      case 'SilentlyContinue': case 'Ignore': return;
      default: this.#sink.warnings.push(text);
    }
  }

  /** An ActionPreference from a parameter or preference variable (unknown values act as Continue). */
  #preference(given: unknown, variable: string, extent: Extent, what: string): string {
    const raw = given !== undefined && given !== null ? toStr(given) : toStr(this.#getRaw(variable));
    const name = ACTION_PREFERENCES.find((n) => n.toLowerCase() === raw.trim().toLowerCase()) ?? 'Continue';
    if (name === 'Inquire' || name === 'Suspend' || name === 'Break') throw new UnsupportedConstructError(`${what} ${name}`, extent);
    return name;
  }

  // ---- variables --------------------------------------------------------------------------------------------------

  #getRaw(name: string): unknown {
    return this.#vars.get(name.toLowerCase())?.value ?? null;
  }

  #setRaw(name: string, value: unknown): void {
    const lower = name.toLowerCase();
    const existing = this.#vars.get(lower);
    if (existing) existing.value = value;
    else this.#vars.set(lower, { name, value });
  }

  #getVariable(path: string): unknown {
    const { name, env } = variableName(path);
    const lower = name.toLowerCase();
    if (env) return this.#envVars.get(lower)?.value ?? null;
    switch (lower) {
      case 'true': return true;
      case 'false': return false;
      case 'null': return null;
      case '?': return this.#success;
      case 'error': return this.#errors;
      case 'psitem': return this.dialect.psItem ? this.#getRaw(CURRENT_ITEM) : this.#getRaw(lower);
      default: return this.#getRaw(lower);
    }
  }

  #setVariable(path: string, value: unknown): void {
    const { name, env } = variableName(path);
    const lower = name.toLowerCase();
    const v = normalize(value);
    if (env) {
      if (v === null || toStr(v) === '') this.#envVars.delete(lower);
      else this.#envVars.set(lower, { name, value: toStr(v) });
      return;
    }
    if (lower === 'null') return;
    if (READ_ONLY.has(lower)) {
      throw new RuntimeFailure(`Cannot overwrite variable ${name} because it is read-only or constant.`, { errorId: 'VariableNotWritable', category: 'WriteError',
        exceptionType: 'System.Management.Automation.SessionStateUnauthorizedAccessException' });
    }
    this.#setRaw(lower === 'psitem' ? CURRENT_ITEM : name, v);
  }

  // ---- statements -------------------------------------------------------------------------------------------------

  /** Runs a statement; a statement-terminating error is reported and swallowed unless a try or Stop preference applies. */
  async #execGuarded(st: StatementAst, out: unknown[]): Promise<void> {
    try {
      await this.#exec(st, out);
    } catch (raw) {
      let e = raw;
      if (e instanceof RuntimeFailure) e = this.#fromFailure(e, st.extent);
      if (e instanceof PsTerminatingError && e.scope === 'statement') {
        this.#success = false;
        if (this.#tryDepth > 0) throw e;
        const pref = this.#preference(undefined, 'ErrorActionPreference', st.extent, '$ErrorActionPreference =');
        if (pref === 'Stop') throw e.escalate();
        if (pref === 'Continue') this.#sink.errors.push(e.error.record);
        return;
      }
      throw e;
    }
  }

  async #execBlock(statements: readonly StatementAst[], out: unknown[]): Promise<void> {
    for (const st of statements) await this.#execGuarded(st, out);
  }

  async #exec(st: StatementAst, out: unknown[]): Promise<void> {
    if (this.env.cancelled) {
      // Let the host's Ctrl+C handler run now and then: a loop of statements otherwise never leaves the microtask queue.
      if (++this.#sinceYield >= 64) {
        this.#sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (this.env.cancelled()) throw new PipelineStopped();
    }
    switch (st.type) {
      case 'PipelineAst': await this.#execPipeline(st, out); return;
      case 'AssignmentStatementAst': await this.#assignStatement(st); return;
      case 'IfStatementAst': {
        for (const clause of st.clauses) {
          if (isTrue(await this.#statementValue(clause.condition))) { await this.#execBlock(clause.body.statements, out); return; }
        }
        if (st.elseClause) await this.#execBlock(st.elseClause.statements, out);
        return;
      }
      case 'ForEachStatementAst': await this.#foreach(st, out); return;
      case 'TryStatementAst': await this.#try(st, out); return;
      // checkSubset lets only plain pipelines through after throw/return.
      case 'ThrowStatementAst': return this.#throw(st.pipeline as PipelineAst | null, st.extent);
      case 'ReturnStatementAst': {
        const values: unknown[] = [];
        if (st.pipeline) await this.#execPipeline(st.pipeline as PipelineAst, values);
        throw new FlowSignal('return', values);
      }
      case 'BreakStatementAst': throw new FlowSignal('break');
      case 'ContinueStatementAst': throw new FlowSignal('continue');
    }
  }

  async #foreach(st: ForEachStatementAst, out: unknown[]): Promise<void> {
    const value = await this.#statementValue(st.condition);
    let items: unknown[];
    if (value === null) items = this.dialect.foreachIteratesNull ? [null] : [];
    else if (value === NO_OUTPUT) items = [];
    else if (isArrayLike(value)) items = elements(value);
    else items = [value];
    for (const item of items) {
      this.#setVariable(st.variable.variablePath, item);
      try {
        await this.#execBlock(st.body.statements, out);
      } catch (e) {
        if (e instanceof FlowSignal && e.kind === 'break') break;
        if (e instanceof FlowSignal && e.kind === 'continue') continue;
        throw e;
      }
    }
  }

  async #try(st: TryStatementAst, out: unknown[]): Promise<void> {
    let pending: { error: unknown } | null = null;
    this.#tryDepth++;
    let inTry = true;
    try {
      await this.#execBlock(st.body.statements, out);
    } catch (e) {
      this.#tryDepth--;
      inTry = false;
      const clause = e instanceof PsTerminatingError
        ? st.catchClauses.find((c) => c.catchTypes.length === 0 || c.catchTypes.some((t) => exceptionIs(e.error.exception.type, resolveExceptionType(t.typeName)!)))
        : undefined;
      if (clause && e instanceof PsTerminatingError) {
        const previous = this.#getRaw(CURRENT_ITEM);
        this.#catchStack.push(e.error);
        this.#setRaw(CURRENT_ITEM, e.error);
        try {
          await this.#execBlock(clause.body.statements, out);
        } catch (inner) {
          pending = { error: inner };
        } finally {
          this.#catchStack.pop();
          this.#setRaw(CURRENT_ITEM, previous);
        }
      } else pending = { error: e };
    } finally {
      if (inTry) this.#tryDepth--;
    }
    if (st.finally && !(pending && pending.error instanceof UnsupportedConstructError)) await this.#execBlock(st.finally.statements, out);
    if (pending) throw pending.error;
  }

  async #throw(pipeline: PipelineAst | null, extent: Extent): Promise<never> {
    if (!pipeline) {
      const current = this.#catchStack[this.#catchStack.length - 1];
      if (current) throw new PsTerminatingError(current, 'script');
      return this.#raise({ message: 'ScriptHalted', category: 'OperationStopped', errorId: 'ScriptHalted', command: null }, extent, 'script');
    }
    const v = normalize(await this.#statementValue(pipeline));
    if (v instanceof PsErrorRecord) {
      this.#addError(v);
      throw new PsTerminatingError(v, 'script');
    }
    if (v instanceof PsException) {
      return this.#raise({ message: v.message, category: 'OperationStopped', errorId: v.message, command: null, exceptionType: v.type }, extent, 'script');
    }
    const message = v === null ? 'ScriptHalted' : toStr(v);
    return this.#raise({ message, category: 'OperationStopped', errorId: message, command: null, ...(v !== null ? { targetObject: v } : {}) }, extent, 'script');
  }

  /** A statement as a value: a lone expression is not enumerated; commands give $null, one object, or object[]. */
  async #statementValue(st: StatementAst): Promise<unknown> {
    if (st.type === 'PipelineAst' && st.pipelineElements.length === 1 && st.pipelineElements[0]!.type === 'CommandExpressionAst') {
      const value = await this.#evalExpr(st.pipelineElements[0].expression);
      this.#success = true;
      return value;
    }
    if (st.type === 'AssignmentStatementAst') return this.#assignStatement(st);
    const out: unknown[] = [];
    await this.#exec(st, out);
    return out.length === 0 ? NO_OUTPUT : collect(out);
  }

  async #assignStatement(st: AssignmentStatementAst): Promise<unknown> {
    const right = normalize(await this.#statementValue(st.right));
    let value = right;
    if (st.operator !== '=') {
      const current = normalize(await this.#evalExpr(st.left));
      try {
        value = binaryOp(st.operator.slice(0, 1), current, right, this.#operatorCtx);
      } catch (e) {
        if (e instanceof RuntimeFailure) throw this.#fromFailure(e, st.extent);
        throw e;
      }
    }
    try {
      await this.#assign(st.left, value);
    } catch (e) {
      if (e instanceof RuntimeFailure) throw this.#fromFailure(e, st.left.extent);
      throw e;
    }
    return value;
  }

  async #assign(left: ExpressionAst, value: unknown): Promise<void> {
    switch (left.type) {
      case 'VariableExpressionAst': this.#setVariable(left.variablePath, value); return;
      case 'ConvertExpressionAst': await this.#assign(left.child, castTo(left.typeConstraint.typeName, value, this.#operatorCtx)); return;
      case 'MemberExpressionAst': {
        const target = await this.#evalExpr(left.expression);
        const name = left.member.type === 'StringConstantExpressionAst' ? left.member.value : toStr(await this.#evalExpr(left.member));
        setMember(normalize(target), name, value);
        return;
      }
      case 'IndexExpressionAst': {
        const target = normalize(await this.#evalExpr(left.target));
        const index = normalize(await this.#evalExpr(left.index));
        if (target instanceof PsHashtable) { target.set(index, value); return; }
        if (Array.isArray(target) || target instanceof Uint8Array) {
          let i = toNumber(index, this.dialect.notANumber);
          if (i < 0) i += target.length;
          if (i < 0 || i >= target.length) throw new RuntimeFailure('Index was outside the bounds of the array.', { errorId: 'IndexOutOfRange', category: 'InvalidOperation' });
          if (target instanceof Uint8Array) target[i] = castTo('byte', value, this.#operatorCtx) as number;
          else target[i] = value;
          return;
        }
        if (target === null) throw new RuntimeFailure('Cannot index into a null array.', { errorId: 'NullArray', category: 'InvalidOperation' });
        throw new RuntimeFailure(`Unable to index into an object of type ${typeValue('object').fullName}.`, { errorId: 'CannotIndex', category: 'InvalidOperation' });
      }
      case 'ArrayLiteralAst': {
        const values = isArrayLike(value) ? elements(value) : [value];
        const targets = left.elements;
        for (let i = 0; i < targets.length; i++) {
          const last = i === targets.length - 1;
          const v = last ? (values.length - i > 1 ? values.slice(i) : (values[i] ?? null)) : (values[i] ?? null);
          await this.#assign(targets[i]!, v);
        }
        return;
      }
      default: throw new UnsupportedConstructError(`assignment to '${left.extent.text}'`, left.extent);
    }
  }

  // ---- pipelines and commands -------------------------------------------------------------------------------------

  async #execPipeline(p: PipelineAst, out: unknown[]): Promise<void> {
    const before = this.#errorsWritten;
    try {
      let input: unknown[] | undefined;
      let upstream: string | null | undefined;
      const els = p.pipelineElements;
      for (let i = 0; i < els.length; i++) {
        const el = els[i]!;
        if (el.type === 'CommandExpressionAst') {
          if (i > 0) throw new UnsupportedConstructError(`an expression after '|' ('${el.extent.text}')`, el.extent);
          const ex = el.expression;
          const value = await this.#evalExpr(ex);
          input = ex.type === 'UnaryExpressionAst' && /^(\+\+|--)/.test(ex.operator) && els.length === 1 ? [] : enumerate(value);
          upstream = null;
        } else {
          const r = await this.#runCommand(el, input, upstream);
          input = r.output;
          upstream = r.name;
        }
      }
      out.push(...(input ?? []));
    } catch (e) {
      this.#success = false;
      throw e;
    }
    this.#success = this.#errorsWritten === before;
  }

  async #evalSource(src: BindingSource): Promise<unknown> {
    if (STATEMENT_TYPES.has(src.type)) return this.#statementValue(src as StatementAst);
    return this.#evalExpr(src as ExpressionAst);
  }

  async #runCommand(cmd: CommandAst, input: unknown[] | undefined, upstream: string | null | undefined): Promise<{ output: unknown[]; name: string | null }> {
    const nameEl = cmd.commandElements[0]!;
    const written = nameEl.type === 'StringConstantExpressionAst' ? nameEl.value : nameEl.extent.text;
    const spec = findCmdlet(written) ?? builtinCommand(written);
    if (!spec) {
      return this.#raise({ message: this.dialect.commandNotFound(written), category: 'ObjectNotFound', errorId: 'CommandNotFoundException', command: null,
        exceptionType: 'System.Management.Automation.CommandNotFoundException', targetObject: written, fullyQualifiedErrorId: 'CommandNotFoundException' }, cmd.extent, 'statement');
    }
    const view = shellView(spec, this.env.shell);
    const sources = new Map<string, BindingSource>();
    let bound: BoundInvocation;
    try {
      const splats = runtimeSplats(cmd, (path) => this.#getVariable(path), (node, value) => this.#injected.set(node, value));
      bound = bindCommand(rewriteForBinding(cmd, spec, view, this.dialect), {
        shell: this.env.shell, exchange: this.env.exchangeTarget, splats, commands: builtinCommand,
      }, input === undefined ? undefined : upstream, sources);
    } catch (e) {
      if (e instanceof BindingError) this.#fromBinding(e, cmd.extent);
      throw e;
    }
    const byOption = new Map(view.parameters.map((p) => [p.option as string, p]));
    const params: Record<string, unknown> = {};
    for (const [option, value] of Object.entries(bound.parameters)) {
      if (isExpression(value) && value.kind === 'pipelineInput') continue;
      const p = byOption.get(option);
      if (!p) continue;
      const source = sources.get(option);
      const raw = isLiteral(value) || !source ? thaw(value) : await this.#evalSource(source);
      try {
        params[option] = convertParameterValue(spec.name, p, raw, this.dialect);
      } catch (e) {
        if (e instanceof RuntimeFailure) throw this.#fromFailure(e, cmd.extent);
        throw e;
      }
    }
    if (params.pipelineVariable !== undefined) throw new UnsupportedConstructError('-PipelineVariable', cmd.extent);
    const errorAction = this.#preference(params.errorAction, 'ErrorActionPreference', cmd.extent, params.errorAction !== undefined ? '-ErrorAction' : '$ErrorActionPreference =');
    const warningAction = this.#preference(params.warningAction, 'WarningPreference', cmd.extent, params.warningAction !== undefined ? '-WarningAction' : '$WarningPreference =');
    const errors: PsErrorRecord[] = [];
    const warnings: string[] = [];
    const locate = (rec: ErrorRecord): ErrorRecord => (rec.line === null ? Object.freeze({ ...rec, line: cmd.extent.startLine, column: cmd.extent.startColumn }) : rec);
    const recordOf = (fields: CommandErrorFields, terminating: boolean): ErrorRecord => errorRecord({
      message: fields.message, category: fields.category, errorId: fields.errorId, command: spec.name, terminating,
      line: cmd.extent.startLine, column: cmd.extent.startColumn,
      ...(fields.fullyQualifiedErrorId !== undefined ? { fullyQualifiedErrorId: fields.fullyQualifiedErrorId } : {}),
      ...(fields.targetObject !== undefined ? { targetObject: fields.targetObject } : {}),
    });
    const ctx: CommandContext = {
      spec, view, parameterSet: bound.parameterSet ?? spec.defaultSet, params, input, extent: cmd.extent, env: this.env, dialect: this.dialect,
      writeError: (fields) => this.#writeError(recordOf(fields, false), fields.exceptionType ?? 'System.Management.Automation.RuntimeException', errorAction, errors),
      writeWarning: (message) => this.#writeWarning(message, warningAction, warnings, cmd.extent),
      hostWrite: (text) => this.env.host?.write(text),
      fail: (fields) => this.#raise({ ...fields, command: spec.name }, cmd.extent, 'statement'),
      unsupported: (what) => { throw new UnsupportedConstructError(what, cmd.extent); },
      invokeScriptBlock: (sb, item) => this.invokeScriptBlock(sb, item),
      resolvePath: (path) => {
        const resolved = resolveProviderPath(path, this.env.location ?? 'C:\\Users\\Administrator');
        if (resolved === null) throw new UnsupportedConstructError(`the home path '~' ('${path}')`, cmd.extent);
        return resolved;
      },
      notANumber: (text) => this.dialect.notANumber(text),
    };
    let output: unknown[];
    try {
      if (spec.kind === 'exchange') {
        output = await this.#runExchange(ctx, bound, byOption, errorAction, errors, locate);
      } else {
        const helper = HELPER_COMMANDS[spec.name];
        if (!helper) throw new UnsupportedConstructError(`the command '${spec.name}'`, cmd.extent);
        output = await helper(ctx);
      }
    } catch (e) {
      if (e instanceof RuntimeFailure) throw this.#fromFailure(e, cmd.extent);
      if (e instanceof UnsupportedMethod) throw new UnsupportedConstructError(`the method ${e.typeName}.${e.method}()`, cmd.extent);
      throw e;
    } finally {
      this.#commonVariables(params, errors, warnings);
    }
    if (params.outVariable !== undefined) this.#collectVariable(toStr(params.outVariable), output);
    return { output, name: spec.name };
  }

  /** -ErrorVariable / -WarningVariable (`+name` appends). */
  #commonVariables(params: Record<string, unknown>, errors: readonly PsErrorRecord[], warnings: readonly string[]): void {
    if (params.errorVariable !== undefined) this.#collectVariable(toStr(params.errorVariable), errors);
    if (params.warningVariable !== undefined) this.#collectVariable(toStr(params.warningVariable), warnings);
  }

  #collectVariable(spec: string, values: readonly unknown[]): void {
    const append = spec.startsWith('+');
    const name = append ? spec.slice(1) : spec;
    const existing = append ? normalize(this.#getVariable(name)) : null;
    const list = markArrayList([...(existing === null ? [] : isArrayLike(existing) ? elements(existing) : [existing]), ...values]);
    this.#setVariable(name, list);
  }

  /** An Exchange cmdlet: one CmdletCall per pipeline object (or one without input). */
  async #runExchange(ctx: CommandContext, bound: BoundInvocation, byOption: ReadonlyMap<string, ParameterSpec>,
    errorAction: string, errors: PsErrorRecord[], locate: (r: ErrorRecord) => ErrorRecord): Promise<unknown[]> {
    const spec = ctx.spec;
    const explicit = new Set(Object.keys(ctx.params).map((o) => byOption.get(o)!.name));
    const out: unknown[] = [];
    const objects: unknown[] = ctx.input === undefined ? [NO_PIPELINE_OBJECT] : [...ctx.input];
    for (const obj of objects) {
      const parameters: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(ctx.params)) if (!INTERPRETER_PARAMETERS.has(k)) parameters[k] = v;
      let parameterSet = bound.parameterSet ?? spec.defaultSet;
      if (obj !== NO_PIPELINE_OBJECT) {
        try {
          const b = bindPipelineObject(ctx.view, parameterSet, explicit, obj);
          for (const [o, v] of Object.entries(b.values)) parameters[o] = convertParameterValue(spec.name, byOption.get(o)!, v, this.dialect);
          parameterSet = b.parameterSet;
        } catch (e) {
          if (!(e instanceof RuntimeFailure)) throw e;
          ctx.writeError({ message: e.message, category: e.category, errorId: e.errorId, exceptionType: e.exceptionType, ...(e.targetObject !== undefined ? { targetObject: e.targetObject } : {}) });
          continue;
        }
      }
      const call: CmdletCall = Object.freeze({
        cmdlet: spec.name, parameterSet, parameters: Object.freeze(parameters), connectedServer: this.env.connectedServer, shell: this.env.shell,
        line: ctx.extent.startLine, column: ctx.extent.startColumn,
      });
      let outcome;
      try {
        outcome = await this.env.exchange.invoke(call, this.env.answers);
      } catch (e) {
        if (!(e instanceof MockTerminatingError)) throw e;
        const rec = locate(e.record);
        const err = new PsErrorRecord(Object.freeze({ ...rec, terminating: true }), this.#exceptionTypeOf(rec));
        this.#addError(err);
        throw new PsTerminatingError(err, errorAction === 'Stop' ? 'script' : 'statement');
      }
      for (const line of outcome.hostLines ?? []) this.env.host?.write(`${line}\n`);
      out.push(...outcome.output);
      for (const w of outcome.warnings) ctx.writeWarning(w);
      for (const r of outcome.errors) this.#writeError(locate(r), this.#exceptionTypeOf(r), errorAction, errors);
    }
    return out;
  }

  #exceptionTypeOf(rec: ErrorRecord): string {
    return BINDING_IDS.has(rec.errorId) ? 'System.Management.Automation.ParameterBindingException' : 'System.InvalidOperationException';
  }

  /** Runs a script block in the current scope with `$_` (and `$PSItem`) set to `item`. */
  async invokeScriptBlock(sb: ScriptBlockValue, item: unknown): Promise<unknown[]> {
    const previous = this.#getRaw(CURRENT_ITEM);
    this.#setRaw(CURRENT_ITEM, item);
    const out: unknown[] = [];
    try {
      await this.#execBlock(sb.ast.statements, out);
    } catch (e) {
      if (e instanceof FlowSignal && e.kind === 'return') out.push(...e.output);
      else throw e;
    } finally {
      this.#setRaw(CURRENT_ITEM, previous);
    }
    return out;
  }

  // ---- expressions ------------------------------------------------------------------------------------------------

  async #evalExpr(e: ExpressionAst): Promise<unknown> {
    try {
      return await this.#evalInner(e);
    } catch (x) {
      if (x instanceof RuntimeFailure) throw this.#fromFailure(x, e.extent);
      if (x instanceof UnsupportedMethod) throw new UnsupportedConstructError(`the method ${x.typeName}.${x.method}()`, e.extent);
      throw x;
    }
  }

  async #evalInner(e: ExpressionAst): Promise<unknown> {
    switch (e.type) {
      case 'StringConstantExpressionAst': return e.value;
      case 'ConstantExpressionAst': return e.value;
      case 'ExpandableStringExpressionAst': {
        const ofsValue = this.#getRaw('OFS');
        const ofs = ofsValue === null ? ' ' : toStr(ofsValue);
        let s = '';
        for (const part of e.parts) s += typeof part === 'string' ? part : toStr(normalize(await this.#evalExpr(part)), ofs);
        return s;
      }
      case 'VariableExpressionAst':
        if (this.#injected.has(e)) return this.#injected.get(e);
        return this.#getVariable(e.variablePath);
      case 'MemberExpressionAst': {
        if (e.static) return staticProperty((e.expression as { typeName: string }).typeName, (e.member as { value: string }).value, this.#staticCtx);
        const target = await this.#evalExpr(e.expression);
        const name = e.member.type === 'StringConstantExpressionAst' ? e.member.value : toStr(await this.#evalExpr(e.member));
        return getMember(target, name, this.#memberCtx);
      }
      case 'InvokeMemberExpressionAst': {
        const target = e.static ? null : await this.#evalExpr(e.expression);
        const args: unknown[] = [];
        for (const a of e.arguments) args.push(normalize(await this.#evalExpr(a)));
        const name = (e.member as { value: string }).value;
        const result = e.static
          ? staticMethod((e.expression as { typeName: string }).typeName, name, args, this.#staticCtx)
          : await invokeMethod(target, name, args, this.#memberCtx);
        return result === undefined ? NO_OUTPUT : result;
      }
      case 'ArrayLiteralAst': {
        const out: unknown[] = [];
        for (const x of e.elements) out.push(normalize(await this.#evalExpr(x)));
        return out;
      }
      case 'ArrayExpressionAst': {
        const out: unknown[] = [];
        await this.#execBlock(e.subExpression.statements, out);
        return out;
      }
      case 'SubExpressionAst': {
        const out: unknown[] = [];
        await this.#execBlock(e.subExpression.statements, out);
        return out.length === 0 ? NO_OUTPUT : collect(out);
      }
      case 'ParenExpressionAst': return this.#statementValue(e.pipeline);
      case 'HashtableAst': return this.#hashtable(e, false);
      case 'ConvertExpressionAst': {
        const type = e.typeConstraint.typeName;
        if (/^\s*ordered\s*$/i.test(type) && e.child.type === 'HashtableAst') return this.#hashtable(e.child, true);
        if (/^(system\.)?(management\.automation\.)?pscustomobject$/i.test(type.trim()) && e.child.type === 'HashtableAst') return toCustomObject(await this.#hashtable(e.child, true));
        return castTo(type, normalize(await this.#evalExpr(e.child)), this.#operatorCtx);
      }
      case 'TypeExpressionAst': return typeValue(e.typeName);
      case 'BinaryExpressionAst': {
        const op = e.operator;
        if (op === '-and' || op === '-or') {
          const l = isTrue(await this.#evalExpr(e.left));
          if (op === '-and' ? !l : l) return l;
          return isTrue(await this.#evalExpr(e.right));
        }
        const l = normalize(await this.#evalExpr(e.left));
        let r = normalize(await this.#evalExpr(e.right));
        if ((op === '-is' || op === '-isnot' || op === '-as') && r instanceof TypeValue) r = e.right.type === 'TypeExpressionAst' ? e.right.typeName : r.fullName;
        return binaryOp(op, l, r, this.#operatorCtx);
      }
      case 'UnaryExpressionAst': {
        const op = e.operator;
        if (/^(\+\+|--)/.test(op)) {
          const v = e.child as VariableExpressionAst;
          const old = normalize(this.#getVariable(v.variablePath));
          const next = toNumber(old, this.dialect.notANumber) + (op.startsWith('++') ? 1 : -1);
          this.#setVariable(v.variablePath, next);
          return op.endsWith('postfix') ? old : next;
        }
        return unaryOp(op, normalize(await this.#evalExpr(e.child)), this.#operatorCtx);
      }
      case 'IndexExpressionAst': return indexValue(normalize(await this.#evalExpr(e.target)), normalize(await this.#evalExpr(e.index)), this.dialect.notANumber);
      case 'ScriptBlockExpressionAst': return new ScriptBlockValue(e.scriptBlock);
    }
  }

  async #hashtable(e: HashtableAst, ordered: boolean): Promise<PsHashtable> {
    const t = new PsHashtable(ordered);
    for (const [k, v] of e.keyValuePairs) {
      const key = k.type === 'StringConstantExpressionAst' ? k.value : normalize(await this.#evalExpr(k));
      if (t.has(key)) throw new RuntimeFailure(`Duplicate keys '${toStr(key)}' are not allowed in hash literals.`, { errorId: 'DuplicateKeyInHashLiteral', category: 'ParserError' });
      t.set(key, normalize(await this.#statementValue(v)));
    }
    return t;
  }

}


/** A state store error about the state folder itself (damaged, foreign, too new), which no runbook can handle. */
function isStateProblem(e: unknown): boolean {
  return e instanceof StoreError && e.code.startsWith('STATE_');
}
