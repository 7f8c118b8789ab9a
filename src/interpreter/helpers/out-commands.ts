// Out-Null, Out-String, Out-Host.
import type { CommandContext } from '../command-context.js';
import { formatForHost, formatLinesForHost } from '../../format/format-output.js';

/** Out-Null. */
export async function outNull(): Promise<unknown[]> {
  return [];
}

/** Out-String: the console text of its input, as one string (or one per line with -Stream). */
export async function outString(ctx: CommandContext): Promise<unknown[]> {
  const lines = formatLinesForHost(
    ctx.input ?? (ctx.params.inputObject !== undefined ? [ctx.params.inputObject] : []),
    ctx.dialect.shell,
  );
  if (ctx.params.stream === true) return lines;
  if (ctx.params.noNewline === true) return [lines.join('')];
  return [lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`];
}

/** Out-Host: the console text of its input, to the host. */
export async function outHost(ctx: CommandContext): Promise<unknown[]> {
  if (ctx.params.paging === true) ctx.unsupported('Out-Host -Paging');
  const text = formatForHost(
    ctx.input ?? (ctx.params.inputObject !== undefined ? [ctx.params.inputObject] : []),
    ctx.dialect.shell,
  );
  if (text !== '') ctx.hostWrite(`${text}\n`);
  return [];
}
