// The arguments of a call to a function or script block, evaluated in source order (named, positional, splatted).
import type { CommandAst } from '../ast/ast.js';
import { PsHashtable } from '../runtime/ps-hashtable.js';
import { elements, isArrayLike, normalize, toStr } from '../runtime/ps-values.js';
import type { InterpreterCore } from './interpreter-core.js';

/** `-Name`, `-Name:value` (value set), or a value. */
export type CallArgument =
  | { readonly kind: 'named'; readonly name: string; readonly value?: unknown }
  | { readonly kind: 'value'; readonly value: unknown };

/** Evaluates a command's elements after its name (`&`/`.` targets included), splats expanded. */
export async function callArguments(core: InterpreterCore, cmd: CommandAst): Promise<CallArgument[]> {
  const args: CallArgument[] = [];
  for (const el of cmd.commandElements.slice(1)) {
    if (el.type === 'CommandParameterAst') {
      args.push(
        el.argument
          ? { kind: 'named', name: el.parameterName, value: normalize(await core.evalExpr(el.argument)) }
          : { kind: 'named', name: el.parameterName },
      );
    } else if (el.type === 'VariableExpressionAst' && el.splatted) {
      const v = normalize(core.vars.get(el.variablePath));
      if (v instanceof PsHashtable) {
        for (const [k, value] of v.entries()) args.push({ kind: 'named', name: toStr(k), value });
      } else if (isArrayLike(v)) {
        for (const value of elements(v)) args.push({ kind: 'value', value });
      } else if (v !== null) args.push({ kind: 'value', value: v });
    } else {
      args.push({ kind: 'value', value: normalize(await core.evalExpr(el)) });
    }
  }
  return args;
}
