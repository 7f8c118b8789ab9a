// Out-File, Export-Csv and Add-Content: text written to files of the simulated file system in each shell's encoding.
import { formatLinesForHost } from '../../format/format-output.js';
import type { TextEncodingName } from '../../runtime/interpreter-dialect.js';
import {
  elements,
  isArrayLike,
  isPlainObject,
  normalize,
  propertyNames,
  toStr,
  typeNameOf,
} from '../../runtime/ps-values.js';
import { PsHashtable } from '../../runtime/ps-hashtable.js';
import type { CommandContext } from '../command-context.js';
import { fileEncoding, hasWildcard } from './file-encoding.js';
import { writeTextFile } from './file-write.js';

function targetPath(ctx: CommandContext, written: unknown): string {
  const p = toStr(written);
  if (ctx.params.literalPath === undefined && hasWildcard(p))
    ctx.unsupported(`wildcards in ${ctx.spec.name} paths ('${p}')`);
  return ctx.resolvePath(p);
}

function refuseNoClobber(ctx: CommandContext, path: string): boolean {
  if (ctx.params.noClobber !== true || !ctx.env.fs.exists(path)) return false;
  ctx.writeError({
    message: `The file '${path}' already exists.`,
    category: 'ResourceExists',
    errorId: 'NoClobber',
    targetObject: path,
    exceptionType: 'System.IO.IOException',
  });
  return true;
}

/** Out-File: what the console would show, to a file (UTF-16 LE on Windows PowerShell, UTF-8 without BOM on 7). */
export async function outFile(ctx: CommandContext): Promise<unknown[]> {
  const path = targetPath(ctx, ctx.params.literalPath ?? ctx.params.filePath);
  const items = ctx.input ?? (ctx.params.inputObject !== undefined ? [ctx.params.inputObject] : []);
  const encoding: TextEncodingName = fileEncoding(ctx) ?? (ctx.dialect.shell === '7' ? 'utf8NoBOM' : 'unicode');
  if (refuseNoClobber(ctx, path)) return [];
  const lines = formatLinesForHost(items, ctx.dialect.shell);
  const text = ctx.params.noNewline === true ? lines.join('') : lines.map((l) => `${l}\r\n`).join('');
  writeTextFile(ctx, path, text, encoding, ctx.params.append === true);
  return Promise.resolve([]);
}

/** A CSV field: quoted with inner quotes doubled; $null is an empty, unquoted field. */
function csvField(v: unknown): string {
  const x = normalize(v);
  if (x === null) return '';
  return `"${toStr(x).replace(/"/g, '""')}"`;
}

function propertiesOf(o: unknown): string[] {
  if (isPlainObject(o)) return propertyNames(o);
  if (o instanceof PsHashtable)
    return ['IsReadOnly', 'IsFixedSize', 'IsSynchronized', 'Keys', 'Values', 'SyncRoot', 'Count'];
  return typeof o === 'string' ? ['Length'] : [];
}

function valueOf(o: unknown, name: string): unknown {
  if (isPlainObject(o)) return o[name];
  if (typeof o === 'string' && name === 'Length') return o.length;
  return null;
}

/** The CSV lines of objects: an optional #TYPE line, the header of the first object's properties, one row each. */
export function csvLines(items: readonly unknown[], delimiter: string, typeLine: boolean): string[] {
  const objects = items.flatMap((i) => {
    const v = normalize(i);
    return isArrayLike(v) ? elements(v) : [v];
  });
  if (objects.length === 0) return [];
  const names = propertiesOf(objects[0]);
  const lines: string[] = [];
  if (typeLine) lines.push(`#TYPE ${typeNameOf(objects[0])}`);
  lines.push(names.map((n) => `"${n}"`).join(delimiter));
  for (const o of objects) lines.push(names.map((n) => csvField(valueOf(o, n))).join(delimiter));
  return lines;
}

/** Export-Csv: #TYPE unless -NoTypeInformation on Windows PowerShell; only with -IncludeTypeInformation on 7. */
export async function exportCsv(ctx: CommandContext): Promise<unknown[]> {
  if (ctx.params.useQuotes !== undefined || ctx.params.useCulture === true)
    ctx.unsupported('Export-Csv -UseQuotes/-UseCulture');
  const path = targetPath(ctx, ctx.params.literalPath ?? ctx.params.path);
  const items = ctx.input ?? (ctx.params.inputObject !== undefined ? [ctx.params.inputObject] : []);
  const encoding: TextEncodingName = fileEncoding(ctx) ?? (ctx.dialect.shell === '7' ? 'utf8NoBOM' : 'ascii');
  if (refuseNoClobber(ctx, path)) return [];
  const typeLine =
    ctx.dialect.shell === '7' ? ctx.params.includeTypeInformation === true : ctx.params.noTypeInformation !== true;
  const append = ctx.params.append === true && ctx.env.fs.exists(path);
  let lines = csvLines(
    items,
    ctx.params.delimiter === undefined ? ',' : toStr(ctx.params.delimiter),
    typeLine && !append,
  );
  if (append) lines = lines.slice(1);
  writeTextFile(ctx, path, lines.map((l) => `${l}\r\n`).join(''), encoding, append);
  return Promise.resolve([]);
}

/** Add-Content: each value as a line appended to each file (ANSI on Windows PowerShell, UTF-8 without BOM on 7). */
export async function addContent(ctx: CommandContext): Promise<unknown[]> {
  const values =
    ctx.params.value !== undefined
      ? ((ctx.params.value as unknown[] | null) ?? [])
      : (ctx.input ?? []).flatMap((v) => (isArrayLike(v) ? elements(v) : [v]));
  const encoding = fileEncoding(ctx) ?? ctx.dialect.setContentDefault;
  const lines = values.map((v) => toStr(v));
  const text = ctx.params.noNewline === true ? lines.join('') : lines.map((l) => `${l}\r\n`).join('');
  for (const written of (ctx.params.path as unknown[] | undefined) ?? []) {
    writeTextFile(ctx, targetPath(ctx, written), text, encoding, true);
  }
  return Promise.resolve(ctx.params.passThru === true ? values : []);
}
