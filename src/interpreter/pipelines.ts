// Pipelines and commands: binding each command as PowerShell does, its ErrorAction, common variables, and helpers.
import { isAvailable } from '../spec/exchange-target.js';
import { bindCommand } from '../bind/bind-command.js';
import type { BindingSource } from '../bind/bind-command.js';
import type { BoundInvocation } from '../bind/bound-invocation.js';
import { BindingError } from '../errors/binding-error.js';
import { isExpression } from '../node/expression.js';
import type { CommandAst, ExpressionAst, PipelineAst, StatementAst } from '../ast/ast.js';
import { errorRecord } from '../runtime/ps-error-record.js';
import type { PsErrorRecord } from '../runtime/ps-error-record.js';
import { RuntimeFailure } from '../runtime/runtime-failure.js';
import { elements, enumerate, isArrayLike, markArrayList, normalize, toStr } from '../runtime/ps-values.js';
import type { CmdletSpec, ParameterSpec } from '../spec/cmdlet-spec.js';
import type { ErrorRecord } from '../spec/output/run-result.js';
import { findCmdlet, shellView } from '../spec/registry.js';
import type { ShellView } from '../spec/registry.js';
import { builtinCommand } from './builtin-commands.js';
import { callTarget } from './call-target.js';
import { callArguments } from './function-arguments.js';
import { invokeCallable } from './functions.js';
import { rewriteForBinding, runtimeSplats } from './command-binding.js';
import type { CommandContext, CommandErrorFields } from './command-context.js';
import { convertParameterValue } from './convert-parameter.js';
import { runExchange } from './exchange-calls.js';
import type { ExchangeCommand } from './exchange-calls.js';
import { HELPER_COMMANDS } from './helpers/helper-commands.js';
import type { InterpreterCore } from './interpreter-core.js';
import { UnsupportedMethod } from './unsupported-method.js';
import { resolveProviderPath } from './provider-path.js';
import { UnsupportedConstructError } from './unsupported-construct.js';

const STATEMENT_TYPES = new Set([
  'PipelineAst',
  'AssignmentStatementAst',
  'IfStatementAst',
  'ForEachStatementAst',
  'TryStatementAst',
  'ThrowStatementAst',
  'ReturnStatementAst',
  'BreakStatementAst',
  'ContinueStatementAst',
  'SwitchStatementAst',
  'ForStatementAst',
  'WhileStatementAst',
  'DoWhileStatementAst',
  'DoUntilStatementAst',
]);

/** One bound command: its spec, shell view, binding and evaluated parameters. */
interface BoundCommand {
  readonly spec: CmdletSpec;
  readonly view: ShellView;
  readonly bound: BoundInvocation;
  readonly byOption: ReadonlyMap<string, ParameterSpec>;
  readonly params: Record<string, unknown>;
}

/** A literal the binder converted (no computed expression, no secret): usable as it is. */
function isLiteral(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Uint8Array)
    return true;
  if (Array.isArray(v)) return v.every(isLiteral);
  return false;
}

/** A frozen binder value as a plain mutable value. */
function thaw(v: unknown): unknown {
  return Array.isArray(v) ? v.map(thaw) : v;
}

/** Runs a pipeline; `$?` is false when it wrote an error or failed. */
export async function execPipeline(core: InterpreterCore, p: PipelineAst, out: unknown[]): Promise<void> {
  const before = core.errors.written;
  try {
    let input: unknown[] | undefined;
    let upstream: string | null | undefined;
    const els = p.pipelineElements;
    for (let i = 0; i < els.length; i++) {
      const el = els[i]!;
      if (el.type === 'CommandExpressionAst') {
        if (i > 0) throw new UnsupportedConstructError(`an expression after '|' ('${el.extent.text}')`, el.extent);
        const ex = el.expression;
        const value = await core.evalExpr(ex);
        input =
          ex.type === 'UnaryExpressionAst' && /^(\+\+|--)/.test(ex.operator) && els.length === 1
            ? []
            : enumerate(value);
        upstream = null;
      } else {
        const r = await runCommand(core, el, input, upstream);
        input = r.output;
        upstream = r.name;
      }
    }
    out.push(...(input ?? []));
  } catch (e) {
    core.success = false;
    throw e;
  }
  core.success = core.errors.written === before;
}

async function evalSource(core: InterpreterCore, src: BindingSource): Promise<unknown> {
  if (STATEMENT_TYPES.has(src.type)) return core.statementValue(src as StatementAst);
  return core.evalExpr(src as ExpressionAst);
}

