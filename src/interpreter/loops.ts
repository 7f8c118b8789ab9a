// Loops: foreach, for, while, do/while, do/until, with break/continue (labelled or not).
import type {
  DoUntilStatementAst,
  DoWhileStatementAst,
  ForEachStatementAst,
  ForStatementAst,
  PipelineBaseAst,
  StatementBlockAst,
  WhileStatementAst,
} from '../ast/ast.js';
import { NO_OUTPUT, elements, isArrayLike, isTrue } from '../runtime/ps-values.js';
import { FlowSignal } from './flow-signal.js';
import type { InterpreterCore } from './interpreter-core.js';

/** Runs one pass of a loop body: 'break' when the loop ends, else 'next' (a `continue` included). */
export async function loopBody(
  core: InterpreterCore,
  body: StatementBlockAst,
  label: string | null | undefined,
  out: unknown[],
): Promise<'break' | 'next'> {
  try {
    await core.execBlock(body.statements, out);
    return 'next';
  } catch (e) {
    if (e instanceof FlowSignal && e.stopsAt(label)) return e.kind === 'break' ? 'break' : 'next';
    throw e;
  }
}

/** The items a foreach loop (or switch) walks: `$null` once in 2.0 only, an empty pipeline never. */
export function loopItems(core: InterpreterCore, value: unknown): unknown[] {
  if (value === null) return core.dialect.foreachIteratesNull ? [null] : [];
  if (value === NO_OUTPUT) return [];
  if (isArrayLike(value)) return elements(value);
  return [value];
}

/** `foreach ($x in ...) { }`. */
export async function foreachStatement(core: InterpreterCore, st: ForEachStatementAst, out: unknown[]): Promise<void> {
  const items = loopItems(core, await core.statementValue(st.condition));
  for (const item of items) {
    core.vars.set(st.variable.variablePath, item);
    if ((await loopBody(core, st.body, st.label, out)) === 'break') break;
  }
}

async function condition(core: InterpreterCore, c: PipelineBaseAst | null): Promise<boolean> {
  return c === null ? true : isTrue(await core.statementValue(c));
}

/** Runs a for-loop's initializer or iterator: its output goes to the loop's output, as in PowerShell. */
async function sideStatement(core: InterpreterCore, st: PipelineBaseAst | null, out: unknown[]): Promise<void> {
  if (st !== null) await core.exec(st, out);
}

/** `for (init; cond; iter) { }`. */
export async function forStatement(core: InterpreterCore, st: ForStatementAst, out: unknown[]): Promise<void> {
  await sideStatement(core, st.initializer, out);
  while (await condition(core, st.condition)) {
    if ((await loopBody(core, st.body, st.label, out)) === 'break') break;
    await sideStatement(core, st.iterator, out);
  }
}

/** `while (cond) { }`. */
export async function whileStatement(core: InterpreterCore, st: WhileStatementAst, out: unknown[]): Promise<void> {
  while (await condition(core, st.condition)) {
    if ((await loopBody(core, st.body, st.label, out)) === 'break') break;
  }
}

/** `do { } while (cond)` and `do { } until (cond)`: the body runs at least once. */
export async function doStatement(
  core: InterpreterCore,
  st: DoWhileStatementAst | DoUntilStatementAst,
  out: unknown[],
): Promise<void> {
  const until = st.type === 'DoUntilStatementAst';
  for (;;) {
    if ((await loopBody(core, st.body, st.label, out)) === 'break') break;
    if ((await condition(core, st.condition)) === until) break;
  }
}
