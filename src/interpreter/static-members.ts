// The static .NET members runbooks use: [System.Text.Encoding], [System.IO.File], [Convert], [string], [DateTime], [Environment].
import type { VirtualFs } from '../engine/org-state.js';
import { VirtualFsError } from '../engine/store/virtual-fs-error.js';
import { EncodingValue } from './encoding-value.js';
import { windowsFileError } from './file-errors.js';
import type { InterpreterDialect, TextEncodingName } from '../runtime/interpreter-dialect.js';
import { formatOperator } from '../runtime/ps-format.js';
import { normalizeTypeName, toByteArray } from '../runtime/ps-types.js';
import type { ConversionContext } from '../runtime/ps-types.js';
import { RuntimeFailure, methodFailure } from '../runtime/runtime-failure.js';
import { decodeFile, encodeFile, splitLines } from './text-codec.js';
import { isConstructible } from './construct-object.js';
import { EXTRA_METHODS, EXTRA_PROPERTIES, extraStaticMethod, extraStaticProperty } from './math-members.js';
import { elements, isArrayLike, toStr } from '../runtime/ps-values.js';

/** What static members need. */
export interface StaticContext extends ConversionContext {
  readonly fs: VirtualFs;
  readonly dialect: InterpreterDialect;
  now(): Date;
}

/** Normalized type name → canonical key of the tables below. */
const TYPE_KEYS: Readonly<Record<string, string>> = {
  'text.encoding': 'encoding',
  encoding: 'encoding',
  'io.file': 'file',
  convert: 'convert',
  string: 'string',
  datetime: 'datetime',
  environment: 'environment',
  math: 'math',
  timespan: 'timespan',
  'collections.arraylist': 'new',
  'text.stringbuilder': 'new',
};

/** `[System.Collections.Generic.List[string]]` and other types known only for `::new()`. */
function newOnlyKey(typeName: string): string | undefined {
  return isConstructible(typeName) ? 'new' : undefined;
}

const PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  encoding: ['unicode', 'utf8', 'ascii', 'default', 'bigendianunicode', 'utf32'],
  string: ['empty'],
  datetime: ['now', 'utcnow', 'today'],
  environment: ['newline'],
};

const METHODS: Readonly<Record<string, readonly string[]>> = {
  encoding: ['getencoding'],
  file: ['readallbytes', 'writeallbytes', 'readalltext', 'writealltext', 'readalllines', 'exists'],
  convert: ['tobase64string', 'frombase64string'],
  string: ['isnullorempty', 'isnullorwhitespace', 'join', 'format', 'concat'],
};

function typeKey(typeName: string): string | undefined {
  return TYPE_KEYS[normalizeTypeName(typeName)] ?? newOnlyKey(typeName);
}

/** True when `[type]::member` (a property, or a method when `method`) is implemented. */
export function isSupportedStatic(typeName: string, member: string, method: boolean): boolean {
  const key = typeKey(typeName);
  if (!key) return false;
  const m = member.toLowerCase();
  if (method && m === 'new') return isConstructible(typeName);
  const extra = (method ? EXTRA_METHODS : EXTRA_PROPERTIES)[key] ?? [];
  return ((method ? METHODS : PROPERTIES)[key] ?? []).includes(m) || extra.includes(m);
}

/** True when the type has static members here (so `[type]` alone is known). */
export function isStaticType(typeName: string): boolean {
  return typeKey(typeName) !== undefined;
}

const ENCODINGS: Readonly<Record<string, TextEncodingName>> = {
  unicode: 'unicode',
  utf8: 'utf8BOM',
  ascii: 'ascii',
  bigendianunicode: 'bigendianunicode',
  utf32: 'utf32',
};

/** `[type]::Property`. */
export function staticProperty(typeName: string, member: string, ctx: StaticContext): unknown {
  const key = typeKey(typeName);
  const m = member.toLowerCase();
  if (key !== undefined && (EXTRA_PROPERTIES[key] ?? []).includes(m)) return extraStaticProperty(key, m);
  switch (key) {
    case 'encoding':
      return new EncodingValue(m === 'default' ? ctx.dialect.defaultEncoding : ENCODINGS[m]!);
    case 'string':
      return '';
    case 'datetime': {
      const now = ctx.now();
      if (m === 'today') return new Date(now.getFullYear(), now.getMonth(), now.getDate());
      return now;
    }
    case 'environment':
      return '\r\n';
    default:
      throw new Error(`static ${typeName}::${member}`);
  }
}

/** .NET's path check: only absolute drive paths and UNC paths mean the same thing to .NET and PowerShell. */
function dotnetPath(method: string, argCount: number, path: unknown): string {
  const p = toStr(path);
  if (/^[A-Za-z]:[\\/]/.test(p) || /^\\\\[^\\]+\\[^\\]+/.test(p)) return p;
  if (p === '')
    throw methodFailure(
      method,
      argCount,
      "The value cannot be an empty string. (Parameter 'path')",
      'System.ArgumentException',
    );
  throw methodFailure(
    method,
    argCount,
    `The runbook interpreter refuses the relative path '${p}': .NET resolves relative paths against the process working directory, not PowerShell's current location, so this would read or write a different file. Use an absolute (C:\\...) or UNC (\\\\server\\share\\...) path.`,
    'System.ArgumentException',
  );
}

function readFile(method: string, argCount: number, path: string, ctx: StaticContext): Uint8Array {
  try {
    if (!ctx.fs.exists(path)) throw new VirtualFsError('ITEM_NOT_FOUND', path, `Could not find file '${path}'.`);
    return ctx.fs.readFile(path);
  } catch (e) {
    throw dotnetFileFailure(method, argCount, path, e);
  }
}

