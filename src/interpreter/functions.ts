// Functions and script blocks as commands: `function f { param() ... }`, `& $sb args` (child scope), `. $sb` (same scope).
import type { Extent, FunctionDefinitionAst, NamedBlockAst, ScriptBlockAst, StatementAst } from '../ast/ast.js';
import { PsHashtable } from '../runtime/ps-hashtable.js';
import type { Callable } from './callable.js';
import { castTo } from '../runtime/ps-types.js';
import type { CallArgument } from './function-arguments.js';
import { FunctionBinder } from './function-binding.js';
import type { BoundCall } from './function-binding.js';
import { signatureOf } from './function-signature.js';
import type { FunctionSignature } from './function-signature.js';
import { FlowSignal } from './flow-signal.js';
import type { InterpreterCore } from './interpreter-core.js';
import { CURRENT_ITEM } from './session-variables.js';

/** `function name { }`: defines (or redefines) the function for the rest of the session. */
export function defineFunction(core: InterpreterCore, st: FunctionDefinitionAst): void {
  core.functions.set(st.name.toLowerCase(), {
    name: st.name,
    body: st.body,
    inline: st.parameters,
    isFilter: st.isFilter,
  });
}

/** Runs statements; `return` ends them (its output kept). */
async function runStatements(
  core: InterpreterCore,
  statements: readonly StatementAst[],
  out: unknown[],
): Promise<void> {
  try {
    await core.execBlock(statements, out);
  } catch (e) {
    if (e instanceof FlowSignal && e.kind === 'return') out.push(...e.output);
    else throw e;
  }
}

/** The parameter values of one call (or of one pipeline item), unbound ones from their defaults, as variables. */
async function setParameters(
  core: InterpreterCore,
  sig: FunctionSignature,
  bound: BoundCall,
  binder: FunctionBinder,
): Promise<void> {
  const table = new PsHashtable();
  for (const p of sig.params) {
    if (bound.values.has(p.name)) {
      core.vars.setLocal(p.name, bound.values.get(p.name));
      table.set(p.name, bound.values.get(p.name));
      continue;
    }
    let v: unknown = null;
    if (p.defaultValue) v = binder.convert(p, await core.evalExpr(p.defaultValue));
    else if (p.isSwitch) v = false;
    else if (p.type !== null && /^(string|int|int32|long|double|bool|boolean)$/i.test(p.type.trim()))
      v = castTo(p.type, null, core.operatorCtx);
    core.vars.setLocal(p.name, v);
  }
  core.vars.setLocal('PSBoundParameters', table);
  core.vars.setLocal('args', bound.rest);
  for (const [name, value] of bound.preferences) core.vars.setLocal(name, value);
}

/** The named blocks to run: begin, process (per input item), end (the unnamed statements). */
function blocksOf(c: Callable): {
  begin?: NamedBlockAst;
  process?: readonly StatementAst[];
  end: readonly StatementAst[];
} {
  const b = c.body;
  if (c.isFilter) return { process: b.statements, end: [] };
  return {
    ...(b.beginBlock ? { begin: b.beginBlock } : {}),
    ...(b.processBlock ? { process: b.processBlock.statements } : {}),
    end: b.endBlock?.statements ?? (b.processBlock || b.beginBlock ? [] : b.statements),
  };
}

/** Runs the process block once per input item, binding ValueFromPipeline parameters to it. */
async function runProcess(
  core: InterpreterCore,
  sig: FunctionSignature,
  process: readonly StatementAst[],
  input: readonly unknown[] | undefined,
  binder: FunctionBinder,
  out: unknown[],
): Promise<void> {
  const fromPipeline = sig.params.find((p) => p.fromPipeline);
  for (const item of input ?? [null]) {
    core.vars.setLocal(CURRENT_ITEM, item);
    if (fromPipeline && input !== undefined) core.vars.setLocal(fromPipeline.name, binder.convert(fromPipeline, item));
    await runStatements(core, process, out);
  }
}

/** Calls a function or script block with evaluated arguments and pipeline input; `dot` runs it in the caller's scope. */
export async function invokeCallable(
  core: InterpreterCore,
  c: Callable,
  args: readonly CallArgument[],
  input: readonly unknown[] | undefined,
  extent: Extent,
  dot: boolean,
): Promise<unknown[]> {
  const sig = signatureOf(c.body, c.inline);
  const binder = new FunctionBinder(core, c.name, sig, extent);
  const pipelineBound = input !== undefined && input.length > 0 ? sig.params.filter((p) => p.fromPipeline) : [];
  const bound = binder.bind(
    args,
    pipelineBound.map((p) => p.name),
  );
  const run = async (): Promise<unknown[]> => {
    const out: unknown[] = [];
    await setParameters(core, sig, bound, binder);
    core.vars.setLocal('input', input === undefined ? [] : [...input]);
    const blocks = blocksOf(c);
    if (blocks.begin) await runStatements(core, blocks.begin.statements, out);
    if (blocks.process) await runProcess(core, sig, blocks.process, input, binder, out);
    await runStatements(core, blocks.end, out);
    return out;
  };
  return dot ? run() : core.vars.inChildScope(run);
}

/** A script's own param() block: `exchcert run` passes no arguments, so each parameter gets its default. */
export async function bindScriptParameters(core: InterpreterCore, script: ScriptBlockAst): Promise<void> {
  if (!script.paramBlock) return;
  const sig = signatureOf(script, null);
  const binder = new FunctionBinder(core, 'script', sig, script.paramBlock.extent);
  await setParameters(core, sig, binder.bind([], []), binder);
}
