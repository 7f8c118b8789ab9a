// Instance properties of values (case-insensitive, member enumeration); the methods are in invoke-method.ts.
import { AllowedServicesValue, SmtpDomainValue } from '../runtime/exchange-values.js';
import { servicesFromString } from '../spec/output/allowed-services.js';
import { Secret } from '../node/secret.js';
import type { InterpreterDialect } from '../runtime/interpreter-dialect.js';
import { PsErrorRecord, PsException } from '../runtime/ps-error-record.js';
import { PsHashtable } from '../runtime/ps-hashtable.js';
import type { ConversionContext } from '../runtime/ps-types.js';
import { RuntimeFailure } from '../runtime/runtime-failure.js';
import { ScriptBlockValue } from '../runtime/script-block-value.js';
import {
  TypeValue,
  elements,
  findProperty,
  hasPsMembers,
  isArrayLike,
  isArrayList,
  isCertificateObject,
  isPlainObject,
  normalize,
  toStr,
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
