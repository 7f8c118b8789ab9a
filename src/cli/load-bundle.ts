// Loads a CommonJS command bundle through vm.Script with V8's code cache, so a start compiles (almost) nothing.
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Set to `refresh` to rewrite the code cache at exit even when it was accepted (the build trains it that way). */
export const CODE_CACHE_ENV = 'EXCHCERT_CODE_CACHE';

/**
 * The function a bundle's text is (scripts/bundle-cli.js writes it as the bundle's first line and closes it at the
 * end), so that the file compiles as it is: no copy of the text with a wrapper around it.
 */
export const BUNDLE_HEAD = '(function (exports, require, module, __filename, __dirname) {';

/** The end of a bundle's text after its last statement. */
export const BUNDLE_TAIL = '\n})';

/** FNV-1a, enough to tell flag sets apart in a file name. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * The cache file of `bundle` for this Node (V8 rejects data made by another version or with other V8 flags; the
 * bundle's own name carries its content hash, so a rebuilt bundle never meets an old cache).
 * @example codeCacheFile('/x/run-AB12.cjs') // '/x/run-AB12.cjs.v20.20.2-x64-1k3j.cache'
 */
export function codeCacheFile(bundle: string): string {
  const flags = shortHash(`${process.execArgv.join(' ')}|${process.env.NODE_OPTIONS ?? ''}`);
  return `${bundle}.${process.version}-${process.arch}-${flags}.cache`;
}

/** Writes the code V8 compiled so far (at exit: everything the command ran); a read-only install just goes without. */
function writeCodeCache(script: Script, file: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
  }
}

/** A bundle that ran: its exports, whether V8 took the cache, and how to write the cache now. */
export interface LoadedBundle<T> {
  readonly exports: T;
  readonly cacheAccepted: boolean;
  /** Writes what V8 has compiled of the bundle so far to its cache file (atomically; errors ignored). */
  saveCache(): void;
}

/**
 * A bundle's text: esbuild writes ASCII (its default charset), which decodes as Latin-1 without UTF-8's validation
 * (a third of a 1 MB bundle's read); any other byte and it is read as UTF-8.
 * @example bundleText(Buffer.from('é')) // 'é'
 */
export function bundleText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * Reads `file` into the start of `into` (a new buffer when it does not fit) and returns the bytes read.
 * @example const bytes = readFileInto(file, Buffer.allocUnsafeSlow(1 << 20));
 */
export function readFileInto(file: string, into: Buffer): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const target = size > into.length ? Buffer.allocUnsafeSlow(size) : into;
    let read = 0;
    while (read < size) {
      const n = readSync(fd, target, read, size - read, null);
      if (n === 0) break;
      read += n;
    }
    return target.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs a CommonJS bundle file through vm.Script with its code cache, when there is one V8 accepts.
 * @example const { exports, cacheAccepted } = runBundle<{ main: BundleMain }>(file);
 */
export function runBundle<T>(file: string): LoadedBundle<T> {
  const cacheFile = codeCacheFile(file);
  const cacheSize = statSync(cacheFile, { throwIfNoEntry: false })?.size ?? 0;
  // One buffer for the bundle and then its cache: a large buffer is fresh memory, each page of it a page fault.
  const room = Buffer.allocUnsafeSlow(Math.max(statSync(file).size, cacheSize));
  const source = bundleText(readFileInto(file, room));
  let cachedData: Buffer | undefined;
  try {
    cachedData = cacheSize > 0 ? readFileInto(cacheFile, room) : undefined;
  } catch {
    cachedData = undefined;
  }
  if (!source.startsWith(BUNDLE_HEAD)) {
    throw new Error(`${file} is not a command bundle (it must start with ${BUNDLE_HEAD}).`);
  }
  const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    cacheAccepted: cachedData !== undefined && script.cachedDataRejected !== true,
    saveCache: () => writeCodeCache(script, cacheFile),
  };
}

/**
 * Runs a CommonJS bundle file and returns its exports. The first run (or one whose cache V8 rejects) writes the cache
 * at exit, when everything the command ran has been compiled.
 * @example const { main } = loadBundle<{ main: BundleMain }>(join(dir, 'run-AB12.cjs'));
 */
export function loadBundle<T>(file: string): T {
  const loaded = runBundle<T>(file);
  if (!loaded.cacheAccepted || process.env[CODE_CACHE_ENV] === 'refresh') {
    process.once('exit', () => loaded.saveCache());
  }
  return loaded.exports;
}
