// Reads a command's elements into PowerShell's raw argument list: parameters (with an argument when written with a
// colon or splatted) and positional arguments, before names are resolved.
import type { CommandAst, ExpressionAst, HashtableAst, StatementAst } from '../ast/ast.js';
import { unwrapExpression } from '../idiom/unwrap-expression.js';
import { astToRaw } from './ast-to-raw.js';
import type { NestedBinder } from './ast-to-raw.js';
import type { RawArgument } from './raw-argument.js';

/** Where a bound parameter's value was written: its argument expression, or a splatted hashtable's value statement. */
export type BindingSource = ExpressionAst | StatementAst;

/** `-Name`, `-Name:value` or a splatted `Name = value`; `raw` is null when no argument is attached. */
export interface NamedArgument {
  readonly k: 'named';
  /** The name as written, without the dash. */
  readonly name: string;
  /** The parameter token as written (`-Bogus`), the value when it follows a parameter that needs one. */
  readonly text: string;
  readonly raw: RawArgument | null;
  readonly splat: boolean;
  readonly source: BindingSource | null;
}

/** A value written without a parameter name. */
export interface PositionalArgument {
  readonly k: 'positional';
  readonly raw: RawArgument;
  readonly source: BindingSource;
}

export type Argument = NamedArgument | PositionalArgument;

/** The command's arguments in order; `unknownSplat` when a splatted variable's hashtable is not in the script. */
export function readArguments(
  cmd: CommandAst,
  splats: ReadonlyMap<string, HashtableAst>,
  nested: NestedBinder,
): { args: Argument[]; unknownSplat: boolean } {
  const args: Argument[] = [];
  let unknownSplat = false;
  const els = cmd.commandElements;
  for (let i = 1; i < els.length; i++) {
    const el = els[i]!;
    if (el.type === 'CommandParameterAst') {
      const arg = el.usedColon && el.argument ? el.argument : null;
      args.push({
        k: 'named',
        name: el.parameterName,
        text: el.extent.text,
        raw: arg ? astToRaw(arg, nested) : null,
        splat: false,
        source: arg,
      });
    } else if (el.type === 'VariableExpressionAst' && el.splatted) {
      const table = splats.get(el.variablePath.toLowerCase());
      if (!table) {
        unknownSplat = true;
        continue;
      }
      for (const [key, value] of table.keyValuePairs) {
        const k = unwrapExpression(key);
        const name = k.type === 'StringConstantExpressionAst' ? k.value : k.extent.text;
        const expr =
          value.type === 'PipelineAst' &&
          value.pipelineElements.length === 1 &&
          value.pipelineElements[0]!.type === 'CommandExpressionAst'
            ? value.pipelineElements[0].expression
            : null;
        const raw: RawArgument = expr
          ? astToRaw(expr, nested)
          : { t: 'value', value: { kind: 'expression', text: value.extent.text }, text: value.extent.text };
        args.push({ k: 'named', name, text: `-${name}`, raw, splat: true, source: value });
      }
    } else {
      args.push({ k: 'positional', raw: astToRaw(el as ExpressionAst, nested), source: el as ExpressionAst });
    }
  }
  return { args, unknownSplat };
}
