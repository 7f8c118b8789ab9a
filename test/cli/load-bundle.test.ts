// Bundles run through vm.Script with a code cache per Node version and flags: written once, then taken by V8.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  BUNDLE_HEAD,
  BUNDLE_TAIL,
  bundleText,
  codeCacheFile,
  readFileInto,
  runBundle,
} from '../../src/cli/load-bundle.js';

const dir = mkdtempSync(join(tmpdir(), 'exchcert-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = `${BUNDLE_HEAD}'use strict';
const { basename } = require('node:path');
function answer(n) { return n * 2; }
exports.main = (n) => answer(n);
exports.where = basename(__filename) + ' ' + basename(__dirname);
exports.line = () => new Error('here').stack.split('\\n')[1];
${BUNDLE_TAIL}
//# sourceMappingURL=x.cjs.map
`;

describe('runBundle', () => {
  it('runs a CommonJS bundle with require, __filename and __dirname, and reports its own line numbers', () => {
    const file = join(dir, 'plain-1.cjs');
    writeFileSync(file, SOURCE);
    const { exports } = runBundle<{ main: (n: number) => number; where: string; line: () => string }>(file);
    expect(exports.main(21)).toBe(42);
    expect(exports.where).toBe(`plain-1.cjs ${dir.split('/').pop()}`);
    expect(exports.line()).toContain('plain-1.cjs:6:');
  });

  it('refuses a file that is not a command bundle', () => {
    const file = join(dir, 'other-1.cjs');
    writeFileSync(file, 'module.exports = 1;\n');
    expect(() => runBundle(file)).toThrow('is not a command bundle');
  });

  it('writes the cache when there is none; the next run takes it', () => {
    const file = join(dir, 'cached-1.cjs');
    writeFileSync(file, SOURCE);
    const first = runBundle<{ main: (n: number) => number }>(file);
    expect(first.cacheAccepted).toBe(false);
    first.exports.main(1);
    first.saveCache();
    expect(existsSync(codeCacheFile(file))).toBe(true);
    expect(codeCacheFile(file)).toContain(process.version);
    const second = runBundle<{ main: (n: number) => number }>(file);
    expect(second.cacheAccepted).toBe(true);
    expect(second.exports.main(4)).toBe(8);
  });

  it('runs without the cache when V8 refuses it (another Node wrote it, or it is damaged)', () => {
    const file = join(dir, 'damaged-1.cjs');
    writeFileSync(file, SOURCE);
    writeFileSync(codeCacheFile(file), Buffer.from('not a code cache'));
    const loaded = runBundle<{ main: (n: number) => number }>(file);
    expect(loaded.cacheAccepted).toBe(false);
    expect(loaded.exports.main(5)).toBe(10);
  });

  it('reads a bundle with non-ASCII text as UTF-8 (ASCII ones as Latin-1, the same text)', () => {
    const file = join(dir, 'utf8-1.cjs');
    writeFileSync(file, SOURCE.replace('basename(__dirname);', "basename(__dirname) + ' é€';"));
    const { exports } = runBundle<{ where: string }>(file);
    expect(exports.where).toBe(`utf8-1.cjs ${dir.split('/').pop()} é€`);
    expect(bundleText(Buffer.from('é€', 'utf8'))).toBe('é€');
    expect(bundleText(Buffer.from(SOURCE, 'utf8'))).toBe(SOURCE);
  });
});

describe('readFileInto', () => {
  it('reads a file into the start of the buffer given when it fits, else into a new one', () => {
    const file = join(dir, 'bytes.bin');
    writeFileSync(file, Buffer.from('abcdef'));
    const room = Buffer.alloc(8, 'z');
    const fits = readFileInto(file, room);
    expect(fits.toString()).toBe('abcdef');
    expect(fits.buffer).toBe(room.buffer);
    expect(room.toString()).toBe('abcdefzz');
    const small = Buffer.alloc(4, 'z');
    const larger = readFileInto(file, small);
    expect(larger.toString()).toBe('abcdef');
    expect(larger.buffer).not.toBe(small.buffer);
    expect(small.toString()).toBe('zzzz');
  });
});