/** CommandNotFoundException for a name that is neither a cmdlet nor a built-in command. */
function commandNotFound(core: InterpreterCore, cmd: CommandAst, written: string): never {
  return core.errors.raise(
    {
      message: core.dialect.commandNotFound(written),
      category: 'ObjectNotFound',
      errorId: 'CommandNotFoundException',
      command: null,
      exceptionType: 'System.Management.Automation.CommandNotFoundException',
      targetObject: written,
      fullyQualifiedErrorId: 'CommandNotFoundException',
    },
    cmd.extent,
    'statement',
  );
}

/** Finds and binds a command, then evaluates the arguments the binder could not take as literals. */
async function bindInvocation(
  core: InterpreterCore,
  cmd: CommandAst,
  input: unknown[] | undefined,
  upstream: string | null | undefined,
): Promise<BoundCommand> {
  const nameEl = cmd.commandElements[0]!;
  const written = nameEl.type === 'StringConstantExpressionAst' ? nameEl.value : nameEl.extent.text;
  const spec = findCmdlet(written) ?? builtinCommand(written);
  if (!spec) commandNotFound(core, cmd, written);
  // A cmdlet newer than the connected server's Exchange (Get-AuthConfig on 2010) is not in its shell at all.
  const target = core.env.exchangeTarget;
  if (spec.kind === 'exchange' && target && !isAvailable(spec.exchange, target)) commandNotFound(core, cmd, written);
  const view = shellView(spec, core.env.shell);
  const sources = new Map<string, BindingSource>();
  let bound: BoundInvocation;
  try {
    const splats = runtimeSplats(
      cmd,
      (path) => core.vars.get(path),
      (node, value) => core.injected.set(node, value),
    );
    bound = bindCommand(
      rewriteForBinding(cmd, spec, view, core.dialect),
      {
        shell: core.env.shell,
        exchange: core.env.exchangeTarget,
        splats,
        commands: builtinCommand,
      },
      input === undefined ? undefined : upstream,
      sources,
    );
  } catch (e) {
    if (e instanceof BindingError) core.errors.fromBinding(e, cmd.extent);
    throw e;
  }
  const byOption = new Map(view.parameters.map((p) => [p.option as string, p]));
  const params: Record<string, unknown> = {};
  for (const [option, value] of Object.entries(bound.parameters)) {
    if (isExpression(value) && value.kind === 'pipelineInput') continue;
    const p = byOption.get(option);
    if (!p) continue;
    const source = sources.get(option);
    const raw = isLiteral(value) || !source ? thaw(value) : await evalSource(core, source);
    try {
      params[option] = convertParameterValue(spec.name, p, raw, core.dialect, core.env.exchangeTarget?.major);
    } catch (e) {
      if (e instanceof RuntimeFailure) throw core.errors.fromFailure(e, cmd.extent);
      throw e;
    }
  }
  return { spec, view, bound, byOption, params };
}

/** What a command's implementation sees, with its errors and warnings going to `errors` and `warnings`. */
function commandContext(
  core: InterpreterCore,
  cmd: CommandAst,
  b: BoundCommand,
  input: unknown[] | undefined,
  exchange: ExchangeCommand,
): CommandContext {
  const { spec, params } = b;
  const recordOf = (fields: CommandErrorFields): ErrorRecord =>
    errorRecord({
      message: fields.message,
      category: fields.category,
      errorId: fields.errorId,
      command: spec.name,
      terminating: false,
      line: cmd.extent.startLine,
      column: cmd.extent.startColumn,
      ...(fields.fullyQualifiedErrorId !== undefined ? { fullyQualifiedErrorId: fields.fullyQualifiedErrorId } : {}),
      ...(fields.targetObject !== undefined ? { targetObject: fields.targetObject } : {}),
    });
  return {
    spec,
    view: b.view,
    parameterSet: b.bound.parameterSet ?? spec.defaultSet,
    params,
    input,
    extent: cmd.extent,
    env: core.env,
    dialect: core.dialect,
    writeError: (fields) =>
      core.errors.write(
        recordOf(fields),
        fields.exceptionType ?? 'System.Management.Automation.RuntimeException',
        exchange.errorAction,
        exchange.errors,
      ),
    writeWarning: (message) => core.errors.warn(message, exchange.warningAction, exchange.warnings, cmd.extent),
    hostWrite: (text) => core.hostWrite(text),
    fail: (fields) => core.errors.raise({ ...fields, command: spec.name }, cmd.extent, 'statement'),
    unsupported: (what) => {
      throw new UnsupportedConstructError(what, cmd.extent);
    },
    invokeScriptBlock: (sb, item) => core.invokeScriptBlock(sb, item),
    resolvePath: (path) => {
      const resolved = resolveProviderPath(path, core.env.location ?? 'C:\\Users\\Administrator');
      if (resolved === null) throw new UnsupportedConstructError(`the home path '~' ('${path}')`, cmd.extent);
      return resolved;
    },
    notANumber: (text) => core.dialect.notANumber(text),
    variable: (name) => core.vars.get(name),
    sleep: (ms) => core.sleep(ms),
    transcript: core.transcript,
  };
}

