// Get-Content on the VirtualFs: text lines (BOM-aware decoding), -Raw, -ReadCount, byte mode per dialect.
import type { CommandContext } from '../command-context.js';
import { decodeFile, splitLines } from '../text-codec.js';
import { toStr } from '../../runtime/ps-values.js';
import { windowsFileError } from '../file-errors.js';
import { VirtualFsError } from '../../engine/store/virtual-fs-error.js';
import { byteMode, fileEncoding, hasWildcard, refuseFileParameters } from './file-encoding.js';

function chunk<T>(items: readonly T[], readCount: number): unknown[] {
  if (readCount <= 0) return items.length === 0 ? [] : [[...items]];
  if (readCount === 1) return [...items];
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i += readCount) out.push(items.slice(i, i + readCount));
  return out;
}

function limit<T>(items: readonly T[], ctx: CommandContext): readonly T[] {
  const total = ctx.params.totalCount;
  const tail = ctx.params.tail;
  let out = items;
  if (typeof total === 'number' && total >= 0) out = out.slice(0, total);
  if (typeof tail === 'number' && tail >= 0) out = tail === 0 ? [] : out.slice(-tail);
  return out;
}

/** Get-Content. */
export async function getContent(ctx: CommandContext): Promise<unknown[]> {
  refuseFileParameters(ctx, [
    'wait',
    'stream',
    'filter',
    'include',
    'exclude',
    'credential',
    'delimiter',
    'useTransaction',
  ]);
  const encoding = fileEncoding(ctx);
  const bytes = byteMode(ctx, encoding);
  const literal = ctx.params.literalPath !== undefined;
  const paths = ((ctx.params.literalPath ?? ctx.params.path ?? []) as unknown[]).map((p) => toStr(p));
  const readCount = typeof ctx.params.readCount === 'number' ? ctx.params.readCount : 1;
  const out: unknown[] = [];
  for (const written of paths) {
    if (!literal && hasWildcard(written)) ctx.unsupported(`wildcards in Get-Content -Path ('${written}')`);
    const path = ctx.resolvePath(written);
    let data: Uint8Array;
    try {
      if (!ctx.env.fs.exists(path))
        throw new VirtualFsError('ITEM_NOT_FOUND', path, `Cannot find path '${path}' because it does not exist.`);
      data = ctx.env.fs.readFile(path);
    } catch (e) {
      const f = windowsFileError(e, path, false);
      if (f === null) throw e;
      const errorId = f.kind === 'NotFound' ? 'PathNotFound' : `GetContentReader${f.kind}Error`;
      ctx.writeError({
        message: f.message,
        category: f.category,
        errorId,
        exceptionType: f.exceptionType,
        targetObject: path,
        fullyQualifiedErrorId: `${errorId},Microsoft.PowerShell.Commands.GetContentCommand`,
      });
      continue;
    }
    if (bytes) {
      if (ctx.params.raw === true) {
        if (data.length > 0) out.push(new Uint8Array(data));
        continue;
      }
      out.push(...chunk(limit(Array.from(data), ctx), readCount));
      continue;
    }
    const text = decodeFile(data, encoding ?? ctx.dialect.getContentDefault);
    if (ctx.params.raw === true) {
      if (text !== '') out.push(text);
      continue;
    }
    out.push(...chunk(limit(splitLines(text), ctx), readCount));
  }
  return out;
}
