// Issue 12: the better-sqlite3 addon is found by looking at the node_modules folders above, as Node finds the package.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sqliteAddonFrom } from '../../../src/engine/store/sqlite-native-binding.js';

const base = mkdtempSync(join(tmpdir(), 'exchcert-addon-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A better-sqlite3 package folder under `root`/node_modules, with its built addon or without. */
function fakePackage(root: string, built: boolean): string {
  const pkg = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"better-sqlite3"}');
  if (built) writeFileSync(join(pkg, 'build', 'Release', 'better_sqlite3.node'), '');
  return join(pkg, 'build', 'Release', 'better_sqlite3.node');
}

describe('sqliteAddonFrom', () => {
  it("finds this repository's addon where require.resolve finds the package", () => {
    const here = import.meta.dirname;
    const manifest = createRequire(join(here, 'x.js')).resolve('better-sqlite3/package.json');
    expect(sqliteAddonFrom(here)).toBe(join(dirname(manifest), 'build', 'Release', 'better_sqlite3.node'));
  });

  it('takes the nearest package, and none when that package has no built addon (as Node resolves the name)', () => {
    const outer = join(base, 'outer');
    const addon = fakePackage(outer, true);
    const app = join(outer, 'app', 'dist', 'cli-bundle');
    mkdirSync(app, { recursive: true });
    expect(sqliteAddonFrom(app)).toBe(addon);
    fakePackage(join(outer, 'app'), false);
    expect(sqliteAddonFrom(app)).toBeNull();
  });

  it('skips node_modules/node_modules, as Node does', () => {
    const root = join(base, 'nested');
    const addon = fakePackage(root, true);
    const inside = join(root, 'node_modules', 'exchcert', 'dist');
    const skipped = join(root, 'node_modules', 'node_modules', 'better-sqlite3');
    mkdirSync(skipped, { recursive: true });
    writeFileSync(join(skipped, 'package.json'), '{"name":"better-sqlite3"}'); // no addon: taking it would give null
    mkdirSync(inside, { recursive: true });
    expect(sqliteAddonFrom(inside)).toBe(addon);
  });
});
