// Write-Host, Write-Output, Write-Warning, Write-Error.
import type { CommandContext } from '../command-context.js';
import { PsErrorRecord } from '../../runtime/ps-error-record.js';
import { elements, enumerate, isArrayLike, toStr } from '../../runtime/ps-values.js';

/** -Object / -InputObject then the extra positional arguments, in order. */
function positionalValues(ctx: CommandContext, first: string): unknown[] {
  const out: unknown[] = [];
  if (ctx.params[first] !== undefined) out.push(ctx.params[first]);
  for (let i = 1; i <= 12; i++) {
    const v = ctx.params[`remainingArgument${i}`];
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** Write-Host: text to the host, arrays joined by -Separator (default a space). */
export async function writeHost(ctx: CommandContext): Promise<unknown[]> {
  const sep = ctx.params.separator === undefined ? ' ' : toStr(ctx.params.separator);
  const render = (v: unknown): string => (isArrayLike(v) ? elements(v).map(render).join(sep) : toStr(v));
  const end = ctx.params.noNewline === true ? '' : '\n';
  const given = positionalValues(ctx, 'object');
  if (ctx.input !== undefined && given.length === 0) {
    for (const item of ctx.input) ctx.hostWrite(render(item) + end);
  } else {
    ctx.hostWrite(given.map(render).join(sep) + end);
  }
  return [];
}

/** Write-Output: its arguments (enumerated unless -NoEnumerate), or the pipeline passed through. */
export async function writeOutput(ctx: CommandContext): Promise<unknown[]> {
  const given = positionalValues(ctx, 'inputObject');
  const values = ctx.input !== undefined && given.length === 0 ? ctx.input : given;
  if (ctx.params.noEnumerate === true) return given.length === 1 ? [given[0]] : [...values];
  return values.flatMap((v) => enumerate(v));
}

/** Write-Warning. */
export async function writeWarning(ctx: CommandContext): Promise<unknown[]> {
  const messages = ctx.params.message !== undefined ? [ctx.params.message] : (ctx.input ?? []);
  for (const m of messages) ctx.writeWarning(toStr(m));
  return [];
}

/** Write-Error: a non-terminating error record. */
export async function writeError(ctx: CommandContext): Promise<unknown[]> {
  const p = ctx.params;
  const given = p.errorRecord ?? p.exception;
  if (given instanceof PsErrorRecord) {
    ctx.writeError({
      message: given.record.message,
      category: given.record.category,
      errorId: given.record.errorId,
      fullyQualifiedErrorId: given.record.fullyQualifiedErrorId,
      exceptionType: given.exception.type,
      targetObject: given.record.targetObject,
    });
    return [];
  }
  const messages = p.message !== undefined ? [p.message] : given !== undefined ? [given] : (ctx.input ?? []);
  for (const m of messages) {
    const errorId = p.errorId === undefined ? 'Microsoft.PowerShell.Commands.WriteErrorException' : toStr(p.errorId);
    ctx.writeError({
      message: toStr(m),
      category: p.category === undefined ? 'NotSpecified' : toStr(p.category),
      errorId,
      fullyQualifiedErrorId: errorId,
      exceptionType: 'Microsoft.PowerShell.Commands.WriteErrorException',
      ...(p.targetObject !== undefined ? { targetObject: p.targetObject } : {}),
    });
  }
  return [];
}
