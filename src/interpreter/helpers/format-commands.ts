// Format-Table and Format-List: text lines as the console shows them (Exchange's views for certificates).
import type { CommandContext } from '../command-context.js';
import { formatListLines, formatTableLines } from '../../format/format-output.js';
import { PsHashtable } from '../../runtime/ps-hashtable.js';
import { ScriptBlockValue } from '../../runtime/script-block-value.js';
import { toStr } from '../../runtime/ps-values.js';
import { propertySpecs, selectProperties } from './select-object.js';

/** Objects and property names to format: calculated properties are evaluated into custom objects first. */
async function prepare(ctx: CommandContext): Promise<{ items: unknown[]; properties: string[] | null }> {
  for (const n of ['groupBy', 'view', 'expand', 'showError', 'displayError'])
    if (ctx.params[n] !== undefined) ctx.unsupported(`${ctx.spec.name} -${n.charAt(0).toUpperCase()}${n.slice(1)}`);
  const items = [...(ctx.input ?? (ctx.params.inputObject !== undefined ? [ctx.params.inputObject] : []))];
  const raw = ctx.params.property as unknown[] | undefined;
  if (raw === undefined) return { items, properties: null };
  if (!raw.some((p) => p instanceof PsHashtable || p instanceof ScriptBlockValue))
    return { items, properties: raw.map((p) => toStr(p)) };
  const specs = propertySpecs(ctx, raw);
  const out: unknown[] = [];
  for (const item of items) out.push(await selectProperties(ctx, item, specs, []));
  return { items: out, properties: specs.map((s) => s.name) };
}

/** Format-Table. */
export async function formatTableCommand(ctx: CommandContext): Promise<unknown[]> {
  const { items, properties } = await prepare(ctx);
  const lines = formatTableLines(items, properties, ctx.dialect.shell, (count) => {
    if (ctx.dialect.warnsDroppedColumns)
      ctx.writeWarning(`${count} columns do not fit into the display and were removed.`);
  });
  if (ctx.params.hideTableHeaders === true && lines.length >= 3 && lines[0] === '') return ['', ...lines.slice(3)];
  return lines;
}

/** Format-List. */
export async function formatListCommand(ctx: CommandContext): Promise<unknown[]> {
  const { items, properties } = await prepare(ctx);
  return formatListLines(items, properties, ctx.dialect.shell);
}
