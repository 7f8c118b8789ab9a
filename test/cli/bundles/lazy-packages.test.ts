// scripts/lazy-packages.js: a bundled import of a lazy package loads the package on first property read, not at start.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..', '..', '..');

// Bundles `entry` from `dir` with esbuild (the plugin for `lazy` packages, or none), runs the CommonJS result and
// prints what its report() returns.
const SCRIPT = `
import { join } from 'node:path';
import { build } from 'esbuild';
import { lazyPackages } from ${JSON.stringify(pathToFileURL(join(root, 'scripts', 'lazy-packages.js')).href)};
const [dir, entry, lazy, loader] = JSON.parse(process.argv[1]);
const plugins = lazy.length > 0 ? [lazyPackages(dir, lazy, loader ? { loader } : {})] : [];
const out = await build({ stdin: { contents: entry, resolveDir: dir, loader: 'ts' }, bundle: true,
  platform: 'node', format: 'cjs', write: false, logLevel: 'silent', nodePaths: [join(dir, 'node_modules')], plugins });
globalThis.countedLoads = 0; // the build itself loads the package to list its exports
const module = { exports: {} };
new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, () => ({}));
const packageInBundle = out.outputFiles[0].text.includes('.answer = 42');
console.log(JSON.stringify({ ...module.exports.report(), packageInBundle }));
`;

// A package that counts its loads (CommonJS with __esModule, as tslib output is) and node-forge (a default export).
const ENTRY = `
import { answer, default as whole } from 'counted-package';
import forge from 'node-forge';
const loadsAtStart = (globalThis as any).countedLoads ?? 0;
export function report() {
  const values = [answer, whole, answer];
  return { loadsAtStart, loadsAfterUse: (globalThis as any).countedLoads, values, md: typeof forge.md.sha1.create };
}
`;

function bundleAndRun(dir: string, lazy: readonly string[], loader?: string): Record<string, unknown> {
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', SCRIPT, JSON.stringify([dir, ENTRY, lazy, loader])],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('lazyPackages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exchcert-lazy-'));
  beforeAll(() => {
    const pkg = join(dir, 'node_modules', 'counted-package');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"name":"lazy-test","type":"module"}');
    writeFileSync(join(pkg, 'package.json'), '{"name":"counted-package","main":"index.js"}');
    writeFileSync(
      join(pkg, 'index.js'),
      [
        '"use strict";',
        'globalThis.countedLoads = (globalThis.countedLoads ?? 0) + 1;',
        'Object.defineProperty(exports, "__esModule", { value: true });',
        'exports.answer = 42;',
        'exports.default = "whole";',
      ].join('\n'),
    );
    symlinkSync(join(root, 'node_modules', 'node-forge'), join(dir, 'node_modules', 'node-forge'));
    // A loader as src/cli/bundles/lazy-package.ts, handing out stand-ins and counting what it was asked for.
    writeFileSync(
      join(dir, 'loader.js'),
      [
        'const stand = { "counted-package": { answer: 7, default: "loaded" }, "node-forge": { md: { sha1: { create() {} } } } };',
        'export function lazyPackage(name) {',
        '  globalThis.countedLoads = (globalThis.countedLoads ?? 0) + 1;',
        '  return stand[name];',
        '}',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a package once, when a property is first read, with the same named and default exports', () => {
    expect(bundleAndRun(dir, ['counted-package', 'node-forge'])).toEqual({
      loadsAtStart: 0,
      loadsAfterUse: 1,
      values: [42, 'whole', 42],
      md: 'function',
      packageInBundle: true,
    });
  });
  it("with a loader, the package stays out of the bundle and comes from the loader's lazyPackage on first read", () => {
    expect(bundleAndRun(dir, ['counted-package', 'node-forge'], join(dir, 'loader.js'))).toEqual({
      loadsAtStart: 0,
      loadsAfterUse: 1,
      values: [7, 'loaded', 7],
      md: 'function',
      packageInBundle: false,
    });
  });
  it('without it, the bundle loads the package at start', () => {
    expect(bundleAndRun(dir, [])).toMatchObject({ loadsAtStart: 1, values: [42, 'whole', 42] });
  });
});
