// Join-Path and Split-Path on Windows paths (no file system access; -Resolve is refused).
import { elements, isArrayLike, toStr } from '../../runtime/ps-values.js';
import type { CommandContext } from '../command-context.js';

function list(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (isArrayLike(v) ? elements(v) : [v]).map((x) => toStr(x));
}

/** `a` and `b` joined with exactly one backslash between them. */
export function joinWindowsPath(a: string, b: string): string {
  if (b === '') return a;
  if (a === '') return b;
  return `${a.replace(/[\\/]+$/, '')}\\${b.replace(/^[\\/]+/, '')}`;
}

/** Join-Path. */
export async function joinPath(ctx: CommandContext): Promise<unknown[]> {
  if (ctx.params.resolve === true) ctx.unsupported('Join-Path -Resolve');
  const children = [toStr(ctx.params.childPath), ...list(ctx.params.additionalChildPath)];
  const parents = ctx.params.path !== undefined ? list(ctx.params.path) : list(ctx.input);
  return Promise.resolve(parents.map((p) => children.reduce(joinWindowsPath, p)));
}

/** The parts Split-Path returns for one path. */
function splitOne(ctx: CommandContext, path: string): string {
  const p = ctx.params;
  const drive = /^([A-Za-z]:|\\\\[^\\]+\\[^\\]+)/.exec(path)?.[0] ?? '';
  const trimmed = path.length > drive.length + 1 ? path.replace(/[\\/]+$/, '') : path;
  const cut = Math.max(trimmed.lastIndexOf('\\'), trimmed.lastIndexOf('/'));
  const leaf = cut < 0 ? trimmed.slice(drive.length) : trimmed.slice(cut + 1);
  if (p.qualifier === true) return drive;
  if (p.noQualifier === true) return path.slice(drive.length);
  if (p.leaf === true) return leaf;
  if (p.leafBase === true) return leaf.includes('.') ? leaf.slice(0, leaf.lastIndexOf('.')) : leaf;
  if (p.extension === true) return leaf.includes('.') ? leaf.slice(leaf.lastIndexOf('.')) : '';
  if (cut < 0) return '';
  const parent = trimmed.slice(0, cut);
  return parent === drive ? `${drive}\\` : parent;
}

/** Split-Path (-Parent is the default). */
export async function splitPath(ctx: CommandContext): Promise<unknown[]> {
  if (ctx.params.resolve === true) ctx.unsupported('Split-Path -Resolve');
  const paths = ctx.params.path !== undefined ? list(ctx.params.path) : list(ctx.input);
  return Promise.resolve(paths.map((p) => splitOne(ctx, p)));
}