/** The ErrorAction and WarningAction of one command, and where its errors and warnings are collected. */
function commandStreams(core: InterpreterCore, cmd: CommandAst, b: BoundCommand): ExchangeCommand {
  const { params } = b;
  // The EMS's Exchange cmdlets are implicit-remoting proxy functions in a module: only global preferences reach them.
  const moduleFunction = b.spec.kind === 'exchange';
  const errorAction = core.errors.preference(
    params.errorAction,
    'ErrorActionPreference',
    cmd.extent,
    params.errorAction !== undefined ? '-ErrorAction' : '$ErrorActionPreference =',
    moduleFunction,
  );
  const warningAction = core.errors.preference(
    params.warningAction,
    'WarningPreference',
    cmd.extent,
    params.warningAction !== undefined ? '-WarningAction' : '$WarningPreference =',
    moduleFunction,
  );
  return {
    bound: b.bound,
    byOption: b.byOption,
    errorAction,
    warningAction,
    errors: [],
    warnings: [],
    locate: (rec) =>
      rec.line === null ? Object.freeze({ ...rec, line: cmd.extent.startLine, column: cmd.extent.startColumn }) : rec,
  };
}

async function runCommand(
  core: InterpreterCore,
  cmd: CommandAst,
  input: unknown[] | undefined,
  upstream: string | null | undefined,
): Promise<{ output: unknown[]; name: string | null }> {
  const target = await callTarget(core, cmd);
  if (target) {
    const args = await callArguments(core, cmd);
    return { output: await invokeCallable(core, target.callable, args, input, cmd.extent, target.dot), name: null };
  }
  const b = await bindInvocation(core, cmd, input, upstream);
  const { spec, params } = b;
  if (params.pipelineVariable !== undefined) throw new UnsupportedConstructError('-PipelineVariable', cmd.extent);
  const streams = commandStreams(core, cmd, b);
  const ctx = commandContext(core, cmd, b, input, streams);
  let output: unknown[];
  try {
    if (spec.kind === 'exchange') {
      output = await runExchange(core, ctx, streams);
    } else {
      const helper = HELPER_COMMANDS[spec.name];
      if (!helper) throw new UnsupportedConstructError(`the command '${spec.name}'`, cmd.extent);
      output = await helper(ctx);
    }
  } catch (e) {
    if (e instanceof RuntimeFailure) throw core.errors.fromFailure(e, cmd.extent);
    if (e instanceof UnsupportedMethod)
      throw new UnsupportedConstructError(`the method ${e.typeName}.${e.method}()`, cmd.extent);
    throw e;
  } finally {
    commonVariables(core, params, streams.errors, streams.warnings);
  }
  if (params.outVariable !== undefined) collectVariable(core, toStr(params.outVariable), output);
  return { output, name: spec.name };
}

/** -ErrorVariable / -WarningVariable (`+name` appends). */
function commonVariables(
  core: InterpreterCore,
  params: Record<string, unknown>,
  errors: readonly PsErrorRecord[],
  warnings: readonly string[],
): void {
  if (params.errorVariable !== undefined) collectVariable(core, toStr(params.errorVariable), errors);
  if (params.warningVariable !== undefined) collectVariable(core, toStr(params.warningVariable), warnings);
}

function collectVariable(core: InterpreterCore, spec: string, values: readonly unknown[]): void {
  const append = spec.startsWith('+');
  const name = append ? spec.slice(1) : spec;
  const existing = append ? normalize(core.vars.get(name)) : null;
  const list = markArrayList([
    ...(existing === null ? [] : isArrayLike(existing) ? elements(existing) : [existing]),
    ...values,
  ]);
  core.vars.set(name, list);
}
