// New-Item, Remove-Item and Get-ChildItem on the simulated file system (FileInfo/DirectoryInfo-like objects).
import type { VirtualFsEntry } from '../../engine/org-state.js';
import { wildcardRegex } from '../../runtime/ps-operators.js';
import { elements, isArrayLike, isPlainObject, normalize, toStr } from '../../runtime/ps-values.js';
import type { CommandContext } from '../command-context.js';
import { encodeFile } from '../text-codec.js';
import { joinWindowsPath } from './path-commands.js';

/** A file or folder as Get-ChildItem returns it. */
export function itemObject(folder: string, e: VirtualFsEntry): Record<string, unknown> {
  const dot = e.name.lastIndexOf('.');
  return {
    PSTypeName: e.isDirectory ? 'System.IO.DirectoryInfo' : 'System.IO.FileInfo',
    Name: e.name,
    FullName: joinWindowsPath(folder, e.name),
    ...(e.isDirectory ? {} : { Length: e.length, DirectoryName: folder }),
    Extension: dot > 0 ? e.name.slice(dot) : '',
    BaseName: e.isDirectory || dot <= 0 ? e.name : e.name.slice(0, dot),
    LastWriteTime: e.lastWriteTime,
    PSIsContainer: e.isDirectory,
  };
}

function fsMethod<K extends 'listFolder' | 'remove' | 'makeDirectory'>(
  ctx: CommandContext,
  name: K,
): NonNullable<CommandContext['env']['fs'][K]> {
  const fn = ctx.env.fs[name];
  if (!fn) ctx.unsupported(`${ctx.spec.name} on this file system`);
  return fn.bind(ctx.env.fs) as NonNullable<CommandContext['env']['fs'][K]>;
}

function pathsOf(ctx: CommandContext, fallback: string[]): string[] {
  const raw = ctx.params.literalPath ?? ctx.params.path;
  if (raw !== undefined) return (isArrayLike(raw) ? elements(raw) : [raw]).map((x) => toStr(x));
  if (ctx.input && ctx.input.length > 0)
    return ctx.input.map((i) => {
      const v = normalize(i);
      return isPlainObject(v) && typeof v.FullName === 'string' ? v.FullName : toStr(v);
    });
  return fallback;
}

function notFound(ctx: CommandContext, path: string): void {
  ctx.writeError({
    message: `Cannot find path '${path}' because it does not exist.`,
    category: 'ObjectNotFound',
    errorId: 'PathNotFound',
    targetObject: path,
    exceptionType: 'System.Management.Automation.ItemNotFoundException',
    fullyQualifiedErrorId: `PathNotFound,Microsoft.PowerShell.Commands.${ctx.spec.name.replace('-', '')}Command`,
  });
}

