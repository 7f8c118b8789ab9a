// Statements: if, foreach, try/catch/finally, throw, return, break/continue, and how errors end a statement.
import type { ExpressionAst, PipelineAst, StatementAst, Extent, TryStatementAst } from '../ast/ast.js';
import {
  PsErrorRecord,
  PsException,
  PsTerminatingError,
  exceptionIs,
  resolveExceptionType,
} from '../runtime/ps-error-record.js';
import { RuntimeFailure } from '../runtime/runtime-failure.js';
import { NO_OUTPUT, collect, isTrue, normalize, toStr } from '../runtime/ps-values.js';
import { assignStatement } from './assignment.js';
import { FlowSignal } from './flow-signal.js';
import type { InterpreterCore } from './interpreter-core.js';
import { execLanguageStatement } from './language-statements.js';
import { foreachStatement } from './loops.js';
import { PipelineStopped } from './pipeline-stopped.js';
import { CURRENT_ITEM } from './session-variables.js';
import { UnsupportedConstructError } from './unsupported-construct.js';

/** Runs a statement; a statement-terminating error is reported and swallowed unless a try or Stop preference applies. */
export async function execGuarded(core: InterpreterCore, st: StatementAst, out: unknown[]): Promise<void> {
  try {
    await core.exec(st, out);
  } catch (raw) {
    let e = raw;
    if (e instanceof RuntimeFailure) e = core.errors.fromFailure(e, st.extent);
    if (e instanceof PsTerminatingError && e.scope === 'statement') {
      core.success = false;
      if (core.tryDepth > 0) throw e;
      const pref = core.errors.preference(undefined, 'ErrorActionPreference', st.extent, '$ErrorActionPreference =');
      if (pref === 'Stop') throw e.escalate();
      if (pref === 'Continue') core.errors.sink.errors.push(e.error.record);
      return;
    }
    throw e;
  }
}

/** Lets the host's Ctrl+C handler run now and then: a loop of statements otherwise never leaves the microtask queue. */
async function checkCancelled(core: InterpreterCore): Promise<void> {
  if (!core.env.cancelled) return;
  if (++core.sinceYield >= 64) {
    core.sinceYield = 0;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (core.env.cancelled()) throw new PipelineStopped();
}

/** Runs one statement of the subset. */
export async function execStatement(core: InterpreterCore, st: StatementAst, out: unknown[]): Promise<void> {
  await checkCancelled(core);
  switch (st.type) {
    case 'PipelineAst':
      await core.execPipeline(st, out);
      return;
    case 'AssignmentStatementAst':
      await assignStatement(core, st);
      return;
    case 'IfStatementAst': {
      for (const clause of st.clauses) {
        if (isTrue(await core.statementValue(clause.condition))) {
          await core.execBlock(clause.body.statements, out);
          return;
        }
      }
      if (st.elseClause) await core.execBlock(st.elseClause.statements, out);
      return;
    }
    case 'ForEachStatementAst':
      await foreachStatement(core, st, out);
      return;
    case 'TryStatementAst':
      await tryStatement(core, st, out);
      return;
    // checkSubset lets only plain pipelines through after throw/return.
    case 'ThrowStatementAst':
      return throwStatement(core, st.pipeline as PipelineAst | null, st.extent);
    case 'ReturnStatementAst': {
      const values: unknown[] = [];
      if (st.pipeline) await core.execPipeline(st.pipeline as PipelineAst, values);
      throw new FlowSignal('return', values);
    }
    case 'BreakStatementAst':
    case 'ContinueStatementAst':
      throw new FlowSignal(st.type === 'BreakStatementAst' ? 'break' : 'continue', [], await flowLabel(core, st.label));
    default:
      return execLanguageStatement(core, st, out);
  }
}

/** The label after `break`/`continue` (lower case), else null. */
async function flowLabel(core: InterpreterCore, label: ExpressionAst | undefined): Promise<string | null> {
  if (!label) return null;
  const v = label.type === 'StringConstantExpressionAst' ? label.value : toStr(normalize(await core.evalExpr(label)));
  return v.toLowerCase();
}

/** Runs the catch clause matching a terminating error; what it throws is returned as still pending. */
async function runCatch(
  core: InterpreterCore,
  st: TryStatementAst,
  e: unknown,
  out: unknown[],
): Promise<{ error: unknown } | null> {
  const clause =
    e instanceof PsTerminatingError
      ? st.catchClauses.find(
          (c) =>
            c.catchTypes.length === 0 ||
            c.catchTypes.some((t) => exceptionIs(e.error.exception.type, resolveExceptionType(t.typeName)!)),
        )
      : undefined;
  if (!clause || !(e instanceof PsTerminatingError)) return { error: e };
  const previous = core.vars.getRaw(CURRENT_ITEM);
  core.catchStack.push(e.error);
  core.vars.setRaw(CURRENT_ITEM, e.error);
  try {
    await core.execBlock(clause.body.statements, out);
    return null;
  } catch (inner) {
    return { error: inner };
  } finally {
    core.catchStack.pop();
    core.vars.setRaw(CURRENT_ITEM, previous);
  }
}

async function tryStatement(core: InterpreterCore, st: TryStatementAst, out: unknown[]): Promise<void> {
  let pending: { error: unknown } | null = null;
  core.tryDepth++;
  let inTry = true;
  try {
    await core.execBlock(st.body.statements, out);
  } catch (e) {
    core.tryDepth--;
    inTry = false;
    pending = await runCatch(core, st, e, out);
  } finally {
    if (inTry) core.tryDepth--;
  }
  if (st.finally && !(pending && pending.error instanceof UnsupportedConstructError))
    await core.execBlock(st.finally.statements, out);
  if (pending) throw pending.error;
}

async function throwStatement(core: InterpreterCore, pipeline: PipelineAst | null, extent: Extent): Promise<never> {
  if (!pipeline) {
    const current = core.catchStack[core.catchStack.length - 1];
    if (current) throw new PsTerminatingError(current, 'script');
    return core.errors.raise(
      { message: 'ScriptHalted', category: 'OperationStopped', errorId: 'ScriptHalted', command: null },
      extent,
      'script',
    );
  }
  const v = normalize(await core.statementValue(pipeline));
  if (v instanceof PsErrorRecord) {
    core.errors.add(v);
    throw new PsTerminatingError(v, 'script');
  }
  if (v instanceof PsException) {
    return core.errors.raise(
      { message: v.message, category: 'OperationStopped', errorId: v.message, command: null, exceptionType: v.type },
      extent,
      'script',
    );
  }
  const message = v === null ? 'ScriptHalted' : toStr(v);
  return core.errors.raise(
    {
      message,
      category: 'OperationStopped',
      errorId: message,
      command: null,
      ...(v !== null ? { targetObject: v } : {}),
    },
    extent,
    'script',
  );
}

/** A statement as a value: a lone expression is not enumerated; commands give $null, one object, or object[]. */
export async function statementValue(core: InterpreterCore, st: StatementAst): Promise<unknown> {
  if (
    st.type === 'PipelineAst' &&
    st.pipelineElements.length === 1 &&
    st.pipelineElements[0]!.type === 'CommandExpressionAst'
  ) {
    const value = await core.evalExpr(st.pipelineElements[0].expression);
    core.success = true;
    return value;
  }
  if (st.type === 'AssignmentStatementAst') return assignStatement(core, st);
  const out: unknown[] = [];
  await core.exec(st, out);
  return out.length === 0 ? NO_OUTPUT : collect(out);
}
