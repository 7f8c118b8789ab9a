// ConvertTo-Json: one JSON text for all pipeline input (an array when more than one object), -Depth, -Compress.
import { toInteger } from '../../runtime/ps-types.js';
import type { CommandContext } from '../command-context.js';
import { compactJson, indentedJson, toJson, windowsJson } from './json-text.js';

/** ConvertTo-Json. */
export async function convertToJson(ctx: CommandContext): Promise<unknown[]> {
  if (ctx.params.escapeHandling !== undefined) ctx.unsupported('ConvertTo-Json -EscapeHandling');
  const items = ctx.input ?? [ctx.params.inputObject];
  if (items.length === 0) return [];
  const wps = ctx.dialect.shell !== '7';
  const depth =
    ctx.params.depth === undefined ? 2 : toInteger(ctx.params.depth, 'System.Int32', 0, 100, ctx, 'an Int32');
  let truncated = false;
  const options = {
    depth,
    windowsPowerShell: wps,
    enumsAsStrings: ctx.params.enumsAsStrings === true,
    truncated: () => {
      truncated = true;
    },
  };
  const single = items.length === 1 && ctx.params.asArray !== true;
  const tree = single ? toJson(items[0], 0, options) : items.map((x) => toJson(x, 1, options));
  if (truncated && !wps)
    ctx.writeWarning(`Resulting JSON is truncated as serialization has exceeded the set depth of ${depth}.`);
  if (ctx.params.compress === true) return Promise.resolve([compactJson(tree, wps)]);
  return Promise.resolve([wps ? windowsJson(tree) : indentedJson(tree).replace(/\n/g, '\r\n')]);
}