/** A path with a wildcard in its last part: the folder and the pattern. */
function splitWildcard(path: string): { folder: string; pattern: string | null } {
  const cut = path.lastIndexOf('\\');
  const leaf = path.slice(cut + 1);
  if (!/[*?[]/.test(leaf)) return { folder: path, pattern: null };
  if (/[*?[]/.test(path.slice(0, cut))) return { folder: path, pattern: null };
  return { folder: path.slice(0, cut), pattern: leaf };
}

async function walk(
  ctx: CommandContext,
  folder: string,
  match: (name: string) => boolean,
  recurse: boolean,
  out: Record<string, unknown>[],
): Promise<void> {
  const list = fsMethod(ctx, 'listFolder');
  for (const e of list(folder)) {
    const item = itemObject(folder, e);
    const kindOk = ctx.params.file === true ? !e.isDirectory : ctx.params.directory === true ? e.isDirectory : true;
    if (kindOk && match(e.name)) out.push(item);
    if (recurse && e.isDirectory) await walk(ctx, joinWindowsPath(folder, e.name), match, recurse, out);
  }
}

/** Get-ChildItem (-Path, -Filter, -Recurse, -File, -Directory). */
export async function getChildItem(ctx: CommandContext): Promise<unknown[]> {
  for (const n of ['include', 'exclude']) if (ctx.params[n] !== undefined) ctx.unsupported(`Get-ChildItem -${n}`);
  const out: Record<string, unknown>[] = [];
  for (const written of pathsOf(ctx, ['.'])) {
    const { folder, pattern } = splitWildcard(ctx.resolvePath(written));
    const filters = [pattern, ctx.params.filter === undefined ? null : toStr(ctx.params.filter)].filter(
      (f) => f !== null,
    );
    const res = filters.map((f) => wildcardRegex(f, false));
    if (!ctx.env.fs.exists(folder)) {
      notFound(ctx, folder);
      continue;
    }
    let isFile = true;
    try {
      ctx.env.fs.readFile(folder);
    } catch {
      isFile = false;
    }
    if (isFile) {
      const cut = folder.lastIndexOf('\\');
      const data = ctx.env.fs.readFile(folder);
      out.push(
        itemObject(folder.slice(0, cut), {
          name: folder.slice(cut + 1),
          isDirectory: false,
          length: data.length,
          lastWriteTime: new Date(0),
        }),
      );
      continue;
    }
    await walk(ctx, folder, (name) => res.every((re) => re.test(name)), ctx.params.recurse === true, out);
  }
  return out;
}

/** Remove-Item (files, folders with -Recurse, a wildcard in the last part of the path). */
export async function removeItem(ctx: CommandContext): Promise<unknown[]> {
  for (const n of ['filter', 'include', 'exclude', 'confirm'])
    if (ctx.params[n] !== undefined) ctx.unsupported(`Remove-Item -${n}`);
  const remove = fsMethod(ctx, 'remove');
  const list = fsMethod(ctx, 'listFolder');
  const removeTree = (path: string): void => {
    for (const e of list(path)) {
      const child = joinWindowsPath(path, e.name);
      if (e.isDirectory) removeTree(child);
      else remove(child);
    }
    remove(path);
  };
  for (const written of pathsOf(ctx, [])) {
    const path = ctx.resolvePath(written);
    const { folder, pattern } =
      ctx.params.literalPath === undefined ? splitWildcard(path) : { folder: path, pattern: null };
    const targets =
      pattern === null
        ? [path]
        : list(folder)
            .filter((e) => wildcardRegex(pattern, false).test(e.name))
            .map((e) => joinWindowsPath(folder, e.name));
    if (pattern === null && !ctx.env.fs.exists(path)) notFound(ctx, path);
    for (const t of pattern === null && !ctx.env.fs.exists(path) ? [] : targets) {
      if (ctx.params.whatIf === true) {
        ctx.hostWrite(`What if: Performing the operation "Remove File" on target "${t}".\n`);
        continue;
      }
      let isFolder = false;
      try {
        ctx.env.fs.readFile(t);
      } catch {
        isFolder = true;
      }
      if (isFolder && list(t).length > 0 && ctx.params.recurse !== true)
        ctx.unsupported(
          `Remove-Item on a folder that is not empty without -Recurse (PowerShell asks to confirm) ('${t}')`,
        );
      if (isFolder) removeTree(t);
      else remove(t);
    }
  }
  return [];
}

/** New-Item: -ItemType File (default, with -Value) or Directory; -Force overwrites a file or accepts an existing folder. */
export async function newItem(ctx: CommandContext): Promise<unknown[]> {
  const type = ctx.params.itemType === undefined ? 'file' : toStr(ctx.params.itemType).toLowerCase();
  if (type !== 'file' && type !== 'directory') ctx.unsupported(`New-Item -ItemType ${toStr(ctx.params.itemType)}`);
  const out: unknown[] = [];
  for (const written of pathsOf(ctx, ['.'])) {
    const base = ctx.resolvePath(written);
    const path = ctx.params.name === undefined ? base : joinWindowsPath(base, toStr(ctx.params.name));
    const cut = path.lastIndexOf('\\');
    const folder = path.slice(0, cut);
    const name = path.slice(cut + 1);
    const exists = ctx.env.fs.exists(path);
    if (type === 'directory') {
      if (exists && ctx.params.force !== true) {
        ctx.writeError({
          message: `An item with the specified name ${path} already exists.`,
          category: 'ResourceExists',
          errorId: 'DirectoryExist',
          targetObject: path,
          exceptionType: 'System.IO.IOException',
          fullyQualifiedErrorId: 'DirectoryExist,Microsoft.PowerShell.Commands.NewItemCommand',
        });
        continue;
      }
      if (!exists) fsMethod(ctx, 'makeDirectory')(path);
      out.push(
        itemObject(folder, {
          name,
          isDirectory: true,
          length: 0,
          lastWriteTime: ctx.env.now ? ctx.env.now() : new Date(),
        }),
      );
      continue;
    }
    if (exists && ctx.params.force !== true) {
      ctx.writeError({
        message: `The file '${path}' already exists.`,
        category: 'WriteError',
        errorId: 'NewItemIOError',
        targetObject: path,
        exceptionType: 'System.IO.IOException',
        fullyQualifiedErrorId: 'NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand',
      });
      continue;
    }
    const data = encodeFile(
      ctx.params.value === undefined ? '' : toStr(ctx.params.value),
      ctx.dialect.shell === '7' ? 'utf8NoBOM' : 'ansi',
    );
    ctx.env.fs.writeFile(path, data);
    out.push(
      itemObject(folder, {
        name,
        isDirectory: false,
        length: data.length,
        lastWriteTime: ctx.env.now ? ctx.env.now() : new Date(),
      }),
    );
  }
  return out;
}
