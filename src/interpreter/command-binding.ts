// Prepares a command for bindCommand at run time: type-driven positional choices and splats of runtime hashtables.
import { matchParameter } from '../bind/match-parameter.js';
import type {
  CommandAst,
  CommandElementAst,
  CommandParameterAst,
  ExpressionAst,
  HashtableAst,
  PipelineAst,
  StatementAst,
  VariableExpressionAst,
} from '../ast/ast.js';
import type { CmdletSpec } from '../spec/cmdlet-spec.js';
import type { ShellView } from '../spec/registry.js';
import type { InterpreterDialect } from '../runtime/interpreter-dialect.js';
import { PsHashtable } from '../runtime/ps-hashtable.js';
import { normalize, toStr } from '../runtime/ps-values.js';
import { UnsupportedConstructError } from './unsupported-construct.js';

/**
 * PowerShell binds positional arguments by type first, so `Where-Object { ... }` binds -FilterScript and
 * `ForEach-Object Name` binds -MemberName; the spec-driven binder would pick the default set's parameter, so the
 * interpreter names the parameter before binding.
 */
export function rewriteForBinding(
  cmd: CommandAst,
  spec: CmdletSpec,
  view: ShellView,
  dialect: InterpreterDialect,
): CommandAst {
  if (spec.name !== 'Where-Object' && spec.name !== 'ForEach-Object') return cmd;
  const els = cmd.commandElements;
  for (let i = 1; i < els.length; i++) {
    const el = els[i]!;
    if (el.type === 'CommandParameterAst') {
      if (el.usedColon) continue;
      let takesValue: boolean;
      try {
        takesValue = matchParameter(view, el.parameterName).type !== 'SwitchParameter';
      } catch {
        takesValue = false;
      }
      if (takesValue && els[i + 1] && els[i + 1]!.type !== 'CommandParameterAst') i++;
      continue;
    }
    if (el.type === 'VariableExpressionAst' && el.splatted) continue;
    let name: string | null = null;
    if (spec.name === 'Where-Object' && el.type === 'ScriptBlockExpressionAst') name = 'FilterScript';
    if (spec.name === 'ForEach-Object' && el.type !== 'ScriptBlockExpressionAst' && dialect.forEachMemberName)
      name = 'MemberName';
    if (!name) return cmd;
    const param: CommandParameterAst = {
      type: 'CommandParameterAst',
      extent: el.extent,
      parameterName: name,
      argument: null,
      usedColon: false,
      dash: '-',
    };
    const rewritten: CommandElementAst[] = [...els.slice(0, i), param, ...els.slice(i)];
    return { ...cmd, commandElements: rewritten };
  }
  return cmd;
}

/**
 * Splatted variables as the hashtable ASTs bindCommand reads; each value is a synthetic variable node that `inject`
 * maps to the runtime value (so binding, including PowerShell 7's explicit-over-splat rule, stays the binder's).
 */
export function runtimeSplats(
  cmd: CommandAst,
  lookup: (path: string) => unknown,
  inject: (node: VariableExpressionAst, value: unknown) => void,
): Map<string, HashtableAst> {
  const splats = new Map<string, HashtableAst>();
  for (const el of cmd.commandElements) {
    if (el.type !== 'VariableExpressionAst' || !el.splatted) continue;
    const value = normalize(lookup(el.variablePath));
    if (value !== null && !(value instanceof PsHashtable))
      throw new UnsupportedConstructError(`splatting a value that is not a hashtable ('${el.extent.text}')`, el.extent);
    const pairs: (readonly [ExpressionAst, StatementAst])[] = [];
    for (const [k, v] of value instanceof PsHashtable ? value.entries() : []) {
      const key: ExpressionAst = {
        type: 'StringConstantExpressionAst',
        extent: el.extent,
        value: toStr(k),
        stringConstantType: 'BareWord',
      };
      const holder: VariableExpressionAst = {
        type: 'VariableExpressionAst',
        extent: el.extent,
        variablePath: `exchcertSplat${pairs.length}`,
        splatted: false,
      };
      inject(holder, v);
      const statement: PipelineAst = {
        type: 'PipelineAst',
        extent: el.extent,
        pipelineElements: [{ type: 'CommandExpressionAst', extent: el.extent, expression: holder }],
      };
      pairs.push([key, statement]);
    }
    splats.set(el.variablePath.toLowerCase(), { type: 'HashtableAst', extent: el.extent, keyValuePairs: pairs });
  }
  return splats;
}
