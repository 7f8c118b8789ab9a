// ForEach-Object: -Begin/-Process/-End script blocks, or -MemberName (`% Thumbprint`).
import type { CommandContext } from '../command-context.js';
import { invokeMethod } from '../invoke-method.js';
import { getMember } from '../ps-members.js';
import type { ScriptBlockValue } from '../../runtime/script-block-value.js';
import { enumerate, findProperty, isPlainObject, toStr } from '../../runtime/ps-values.js';

/** ForEach-Object. */
export async function forEachObject(ctx: CommandContext): Promise<unknown[]> {
  const items = ctx.input ?? (ctx.params.inputObject !== undefined ? [ctx.params.inputObject] : [null]);
  const out: unknown[] = [];
  if (ctx.parameterSet === 'PropertyAndMethodSet') {
    const name = toStr(ctx.params.memberName);
    const args = (ctx.params.argumentList as unknown[] | undefined) ?? undefined;
    for (const item of items) {
      const isProperty = args === undefined && (!isPlainObject(item) || findProperty(item, name) !== undefined);
      const value = isProperty ? getMember(item, name, ctx) : await invokeMethod(item, name, args ?? [], ctx);
      if (value !== undefined) out.push(...enumerate(value));
    }
    return out;
  }
  const begin = ctx.params.begin as ScriptBlockValue | null | undefined;
  const process = ctx.params.process as ScriptBlockValue | null | undefined;
  const end = ctx.params.end as ScriptBlockValue | null | undefined;
  if (begin) out.push(...(await ctx.invokeScriptBlock(begin, null)));
  if (process) for (const item of items) out.push(...(await ctx.invokeScriptBlock(process, item)));
  if (end) out.push(...(await ctx.invokeScriptBlock(end, null)));
  return out;
}
