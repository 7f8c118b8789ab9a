// The System.String methods runbooks call on a string.
import { RuntimeFailure, methodFailure } from '../runtime/runtime-failure.js';
import { elements, isArrayLike, toStr } from '../runtime/ps-values.js';
import { intArg } from './int-arg.js';
import type { MemberContext } from './ps-members.js';
import { UnsupportedMethod, methodNotFound } from './unsupported-method.js';

/** .NET String methods the interpreter does not implement (calling one stops the run rather than pretending). */
const OTHER_STRING_METHODS = new Set([
  'normalize',
  'isnormalized',
  'gethashcode',
  'gettypecode',
  'clone',
  'copyto',
  'getenumerator',
  'indexofany',
  'lastindexofany',
  'tolowerinvariant',
  'touppervariant',
  'equals',
  'compareto',
  'getpinnablereference',
  'enumeraterunes',
  'replacelineendings',
]);

function outOfRange(method: string, n: number, parameter: string): RuntimeFailure {
  return methodFailure(
    method,
    n,
    `Index and length must refer to a location within the string. (Parameter '${parameter}')`,
    'System.ArgumentOutOfRangeException',
  );
}

function trimSet(args: readonly unknown[]): Set<string> {
  return new Set(args.flatMap((a) => (isArrayLike(a) ? elements(a).map((x) => toStr(x)) : [...toStr(a)])));
}

/** Trim, TrimStart, TrimEnd: whitespace, or the characters given. */
function trim(x: string, args: readonly unknown[], start: boolean, end: boolean): string {
  if (args.length === 0) return (start ? x.replace(/^\s+/, '') : x).replace(end ? /\s+$/ : /$^/, '');
  const set = trimSet(args);
  let a = 0;
  let b = x.length;
  if (start) while (a < b && set.has(x[a]!)) a++;
  if (end) while (b > a && set.has(x[b - 1]!)) b--;
  return x.slice(a, b);
}

function substring(s: string, name: string, args: readonly unknown[], ctx: MemberContext): string {
  const n = args.length;
  const start = intArg(args[0], ctx);
  if (start < 0 || start > s.length) throw outOfRange(name, n, 'startIndex');
  if (n < 2) return s.slice(start);
  const len = intArg(args[1], ctx);
  if (len < 0 || start + len > s.length) throw outOfRange(name, n, 'length');
  return s.substr(start, len);
}

/** Split(): by whitespace, by a string (7), or by each character given. */
function split(s: string, args: readonly unknown[], ctx: MemberContext): string[] {
  const n = args.length;
  if (n === 0) return s.split(/\s/);
  if (ctx.dialect.splitByString && n === 1 && typeof args[0] === 'string') return s.split(args[0]);
  const seps = new Set(
    args.flatMap((a) =>
      isArrayLike(a) ? elements(a).flatMap((x) => [...toStr(x)]) : typeof a === 'number' ? [] : [...toStr(a)],
    ),
  );
  const out: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (seps.has(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Methods that edit the string at an index: Insert, Remove, PadLeft, PadRight; undefined for others. */
function editAt(s: string, lower: string, args: readonly unknown[], ctx: MemberContext): string | undefined {
  const str = (i: number) => toStr(args[i]);
  const n = args.length;
  switch (lower) {
    case 'padleft':
      return s.padStart(intArg(args[0], ctx), n > 1 ? str(1) : ' ');
    case 'padright':
      return s.padEnd(intArg(args[0], ctx), n > 1 ? str(1) : ' ');
    case 'insert':
      return s.slice(0, intArg(args[0], ctx)) + str(1) + s.slice(intArg(args[0], ctx));
    case 'remove': {
      const start = intArg(args[0], ctx);
      return n > 1 ? s.slice(0, start) + s.slice(start + intArg(args[1], ctx)) : s.slice(0, start);
    }
    default:
      return undefined;
  }
}

/** `s.name(args)`. */
export function stringMethod(s: string, name: string, args: readonly unknown[], ctx: MemberContext): unknown {
  const lower = name.toLowerCase();
  const n = args.length;
  const str = (i: number) => toStr(args[i]);
  const edited = editAt(s, lower, args, ctx);
  if (edited !== undefined) return edited;
  switch (lower) {
    case 'trim':
      return trim(s, args, true, true);
    case 'trimstart':
      return trim(s, args, true, false);
    case 'trimend':
      return trim(s, args, false, true);
    case 'toupper':
    case 'toupperinvariant':
      return s.toUpperCase();
    case 'tolower':
    case 'tolowerinvariant':
      return s.toLowerCase();
    case 'tostring':
      return s;
    case 'contains':
      return s.includes(str(0));
    case 'startswith':
      return s.startsWith(str(0));
    case 'endswith':
      return s.endsWith(str(0));
    case 'replace':
      return s.split(str(0)).join(n > 1 ? str(1) : '');
    case 'indexof':
      return s.indexOf(str(0), n > 1 ? intArg(args[1], ctx) : 0);
    case 'lastindexof':
      return s.lastIndexOf(str(0));
    case 'tochararray':
      return [...s];
    case 'equals':
      return s === str(0);
    case 'compareto':
      return Math.sign(s.localeCompare(str(0), 'en-US'));
    case 'substring':
      return substring(s, name, args, ctx);
    case 'split':
      return split(s, args, ctx);
    default:
      if (OTHER_STRING_METHODS.has(lower)) throw new UnsupportedMethod('System.String', name);
      throw methodNotFound(s, name);
  }
}
