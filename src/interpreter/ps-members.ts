// Instance members of values: properties (case-insensitive, member enumeration) and the .NET methods runbooks call.
import { AllowedServicesValue, SmtpDomainValue } from '../runtime/exchange-values.js';
import { servicesFromString } from '../spec/output/allowed-services.js';
import { Secret } from '../node/secret.js';
import { EncodingValue } from './encoding-value.js';
import type { InterpreterDialect } from '../runtime/interpreter-dialect.js';
import { PsErrorRecord, PsException } from '../runtime/ps-error-record.js';
import { formatDate, formatValue } from '../runtime/ps-format.js';
import { PsHashtable } from '../runtime/ps-hashtable.js';
import { psEquals } from '../runtime/ps-operators.js';
import { toByteArray } from '../runtime/ps-types.js';
import type { ConversionContext } from '../runtime/ps-types.js';
import { RuntimeFailure, methodFailure } from '../runtime/runtime-failure.js';
import { ScriptBlockValue } from '../runtime/script-block-value.js';
import {
  NO_OUTPUT,
  TypeValue,
  elements,
  findProperty,
  hasPsMembers,
  isArrayLike,
  isArrayList,
  isCertificateObject,
  isPlainObject,
  isTrue,
  normalize,
  toNumber,
  toStr,
  typeNameOf,
} from '../runtime/ps-values.js';

/** What member access needs from the interpreter. */
export interface MemberContext extends ConversionContext {
  readonly dialect: InterpreterDialect;
  /** Runs a script block with `$_` set, returning its output. */
  invokeScriptBlock(sb: ScriptBlockValue, item: unknown): Promise<unknown[]>;
}

function errorRecordMember(e: PsErrorRecord, name: string): unknown {
  const r = e.record;
  switch (name) {
    case 'exception':
      return e.exception;
    case 'fullyqualifiederrorid':
      return r.fullyQualifiedErrorId;
    case 'targetobject':
      return r.targetObject ?? null;
    case 'errordetails':
      return null;
    case 'scriptstacktrace':
      return r.line !== null ? `at <ScriptBlock>, <No file>: line ${r.line}` : '';
    case 'categoryinfo': {
      const reason = e.exception.type.slice(e.exception.type.lastIndexOf('.') + 1);
      const info = {
        Category: r.category,
        Activity: r.command ?? '',
        Reason: reason,
        TargetName: r.targetObject === undefined ? '' : toStr(r.targetObject),
        TargetType: '',
      };
      return info;
    }
    case 'invocationinfo':
      return {
        ScriptLineNumber: r.line ?? 0,
        OffsetInLine: r.column ?? 0,
        MyCommand: r.command ? { Name: r.command } : null,
        InvocationName: r.command ?? '',
      };
    default:
      return undefined;
  }
}

function dateMember(d: Date, name: string): unknown {
  switch (name) {
    case 'year':
      return d.getFullYear();
    case 'month':
      return d.getMonth() + 1;
    case 'day':
      return d.getDate();
    case 'hour':
      return d.getHours();
    case 'minute':
      return d.getMinutes();
    case 'second':
      return d.getSeconds();
    case 'millisecond':
      return d.getMilliseconds();
    case 'dayofweek':
      return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getDay()];
    case 'dayofyear':
      return (
        Math.floor(
          (Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(d.getFullYear(), 0, 1)) / 86400000,
        ) + 1
      );
    case 'date':
      return new Date(d.getFullYear(), d.getMonth(), d.getDate());
    case 'ticks':
      return (d.getTime() + 62135596800000) * 10000;
    default:
      return undefined;
  }
}

/** An ExchangeCertificate property as the EMS gives it to a runbook: Services an enum, CertificateDomains domain objects. */
function certificateMember(lower: string, value: unknown): unknown {
  if (lower === 'services' && (typeof value === 'string' || typeof value === 'number'))
    return new AllowedServicesValue(servicesFromString(value));
  if (lower === 'certificatedomains' && Array.isArray(value))
    return (value as unknown[]).map((d) => (typeof d === 'string' ? new SmtpDomainValue(d) : d));
  return normalize(value);
}

