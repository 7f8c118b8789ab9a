// Which function or script block a command calls: `f`, `& $sb`, `& { }`, `. $sb`; null for cmdlets and helpers.
import type { CommandAst } from '../ast/ast.js';
import { ScriptBlockValue } from '../runtime/script-block-value.js';
import { normalize, toStr } from '../runtime/ps-values.js';
import type { Callable } from './callable.js';
import type { InterpreterCore } from './interpreter-core.js';
import { UnsupportedConstructError } from './unsupported-construct.js';

/** A script block as something to call. */
function blockCallable(sb: ScriptBlockValue): Callable {
  return { name: 'ScriptBlock', body: sb.ast, inline: null, isFilter: false };
}

/** The callable a command names, whether it runs in the caller's scope (`.`), or null when it names a command. */
export async function callTarget(
  core: InterpreterCore,
  cmd: CommandAst,
): Promise<{ callable: Callable; dot: boolean } | null> {
  const first = cmd.commandElements[0]!;
  const dot = cmd.invocationOperator === '.';
  let name: string;
  if (first.type === 'ScriptBlockExpressionAst') {
    return { callable: blockCallable(new ScriptBlockValue(first.scriptBlock)), dot };
  } else if (first.type === 'StringConstantExpressionAst') {
    name = first.value;
  } else if (first.type === 'CommandParameterAst') {
    return null;
  } else {
    const value = normalize(await core.evalExpr(first));
    if (value instanceof ScriptBlockValue) return { callable: blockCallable(value), dot };
    name = toStr(value);
    const fn = core.functions.get(name.toLowerCase());
    if (fn) return { callable: fn, dot };
    throw new UnsupportedConstructError(`calling a command by a computed name ('${first.extent.text}')`, first.extent);
  }
  const fn = core.functions.get(name.toLowerCase());
  if (fn) return { callable: fn, dot };
  if (dot) throw new UnsupportedConstructError(`dot-sourcing a script file ('${cmd.extent.text}')`, cmd.extent);
  return null;
}