function writeFile(method: string, argCount: number, path: string, data: Uint8Array, ctx: StaticContext): void {
  try {
    ctx.fs.writeFile(path, data);
  } catch (e) {
    throw dotnetFileFailure(method, argCount, path, e);
  }
}

/** A virtual file system refusal as the exception .NET's File method raises for that Windows path. */
function dotnetFileFailure(method: string, argCount: number, path: string, e: unknown): unknown {
  const f = windowsFileError(e, path, true);
  return f === null ? e : methodFailure(method, argCount, f.message, f.exceptionType);
}

function bytesArg(method: string, argCount: number, v: unknown, ctx: StaticContext): Uint8Array {
  try {
    const b = toByteArray(v, ctx);
    if (b === null)
      throw methodFailure(
        method,
        argCount,
        "Value cannot be null. (Parameter 'bytes')",
        'System.ArgumentNullException',
      );
    return b;
  } catch (e) {
    if (e instanceof RuntimeFailure && e.exceptionType === 'System.Management.Automation.MethodInvocationException')
      throw e;
    throw new RuntimeFailure(
      `Cannot convert argument "bytes", with value: "${toStr(v)}", for "${method}" to type "System.Byte[]": "${e instanceof Error ? e.message : String(e)}"`,
      {
        errorId: 'MethodArgumentConversionInvalidCastArgument',
        category: 'NotSpecified',
        exceptionType: 'System.Management.Automation.MethodException',
      },
    );
  }
}

function getEncoding(name: unknown): EncodingValue {
  const n = toStr(name).toLowerCase();
  const byName: Readonly<Record<string, TextEncodingName>> = {
    'utf-8': 'utf8BOM',
    utf8: 'utf8BOM',
    '65001': 'utf8BOM',
    'utf-16': 'unicode',
    unicode: 'unicode',
    '1200': 'unicode',
    'utf-16be': 'bigendianunicode',
    '1201': 'bigendianunicode',
    'us-ascii': 'ascii',
    ascii: 'ascii',
    '20127': 'ascii',
    'utf-32': 'utf32',
    '12000': 'utf32',
    'windows-1252': 'ansi',
    '1252': 'ansi',
    'iso-8859-1': 'ansi',
    '28591': 'ansi',
    latin1: 'ansi',
  };
  const enc = byName[n];
  if (!enc)
    throw methodFailure(
      'GetEncoding',
      1,
      `'${toStr(name)}' is not a supported encoding name.`,
      'System.ArgumentException',
    );
  return new EncodingValue(enc);
}

/** [System.IO.File]::Exists: false for a relative path or any path it cannot use. */
function fileExists(p: string, ctx: StaticContext): boolean {
  if (!/^[A-Za-z]:[\\/]/.test(p) && !/^\\\\/.test(p)) return false;
  try {
    return ctx.fs.exists(p);
  } catch (e) {
    if (e instanceof VirtualFsError) return false; // File.Exists is false for any path it cannot use
    throw e;
  }
}

/** [Convert]::FromBase64String, refusing what .NET refuses. */
function fromBase64(name: string, n: number, text: string): Uint8Array {
  const s = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) {
    throw methodFailure(
      name,
      n,
      'The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.',
      'System.FormatException',
    );
  }
  return new Uint8Array(Buffer.from(s, 'base64'));
}

/** `[type]::Method(args)`. */
export function staticMethod(typeName: string, member: string, args: readonly unknown[], ctx: StaticContext): unknown {
  const key = typeKey(typeName);
  const m = member.toLowerCase();
  const n = args.length;
  const name = member;
  if (key !== undefined && (m === 'new' || (EXTRA_METHODS[key] ?? []).includes(m)))
    return extraStaticMethod(key, typeName, m, args, ctx);
  switch (`${key}.${m}`) {
    case 'encoding.getencoding':
      return getEncoding(args[0]);
    case 'file.readallbytes':
      return readFile(name, n, dotnetPath(name, n, args[0]), ctx);
    case 'file.writeallbytes':
      writeFile(name, n, dotnetPath(name, n, args[0]), bytesArg(name, n, args[1], ctx), ctx);
      return undefined;
    case 'file.readalltext':
      return decodeFile(readFile(name, n, dotnetPath(name, n, args[0]), ctx), 'utf8');
    case 'file.readalllines':
      return splitLines(decodeFile(readFile(name, n, dotnetPath(name, n, args[0]), ctx), 'utf8'));
    case 'file.writealltext': {
      const enc = args[2] instanceof EncodingValue ? args[2].encoding : 'utf8NoBOM';
      writeFile(name, n, dotnetPath(name, n, args[0]), encodeFile(toStr(args[1]), enc), ctx);
      return undefined;
    }
    case 'file.exists':
      return fileExists(toStr(args[0]), ctx);
    case 'convert.tobase64string':
      return Buffer.from(bytesArg(name, n, args[0], ctx)).toString('base64');
    case 'convert.frombase64string':
      return fromBase64(name, n, toStr(args[0]));
    case 'string.isnullorempty':
      return args[0] === null || args[0] === undefined || toStr(args[0]) === '';
    case 'string.isnullorwhitespace':
      return args[0] === null || args[0] === undefined || toStr(args[0]).trim() === '';
    case 'string.join': {
      const rest = args.slice(1);
      const items = rest.length === 1 && isArrayLike(rest[0]) ? elements(rest[0]) : rest;
      return items.map((x) => toStr(x)).join(toStr(args[0]));
    }
    case 'string.format':
      return formatOperator(toStr(args[0]), args.length === 2 && isArrayLike(args[1]) ? args[1] : args.slice(1));
    case 'string.concat':
      return args.map((x) => toStr(x)).join('');
    default:
      throw new Error(`static ${typeName}::${member}`);
  }
}
