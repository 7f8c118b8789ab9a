// Where the compiled better-sqlite3 addon is, so that opening a state skips better-sqlite3's `bindings` path search.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let found: string | null | undefined;

/**
 * The Database option naming the addon npm built (`build/Release/better_sqlite3.node`); empty (better-sqlite3's own
 * search) when it is elsewhere.
 * @example new Database(file, { ...sqliteNativeBinding(), timeout: 10_000 })
 */
export function sqliteNativeBinding(): { readonly nativeBinding?: string } {
  if (found === undefined) {
    try {
      const manifest = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
      const addon = join(dirname(manifest), 'build', 'Release', 'better_sqlite3.node');
      found = existsSync(addon) ? addon : null;
    } catch {
      found = null;
    }
  }
  return found ? { nativeBinding: found } : {};
}
