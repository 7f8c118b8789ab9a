// Where the compiled better-sqlite3 addon is, so that opening a state skips better-sqlite3's `bindings` path search.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The addon npm builds inside the package folder. */
const ADDON = join('build', 'Release', 'better_sqlite3.node');

/**
 * The addon of the better-sqlite3 package `require` finds from `dir` (null: that package has no built addon, or there
 * is none). The node_modules folders above `dir` are looked at first, nearest first, as Node does for a package name
 * (without require.resolve's package.json reading and link resolving, 2-3 ms of a start); anything else Node would
 * find (NODE_PATH, global folders) through require.resolve.
 * @example sqliteAddonFrom('/app/dist/cli-bundle') // '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'
 */
export function sqliteAddonFrom(dir: string): string | null {
  for (let at = dir; ; at = dirname(at)) {
    if (basename(at) !== 'node_modules') {
      const pkg = join(at, 'node_modules', 'better-sqlite3');
      if (existsSync(join(pkg, 'package.json'))) return existsSync(join(pkg, ADDON)) ? join(pkg, ADDON) : null;
    }
    if (dirname(at) === at) break;
  }
  try {
    const manifest = createRequire(join(dir, 'noop.js')).resolve('better-sqlite3/package.json');
    const addon = join(dirname(manifest), ADDON);
    return existsSync(addon) ? addon : null;
  } catch {
    return null;
  }
}

let found: string | null | undefined;

/**
 * The Database option naming the addon npm built (`build/Release/better_sqlite3.node`); empty (better-sqlite3's own
 * search) when it is elsewhere.
 * @example new Database(file, { ...sqliteNativeBinding(), timeout: 10_000 })
 */
export function sqliteNativeBinding(): { readonly nativeBinding?: string } {
  if (found === undefined) found = sqliteAddonFrom(dirname(fileURLToPath(import.meta.url)));
  return found ? { nativeBinding: found } : {};
}
