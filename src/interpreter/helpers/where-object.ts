// Where-Object: script-block filter or the simplified `Where-Object Property -op Value` syntax.
import type { CommandContext } from '../command-context.js';
import { getMember } from '../ps-members.js';
import { binaryOp } from '../../runtime/ps-operators.js';
import type { ScriptBlockValue } from '../../runtime/script-block-value.js';
import { TypeValue, collect, isTrue, toStr } from '../../runtime/ps-values.js';

/** The operator of each simplified-syntax parameter set. */
function operatorOf(set: string): string {
  const cs = set.startsWith('CaseSensitive');
  const base = set.replace(/^CaseSensitive/, '').replace(/Set$/, '');
  const ops: Readonly<Record<string, string>> = {
    Equal: 'eq',
    NotEqual: 'ne',
    GreaterThan: 'gt',
    LessThan: 'lt',
    GreaterOrEqual: 'ge',
    LessOrEqual: 'le',
    Like: 'like',
    NotLike: 'notlike',
    Match: 'match',
    NotMatch: 'notmatch',
    Contains: 'contains',
    NotContains: 'notcontains',
    In: 'in',
    NotIn: 'notin',
    Is: 'is',
    IsNot: 'isnot',
  };
  return `-${cs ? 'c' : ''}${ops[base]!}`;
}

/** Where-Object. */
export async function whereObject(ctx: CommandContext): Promise<unknown[]> {
  const items = ctx.input ?? (ctx.params.inputObject !== undefined ? [ctx.params.inputObject] : []);
  const out: unknown[] = [];
  if (ctx.parameterSet === 'ScriptBlockSet') {
    const sb = ctx.params.filterScript as ScriptBlockValue;
    for (const item of items) if (isTrue(collect(await ctx.invokeScriptBlock(sb, item)))) out.push(item);
    return out;
  }
  const property = toStr(ctx.params.property);
  const hasValue = ctx.params.value !== undefined;
  const op = operatorOf(ctx.parameterSet);
  const noOperator = ctx.parameterSet === 'EqualSet' && ctx.params.eQ === undefined && !hasValue;
  const opCtx = { notANumber: (t: string) => ctx.notANumber(t), setMatches: () => undefined };
  for (const item of items) {
    const left = getMember(item, property, ctx);
    let keep: boolean;
    if (noOperator) keep = isTrue(left);
    else {
      let right = hasValue ? ctx.params.value : null;
      if ((op === '-is' || op === '-isnot') && right instanceof TypeValue) right = right.fullName;
      keep = isTrue(binaryOp(op, left, right, opCtx));
    }
    if (keep) out.push(item);
  }
  return out;
}