/** The value of `target.name` ($null when absent, as PowerShell without strict mode). */
export function getMember(target: unknown, name: string, ctx: MemberContext): unknown {
  const lower = name.toLowerCase();
  target = normalize(target);
  // $null (and an empty pipeline's AutomationNull) has Count and Length 0 from PowerShell 3.0 on.
  if (target === null) return ctx.dialect.memberEnumeration && (lower === 'count' || lower === 'length') ? 0 : null;
  if (typeof target === 'string') {
    if (lower === 'length') return target.length;
  } else if (isArrayLike(target)) {
    if (lower === 'count' || lower === 'length' || lower === 'longlength') return target.length;
    if (lower === 'rank') return 1;
    if (lower === 'issynchronized' || lower === 'isfixedsize' || lower === 'isreadonly')
      return lower === 'isfixedsize' ? !isArrayList(target) : false;
    if (!ctx.dialect.memberEnumeration) return null;
    const values = elements(target).flatMap((x) => {
      const v = getMember(x, name, ctx);
      return v === null ? [] : isArrayLike(v) ? elements(v) : [v];
    });
    return values.length === 0 ? null : values.length === 1 ? values[0] : values;
  } else if (target instanceof PsHashtable) {
    if (target.has(name)) return normalize(target.get(name));
    if (lower === 'count') return target.count;
    if (lower === 'keys') return target.keys();
    if (lower === 'values') return target.values();
    return null;
  } else if (target instanceof PsErrorRecord) {
    const v = errorRecordMember(target, lower);
    if (v !== undefined) return v;
  } else if (target instanceof PsException) {
    if (lower === 'message') return target.message;
    if (lower === 'innerexception') return null;
  } else if (target instanceof Date) {
    const v = dateMember(target, lower);
    if (v !== undefined) return v;
  } else if (target instanceof Secret) {
    if (lower === 'length') return target.reveal().length;
  } else if (target instanceof TypeValue) {
    if (lower === 'name') return target.name;
    if (lower === 'fullname') return target.fullName;
  } else if (hasPsMembers(target)) {
    const v = target.psGet(name);
    if (v !== undefined) return v;
  } else if (isPlainObject(target)) {
    const k = findProperty(target, name);
    if (k !== undefined)
      return isCertificateObject(target) ? certificateMember(lower, target[k]) : normalize(target[k]);
  }
  // Every object has Count and Length 1 from PowerShell 3.0 on.
  if (ctx.dialect.memberEnumeration && (lower === 'count' || lower === 'length')) return 1;
  return null;
}

/** `target.name = value`. */
export function setMember(target: unknown, name: string, value: unknown): void {
  if (target instanceof PsHashtable) {
    target.set(name, value);
    return;
  }
  if (target === null || target === undefined) {
    throw new RuntimeFailure(
      `The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`,
      { errorId: 'PropertyNotFound', category: 'InvalidOperation' },
    );
  }
  if (isPlainObject(target)) {
    const k = findProperty(target, name);
    if (k !== undefined) {
      try {
        target[k] = value;
        return;
      } catch {
        /* frozen */
      }
      throw new RuntimeFailure(`'${k}' is a ReadOnly property.`, {
        errorId: 'PropertyAssignmentException',
        category: 'InvalidOperation',
      });
    }
  }
  throw new RuntimeFailure(
    `The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`,
    { errorId: 'PropertyNotFound', category: 'InvalidOperation' },
  );
}

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

function methodNotFound(target: unknown, name: string): RuntimeFailure {
  return new RuntimeFailure(
    `Method invocation failed because [${typeNameOf(target)}] does not contain a method named '${name}'.`,
    { errorId: 'MethodNotFound', category: 'InvalidOperation' },
  );
}

/** Thrown for a real .NET method the interpreter does not implement. */
export class UnsupportedMethod extends Error {
  readonly typeName: string;
  readonly method: string;

  constructor(typeName: string, method: string) {
    super(`${typeName}.${method}()`);
    this.typeName = typeName;
    this.method = method;
  }
}

function outOfRange(method: string, n: number, parameter: string): RuntimeFailure {
  return methodFailure(
    method,
    n,
    `Index and length must refer to a location within the string. (Parameter '${parameter}')`,
    'System.ArgumentOutOfRangeException',
  );
}

function intArg(v: unknown, ctx: ConversionContext): number {
  return Math.trunc(toNumber(v, ctx.notANumber));
}

