// Test-Path on the VirtualFs (a path is a file when it can be read, a folder otherwise).
import type { CommandContext } from '../command-context.js';
import { toStr } from '../../runtime/ps-values.js';
import { hasWildcard } from './file-encoding.js';

/** Test-Path. */
export async function testPath(ctx: CommandContext): Promise<unknown[]> {
  for (const n of ['filter', 'include', 'exclude', 'credential'])
    if (ctx.params[n] !== undefined) ctx.unsupported(`Test-Path -${n.charAt(0).toUpperCase()}${n.slice(1)}`);
  const literal = ctx.params.literalPath !== undefined;
  const paths = ((ctx.params.literalPath ?? ctx.params.path ?? ctx.input ?? []) as unknown[]).map((p) => toStr(p));
  const type = ctx.params.pathType === undefined ? 'any' : toStr(ctx.params.pathType).toLowerCase();
  return paths.map((written) => {
    if (!literal && hasWildcard(written)) ctx.unsupported(`wildcards in Test-Path -Path ('${written}')`);
    if (ctx.params.isValid === true) return !/[<>"|\u0000-\u001f]/.test(written);
    let path: string;
    try {
      path = ctx.resolvePath(written);
    } catch {
      return false;
    }
    let exists: boolean;
    try {
      exists = ctx.env.fs.exists(path);
    } catch {
      return false;
    }
    if (!exists || type === 'any') return exists;
    let isFile = true;
    try {
      ctx.env.fs.readFile(path);
    } catch {
      isFile = false;
    }
    return type === 'leaf' ? isFile : !isFile;
  });
}
