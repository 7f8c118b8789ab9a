// The switch statement: value or array input, -Wildcard/-Regex/-Exact/-CaseSensitive, script-block conditions, default.
import type { ExpressionAst, SwitchStatementAst } from '../ast/ast.js';
import { binaryOp } from '../runtime/ps-operators.js';
import { ScriptBlockValue } from '../runtime/script-block-value.js';
import { collect, isTrue, normalize, toStr } from '../runtime/ps-values.js';
import { FlowSignal } from './flow-signal.js';
import type { InterpreterCore } from './interpreter-core.js';
import { loopItems } from './loops.js';
import { CURRENT_ITEM } from './session-variables.js';

/** Whether a clause's condition matches `item` under the switch's options. */
async function clauseMatches(
  core: InterpreterCore,
  flags: readonly string[],
  condition: ExpressionAst,
  item: unknown,
): Promise<boolean> {
  if (condition.type === 'ScriptBlockExpressionAst') {
    return isTrue(collect(await core.invokeScriptBlock(new ScriptBlockValue(condition.scriptBlock), item)));
  }
  const value = normalize(await core.evalExpr(condition));
  const c = flags.includes('casesensitive') ? 'c' : 'i';
  const last = [...flags].reverse().find((f) => f === 'regex' || f === 'wildcard' || f === 'exact');
  if (last === 'regex') return isTrue(binaryOp(`-${c}match`, toStr(item), toStr(value), core.operatorCtx));
  if (last === 'wildcard') return isTrue(binaryOp(`-${c}like`, toStr(item), toStr(value), core.operatorCtx));
  if (typeof item === 'string' || typeof value === 'string') {
    return c === 'c' ? toStr(item) === toStr(value) : toStr(item).toLowerCase() === toStr(value).toLowerCase();
  }
  return isTrue(binaryOp(`-${c}eq`, item, value, core.operatorCtx));
}

/** Runs the clauses for one item; 'break' ends the switch, 'continue' moves to the next item. */
async function switchItem(
  core: InterpreterCore,
  st: SwitchStatementAst,
  item: unknown,
  out: unknown[],
): Promise<'break' | 'next'> {
  let matched = false;
  try {
    for (const clause of st.clauses) {
      core.vars.setRaw(CURRENT_ITEM, item);
      if (!(await clauseMatches(core, st.flags, clause.condition, item))) continue;
      matched = true;
      core.vars.setRaw(CURRENT_ITEM, item);
      await core.execBlock(clause.body.statements, out);
    }
    if (!matched && st.default) {
      core.vars.setRaw(CURRENT_ITEM, item);
      await core.execBlock(st.default.statements, out);
    }
  } catch (e) {
    if (e instanceof FlowSignal && e.stopsAt(st.label)) return e.kind === 'break' ? 'break' : 'next';
    throw e;
  }
  return 'next';
}

/** `switch [-options] (value) { condition { } ... default { } }`. */
export async function switchStatement(core: InterpreterCore, st: SwitchStatementAst, out: unknown[]): Promise<void> {
  const value = await core.statementValue(st.condition);
  const items = value === null ? [null] : loopItems(core, value);
  const previous = core.vars.getRaw(CURRENT_ITEM);
  try {
    for (const item of items) if ((await switchItem(core, st, item, out)) === 'break') break;
  } finally {
    core.vars.setRaw(CURRENT_ITEM, previous);
  }
}