function stringMethod(s: string, name: string, args: readonly unknown[], ctx: MemberContext): unknown {
  const lower = name.toLowerCase();
  const n = args.length;
  const str = (i: number) => toStr(args[i]);
  const trimChars = () => args.flatMap((a) => (isArrayLike(a) ? elements(a).map((x) => toStr(x)) : [...toStr(a)]));
  const trim = (x: string, start: boolean, end: boolean) => {
    if (n === 0) return (start ? x.replace(/^\s+/, '') : x).replace(end ? /\s+$/ : /$^/, '');
    const set = new Set(trimChars());
    let a = 0;
    let b = x.length;
    if (start) while (a < b && set.has(x[a]!)) a++;
    if (end) while (b > a && set.has(x[b - 1]!)) b--;
    return x.slice(a, b);
  };
  switch (lower) {
    case 'trim':
      return trim(s, true, true);
    case 'trimstart':
      return trim(s, true, false);
    case 'trimend':
      return trim(s, false, true);
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
    case 'padleft':
      return s.padStart(intArg(args[0], ctx), n > 1 ? str(1) : ' ');
    case 'padright':
      return s.padEnd(intArg(args[0], ctx), n > 1 ? str(1) : ' ');
    case 'tochararray':
      return [...s];
    case 'equals':
      return s === str(0);
    case 'compareto':
      return Math.sign(s.localeCompare(str(0), 'en-US'));
    case 'substring': {
      const start = intArg(args[0], ctx);
      if (start < 0 || start > s.length) throw outOfRange(name, n, 'startIndex');
      if (n < 2) return s.slice(start);
      const len = intArg(args[1], ctx);
      if (len < 0 || start + len > s.length) throw outOfRange(name, n, 'length');
      return s.substr(start, len);
    }
    case 'insert':
      return s.slice(0, intArg(args[0], ctx)) + str(1) + s.slice(intArg(args[0], ctx));
    case 'remove': {
      const start = intArg(args[0], ctx);
      return n > 1 ? s.slice(0, start) + s.slice(start + intArg(args[1], ctx)) : s.slice(0, start);
    }
    case 'split': {
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
    default:
      if (OTHER_STRING_METHODS.has(lower)) throw new UnsupportedMethod('System.String', name);
      throw methodNotFound(s, name);
  }
}

async function arrayMethod(
  a: unknown[] | Uint8Array,
  name: string,
  args: readonly unknown[],
  ctx: MemberContext,
): Promise<unknown> {
  const lower = name.toLowerCase();
  const list = elements(a);
  switch (lower) {
    case 'contains':
      return list.some((x) =>
        typeof x === 'string' && typeof args[0] === 'string' ? x === args[0] : psEquals(x, args[0], true),
      );
    case 'indexof':
      return list.findIndex((x) => psEquals(x, args[0], true));
    case 'tostring':
      return typeNameOf(a);
    case 'clone':
      return a instanceof Uint8Array ? a.slice() : [...a];
    case 'where':
    case 'foreach': {
      if (!ctx.dialect.intrinsicWhereForEach) break;
      const sb = args[0];
      if (!(sb instanceof ScriptBlockValue))
        throw new UnsupportedMethod('collection', `${name}() without a script block`);
      const out: unknown[] = [];
      for (const item of list) {
        const r = await ctx.invokeScriptBlock(sb, item);
        if (lower === 'where') {
          if (isTrue(r.length === 1 ? r[0] : r)) out.push(item);
        } else out.push(...r);
      }
      return out;
    }
    case 'add':
    case 'remove':
    case 'clear':
    case 'insert':
    case 'removeat': {
      if (!isArrayList(a))
        throw methodFailure(name, args.length, 'Collection was of a fixed size.', 'System.NotSupportedException');
      const arr = a as unknown[];
      if (lower === 'add') {
        arr.push(args[0]);
        return arr.length - 1;
      }
      if (lower === 'clear') {
        arr.length = 0;
        return undefined;
      }
      if (lower === 'insert') {
        arr.splice(intArg(args[0], ctx), 0, args[1]);
        return undefined;
      }
      if (lower === 'removeat') {
        arr.splice(intArg(args[0], ctx), 1);
        return undefined;
      }
      const i = arr.findIndex((x) => psEquals(x, args[0], true));
      if (i >= 0) arr.splice(i, 1);
      return undefined;
    }
    default:
      break;
  }
  if (!ctx.dialect.memberEnumeration) throw methodNotFound(a, name);
  // Method enumeration (3.0+): call it on each element.
  const out: unknown[] = [];
  for (const x of list) {
    const r = await invokeMethod(x, name, args, ctx);
    if (r !== undefined && r !== NO_OUTPUT) out.push(r);
  }
  return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
}

function dateMethod(d: Date, name: string, args: readonly unknown[], ctx: MemberContext): unknown {
  const lower = name.toLowerCase();
  const num = () => toNumber(args[0], ctx.notANumber);
  const add = (ms: number) => new Date(d.getTime() + ms);
  switch (lower) {
    case 'adddays':
      return add(num() * 86400000);
    case 'addhours':
      return add(num() * 3600000);
    case 'addminutes':
      return add(num() * 60000);
    case 'addseconds':
      return add(num() * 1000);
    case 'addmilliseconds':
      return add(num());
    case 'addmonths': {
      const x = new Date(d);
      x.setMonth(x.getMonth() + num());
      return x;
    }
    case 'addyears': {
      const x = new Date(d);
      x.setFullYear(x.getFullYear() + num());
      return x;
    }
    case 'tostring':
      return args.length > 0 ? formatDate(d, toStr(args[0])) : formatDate(d, 'G');
    case 'toshortdatestring':
      return formatDate(d, 'd');
    case 'tolongdatestring':
      return formatDate(d, 'D');
    case 'toshorttimestring':
      return formatDate(d, 't');
    case 'tolongtimestring':
      return formatDate(d, 'T');
    case 'touniversaltime':
      return new Date(d.getTime() + d.getTimezoneOffset() * 60000);
    case 'tolocaltime':
      return d;
    case 'compareto':
      return Math.sign(d.getTime() - (args[0] instanceof Date ? args[0].getTime() : 0));
    default:
      throw new UnsupportedMethod('System.DateTime', name);
  }
}

/** `target.Name(args)`; undefined for void methods. */
export async function invokeMethod(
  target: unknown,
  name: string,
  args: readonly unknown[],
  ctx: MemberContext,
): Promise<unknown> {
  const lower = name.toLowerCase();
  target = normalize(target);
  if (target === null)
    throw new RuntimeFailure('You cannot call a method on a null-valued expression.', {
      errorId: 'InvokeMethodOnNull',
      category: 'InvalidOperation',
    });
  if (lower === 'gettype' && args.length === 0) return new TypeValue(typeNameOf(target));
  if (typeof target === 'string') return stringMethod(target, name, args, ctx);
  if (isArrayLike(target)) return arrayMethod(target, name, args, ctx);
  if (target instanceof PsHashtable) {
    switch (lower) {
      case 'containskey':
      case 'contains':
        return target.has(args[0]);
      case 'containsvalue':
        return target.values().some((v) => psEquals(v, args[0], true));
      case 'add':
        if (!target.add(args[0], args[1])) {
          throw methodFailure(
            name,
            args.length,
            `Item has already been added. Key in dictionary: '${toStr(args[0])}'  Key being added: '${toStr(args[0])}'`,
            'System.ArgumentException',
          );
        }
        return undefined;
      case 'remove':
        target.delete(args[0]);
        return undefined;
      case 'clear':
        target.clear();
        return undefined;
      case 'clone':
        return target.clone();
      case 'tostring':
        return toStr(target);
      default:
        throw new UnsupportedMethod('System.Collections.Hashtable', name);
    }
  }
  if (typeof target === 'number') {
    if (lower === 'tostring') return args.length > 0 ? formatValue(target, toStr(args[0])) : toStr(target);
    if (lower === 'equals') return psEquals(target, args[0], true);
    if (lower === 'compareto') return Math.sign(target - toNumber(args[0], ctx.notANumber));
    throw methodNotFound(target, name);
  }
  if (typeof target === 'boolean') {
    if (lower === 'tostring') return toStr(target);
    throw methodNotFound(target, name);
  }
  if (target instanceof Date) return dateMethod(target, name, args, ctx);
  if (target instanceof EncodingValue) {
    switch (lower) {
      case 'getbytes': {
        const a = args[0];
        return target.getBytes(
          isArrayLike(a)
            ? elements(a)
                .map((x) => toStr(x))
                .join('')
            : toStr(a),
        );
      }
      case 'getstring': {
        const bytes = toByteArray(args[0], ctx) ?? new Uint8Array();
        const slice =
          args.length >= 3 ? bytes.subarray(intArg(args[1], ctx), intArg(args[1], ctx) + intArg(args[2], ctx)) : bytes;
        return target.getString(slice);
      }
      case 'getpreamble':
        return target.preamble();
      case 'getbytecount':
        return target.getBytes(toStr(args[0])).length;
      case 'tostring':
        return target.toString();
      default:
        throw new UnsupportedMethod(target.typeName, name);
    }
  }
  if (target instanceof ScriptBlockValue) {
    if (lower === 'invoke' || lower === 'invokereturnasis') {
      const out = await ctx.invokeScriptBlock(target, null);
      return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
    }
    if (lower === 'tostring') return target.toString();
    throw new UnsupportedMethod('System.Management.Automation.ScriptBlock', name);
  }
  if (lower === 'tostring' && args.length === 0) return toStr(target);
  if (target instanceof Secret) throw new UnsupportedMethod('System.Security.SecureString', name);
  throw new UnsupportedMethod(typeNameOf(target), name);
}
