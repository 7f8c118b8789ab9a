// Set-Content on the VirtualFs: text (ANSI+CRLF on Windows PowerShell, UTF-8 without BOM on 7) or bytes.
import { SHOULD_PROCESS_QUERY, nonInteractiveMessage } from '../../engine/exchange-messages.js';
import type { CommandContext } from '../command-context.js';
import { encodeFile } from '../text-codec.js';
import { elements, isArrayLike, toStr } from '../../runtime/ps-values.js';
import { toInteger } from '../../runtime/ps-types.js';
import { windowsFileError } from '../file-errors.js';
import { byteMode, fileEncoding, hasWildcard, refuseFileParameters } from './file-encoding.js';

/** The values to write: -Value, or every pipeline object (arrays give their elements, as Object[] binding does). */
function valuesOf(ctx: CommandContext): unknown[] {
  if (ctx.params.value !== undefined) return (ctx.params.value as unknown[] | null) ?? [];
  return (ctx.input ?? []).flatMap((v) => (isArrayLike(v) ? elements(v) : [v]));
}

/** Asks ShouldProcess when -Confirm is given; -WhatIf only describes. */
function shouldProcess(ctx: CommandContext, path: string): boolean {
  const action = `Performing the operation "Set Content" on target "Path: ${path}".`;
  if (ctx.params.whatIf === true) {
    ctx.hostWrite(`What if: ${action}\n`);
    return false;
  }
  if (ctx.params.confirm !== true) return true;
  const answer = ctx.env.answers.answer({
    kind: 'ShouldProcess',
    caption: 'Confirm',
    message: `${SHOULD_PROCESS_QUERY}\r\n${action}`,
  });
  if (answer === null) {
    ctx.fail({
      message: nonInteractiveMessage(ctx.dialect.shell),
      category: 'InvalidOperation',
      errorId: 'InvalidOperation',
      exceptionType: 'System.Management.Automation.PSInvalidOperationException',
      fullyQualifiedErrorId: 'InvalidOperation,Microsoft.PowerShell.Commands.SetContentCommand',
    });
  }
  return answer === 'Y' || answer === 'A';
}

function toBytes(ctx: CommandContext, values: readonly unknown[]): Uint8Array {
  const parts: number[] = [];
  for (const v of values) {
    if (v instanceof Uint8Array) {
      parts.push(...v);
      continue;
    }
    try {
      parts.push(toInteger(v, 'System.Byte', 0, 255, ctx, 'an unsigned byte'));
    } catch (e) {
      ctx.fail({
        message: e instanceof Error ? e.message : String(e),
        category: 'InvalidArgument',
        errorId: 'InvalidCastFromStringToInteger',
        exceptionType: 'System.Management.Automation.PSInvalidCastException',
      });
    }
  }
  return Uint8Array.from(parts);
}

/** Set-Content. */
export async function setContent(ctx: CommandContext): Promise<unknown[]> {
  refuseFileParameters(ctx, ['stream', 'filter', 'include', 'exclude', 'credential', 'useTransaction']);
  if (ctx.input !== undefined && ctx.input.length === 0 && ctx.params.value === undefined) return [];
  const encoding = fileEncoding(ctx);
  const values = valuesOf(ctx);
  const literal = ctx.params.literalPath !== undefined;
  const paths = ((ctx.params.literalPath ?? ctx.params.path ?? []) as unknown[]).map((p) => toStr(p));
  let data: Uint8Array;
  if (byteMode(ctx, encoding)) data = toBytes(ctx, values);
  else {
    const lines = values.map((v) => toStr(v));
    const text = ctx.params.noNewline === true ? lines.join('') : lines.map((l) => `${l}\r\n`).join('');
    data = encodeFile(text, encoding ?? ctx.dialect.setContentDefault);
  }
  for (const written of paths) {
    if (!literal && hasWildcard(written)) ctx.unsupported(`wildcards in Set-Content -Path ('${written}')`);
    const path = ctx.resolvePath(written);
    if (!shouldProcess(ctx, path)) continue;
    try {
      ctx.env.fs.writeFile(path, data);
    } catch (e) {
      const f = windowsFileError(e, path, false);
      if (f === null) throw e;
      const errorId = `GetContentWriter${f.kind}Error`;
      ctx.writeError({
        message: f.message,
        category: f.category,
        errorId,
        targetObject: path,
        exceptionType: f.exceptionType,
        fullyQualifiedErrorId: `${errorId},Microsoft.PowerShell.Commands.SetContentCommand`,
      });
    }
  }
  return ctx.params.passThru === true ? values : [];
}
