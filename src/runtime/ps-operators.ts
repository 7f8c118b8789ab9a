// PowerShell's operators on values: comparison (case-insensitive unless c-prefixed; arrays on the left filter),
// -like/-match/-replace/-split/-join, containment, arithmetic and string/array concatenation, bitwise, range, -f.
import { AllowedServicesValue, SmtpDomainValue } from './exchange-values.js';
import { Secret } from '../node/secret.js';
import { formatOperator } from './ps-format.js';
import { PsHashtable } from './ps-hashtable.js';
import { RuntimeFailure } from './runtime-failure.js';
import { castTo, isOfType } from './ps-types.js';
import type { ConversionContext } from './ps-types.js';
import {
  NO_OUTPUT,
  TimeSpanValue,
  elements,
  isArrayLike,
  isTrue,
  parseNumber,
  toNumber,
  toStr,
  typeNameOf,
} from './ps-values.js';

/** What operators need from the interpreter. */
export interface OperatorContext extends ConversionContext {
  /** Sets `$Matches` after a successful scalar -match. */
  setMatches(m: PsHashtable): void;
}

const COMPARISON =
  /^-([ci]?)(eq|ne|gt|ge|lt|le|like|notlike|match|notmatch|contains|notcontains|in|notin|replace|split)$/;
const OTHER_BINARY = new Set([
  '+',
  '-',
  '*',
  '/',
  '%',
  '..',
  '-f',
  '-join',
  '-xor',
  '-band',
  '-bor',
  '-bxor',
  '-shl',
  '-shr',
  '-is',
  '-isnot',
  '-as',
  '-and',
  '-or',
]);
const UNARY = new Set([
  '-not',
  '!',
  '-',
  '+',
  ',',
  '-bnot',
  '-join',
  '-split',
  '-isplit',
  '-csplit',
  '++',
  '--',
  '++postfix',
  '--postfix',
]);

/** True for binary operators the interpreter implements. */
export function isSupportedBinary(op: string): boolean {
  return COMPARISON.test(op) || OTHER_BINARY.has(op);
}

/** True for unary operators the interpreter implements. */
export function isSupportedUnary(op: string): boolean {
  return UNARY.has(op);
}

function isNull(v: unknown): boolean {
  return v === null || v === undefined || v === NO_OUTPUT;
}

/** `l -eq r` for scalars: the right side converts to the left side's type. */
export function psEquals(l: unknown, r: unknown, caseSensitive: boolean): boolean {
  if (isNull(l)) return isNull(r);
  if (isNull(r)) return false;
  if (l instanceof AllowedServicesValue || l instanceof SmtpDomainValue) return l.psEquals(r);
  if (typeof l === 'string') {
    const rs = toStr(r);
    return caseSensitive
      ? l === rs
      : l.toLowerCase() === rs.toLowerCase() || l.localeCompare(rs, 'en-US', { sensitivity: 'accent' }) === 0;
  }
  if (typeof l === 'number') {
    if (typeof r === 'number') return l === r;
    if (typeof r === 'boolean') return l === (r ? 1 : 0);
    if (typeof r === 'string') {
      const n = parseNumber(r);
      return n !== null && r.trim() !== '' && n === l;
    }
    return false;
  }
  if (typeof l === 'boolean') return l === isTrue(r);
  if (l instanceof Date) {
    const d = r instanceof Date ? r : typeof r === 'string' ? new Date(r) : null;
    return d !== null && d.getTime() === l.getTime();
  }
  if (l instanceof Secret) return l === r;
  return l === r;
}

/** Sign of `l` compared with `r` (-1, 0, 1) for -gt/-lt; throws when they cannot be compared. */
export function psCompare(l: unknown, r: unknown, caseSensitive: boolean, ctx: ConversionContext): number {
  if (isNull(l)) return isNull(r) ? 0 : -1;
  if (isNull(r)) return 1;
  const fail = (why: string) =>
    new RuntimeFailure(`Could not compare "${toStr(l)}" to "${toStr(r)}". Error: "${why}"`, {
      errorId: 'ComparisonFailure',
      category: 'InvalidOperation',
    });
  if (typeof l === 'number' || typeof l === 'boolean') {
    const a = typeof l === 'boolean' ? (l ? 1 : 0) : l;
    let b: number;
    try {
      b = toNumber(r, ctx.notANumber, typeof l === 'number' && Number.isInteger(l) ? 'System.Int32' : 'System.Double');
    } catch (e) {
      throw fail(e instanceof Error ? e.message : String(e));
    }
    return Math.sign(a - b);
  }
  if (typeof l === 'string') {
    const b = toStr(r);
    return Math.sign(
      l.localeCompare(b, 'en-US', { sensitivity: caseSensitive ? 'variant' : 'accent', caseFirst: 'lower' }),
    );
  }
  if (l instanceof Date) {
    const d = r instanceof Date ? r : new Date(toStr(r));
    if (Number.isNaN(d.getTime())) throw fail(`Cannot convert value "${toStr(r)}" to type "System.DateTime".`);
    return Math.sign(l.getTime() - d.getTime());
  }
  throw new RuntimeFailure(`Cannot compare "${toStr(l)}" because it is not IComparable.`, {
    errorId: 'NotIcomparable',
    category: 'InvalidOperation',
  });
}

/** A PowerShell wildcard pattern as a regular expression. */
export function wildcardRegex(pattern: string, caseSensitive: boolean): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '`' && i + 1 < pattern.length) {
      re += escapeRegex(pattern[++i]!);
      continue;
    }
    if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      re += `[${pattern.slice(i + 1, end).replace(/\\/g, '\\\\')}]`;
      i = end;
    } else re += escapeRegex(ch);
  }
  return new RegExp(`^${re}$`, caseSensitive ? 'u' : 'iu');
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A .NET regular expression as a JS one (inline (?i), \A, \z). */
export function dotnetRegex(pattern: string, caseSensitive: boolean, global = false): RegExp {
  let flags = caseSensitive ? '' : 'i';
  let p = pattern;
  const inline = /^\(\?([imsx]+)\)/.exec(p);
  if (inline) {
    p = p.slice(inline[0].length);
    if (inline[1]!.includes('i')) flags = flags.includes('i') ? flags : `${flags}i`;
    if (inline[1]!.includes('m')) flags += 'm';
    if (inline[1]!.includes('s')) flags += 's';
  }
  p = p
    .replace(/\\A/g, '^')
    .replace(/\\[zZ]/g, '$')
    .replace(/\(\?'([A-Za-z_]\w*)'/g, '(?<$1>');
  try {
    return new RegExp(p, flags + (global ? 'g' : ''));
  } catch {
    throw new RuntimeFailure(`The regular expression pattern ${pattern} is not valid.`, {
      errorId: 'InvalidRegularExpression',
      category: 'InvalidOperation',
      targetObject: pattern,
    });
  }
}

function matchesToTable(m: RegExpExecArray): PsHashtable {
  const t = new PsHashtable();
  for (let i = m.length - 1; i >= 0; i--) if (m[i] !== undefined) t.set(i, m[i]);
  for (const [name, value] of Object.entries(m.groups ?? {})) if (value !== undefined) t.set(name, value);
  return t;
}

function dotnetReplacement(r: string): string {
  return r
    .replace(/\$\{(\d+)\}/g, '$$$1')
    .replace(/\$\{([A-Za-z_]\w*)\}/g, '$$<$1>')
    .replace(/\$0/g, '$$&');
}

function splitOnce(s: string, re: RegExp, max: number): string[] {
  if (max <= 0) return s.split(re).filter((x) => x !== undefined);
  const out: string[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let last = 0;
  let m: RegExpExecArray | null;
  while (out.length < max - 1 && (m = g.exec(s)) !== null) {
    if (m[0] === '') {
      g.lastIndex++;
      continue;
    }
    out.push(s.slice(last, m.index));
    last = m.index + m[0].length;
  }
  out.push(s.slice(last));
  return out;
}

function compareOne(kind: string, cs: boolean, l: unknown, r: unknown, ctx: OperatorContext, scalar: boolean): boolean {
  switch (kind) {
    case 'eq':
      return psEquals(l, r, cs);
    case 'ne':
      return !psEquals(l, r, cs);
    case 'gt':
      return psCompare(l, r, cs, ctx) > 0;
    case 'ge':
      return psCompare(l, r, cs, ctx) >= 0;
    case 'lt':
      return psCompare(l, r, cs, ctx) < 0;
    case 'le':
      return psCompare(l, r, cs, ctx) <= 0;
    case 'like':
      return wildcardRegex(toStr(r), cs).test(toStr(l));
    case 'notlike':
      return !wildcardRegex(toStr(r), cs).test(toStr(l));
    case 'match':
    case 'notmatch': {
      const m = dotnetRegex(toStr(r), cs).exec(toStr(l));
      if (m && scalar) ctx.setMatches(matchesToTable(m));
      return kind === 'match' ? m !== null : m === null;
    }
    default:
      throw new Error(kind);
  }
}

function list(v: unknown): unknown[] {
  return isArrayLike(v) ? elements(v) : [v];
}

function add(l: unknown, r: unknown, ctx: ConversionContext): unknown {
  if (isNull(l)) {
    if (isArrayLike(r)) return [...elements(r)];
    return isNull(r) ? null : r;
  }
  if (typeof l === 'string') return l + toStr(r);
  if (isArrayLike(l)) return [...elements(l), ...(isArrayLike(r) ? elements(r) : [isNull(r) ? null : r])];
  if (l instanceof PsHashtable) {
    if (!(r instanceof PsHashtable))
      throw new RuntimeFailure('A hash table can only be added to another hash table.', {
        errorId: 'AddHashTableToNonHashTable',
        category: 'InvalidOperation',
      });
    const out = l.clone();
    for (const [k, v] of r.entries()) {
      if (!out.add(k, v))
        throw new RuntimeFailure(
          `Item has already been added. Key in dictionary: '${toStr(k)}'  Key being added: '${toStr(k)}'`,
          { errorId: 'ArgumentException', category: 'NotSpecified' },
        );
    }
    return out;
  }
  if (typeof l === 'number' || typeof l === 'boolean') {
    if (isArrayLike(r) || r instanceof PsHashtable) throw opMissing(l, 'op_Addition');
    return toNumber(l, ctx.notANumber) + toNumber(r, ctx.notANumber);
  }
  throw opMissing(l, 'op_Addition');
}

function opMissing(l: unknown, op: string): RuntimeFailure {
  return new RuntimeFailure(
    `Method invocation failed because [${typeNameOf(l)}] does not contain a method named '${op}'.`,
    { errorId: 'MethodNotFound', category: 'InvalidOperation' },
  );
}

function arithmetic(op: string, l: unknown, r: unknown, ctx: ConversionContext): unknown {
  if (op === '-' && l instanceof Date && r instanceof Date) return new TimeSpanValue(l.getTime() - r.getTime());
  if (op === '*') {
    if (typeof l === 'string') return l.repeat(Math.max(0, toNumber(r, ctx.notANumber)));
    if (isArrayLike(l)) {
      const n = toNumber(r, ctx.notANumber);
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) out.push(...elements(l));
      return out;
    }
  }
  if (isArrayLike(l) || l instanceof PsHashtable || (typeof l === 'object' && l !== null && !(l instanceof Date))) {
    throw opMissing(
      l,
      op === '-' ? 'op_Subtraction' : op === '*' ? 'op_Multiply' : op === '/' ? 'op_Division' : 'op_Modulus',
    );
  }
  const a = toNumber(l, ctx.notANumber);
  const b = toNumber(r, ctx.notANumber);
  switch (op) {
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0)
        throw new RuntimeFailure('Attempted to divide by zero.', {
          errorId: 'RuntimeException',
          category: 'NotSpecified',
          exceptionType: 'System.Management.Automation.RuntimeException',
        });
      return a / b;
    case '%':
      if (b === 0)
        throw new RuntimeFailure('Attempted to divide by zero.', {
          errorId: 'RuntimeException',
          category: 'NotSpecified',
        });
      return a % b;
    default:
      throw new Error(op);
  }
}

/** `l <op> r` (the interpreter evaluates -and/-or itself to short-circuit). */
export function binaryOp(op: string, l: unknown, r: unknown, ctx: OperatorContext): unknown {
  const c = COMPARISON.exec(op);
  if (c) {
    const cs = c[1] === 'c';
    const kind = c[2]!;
    switch (kind) {
      case 'contains':
        return list(l).some((x) => psEquals(x, r, cs));
      case 'notcontains':
        return !list(l).some((x) => psEquals(x, r, cs));
      case 'in':
        return list(r).some((x) => psEquals(x, l, cs));
      case 'notin':
        return !list(r).some((x) => psEquals(x, l, cs));
      case 'replace': {
        const [pattern, replacement = ''] = list(r);
        const re = dotnetRegex(toStr(pattern), cs, true);
        const rep = dotnetReplacement(toStr(replacement));
        const one = (x: unknown) => toStr(x).replace(re, rep);
        return isArrayLike(l) ? elements(l).map(one) : one(l);
      }
      case 'split': {
        const [pattern, max = 0] = list(r);
        const re = dotnetRegex(toStr(pattern), cs);
        return list(l).flatMap((x) => splitOnce(toStr(x), re, toNumber(max, ctx.notANumber)));
      }
      default:
        if (isArrayLike(l)) return elements(l).filter((x) => compareOne(kind, cs, x, r, ctx, false));
        return compareOne(kind, cs, l, r, ctx, true);
    }
  }
  switch (op) {
    case '+':
      return add(l, r, ctx);
    case '-':
    case '*':
    case '/':
    case '%':
      return arithmetic(op, l, r, ctx);
    case '..': {
      const a = toNumber(l, ctx.notANumber);
      const b = toNumber(r, ctx.notANumber);
      const out: number[] = [];
      if (Math.abs(b - a) > 10_000_000)
        throw new RuntimeFailure('The range is too large.', { errorId: 'RangeTooLarge' });
      for (let i = a; a <= b ? i <= b : i >= b; i += a <= b ? 1 : -1) out.push(i);
      return out;
    }
    case '-f':
      return formatOperator(toStr(l), r);
    case '-join':
      return list(l)
        .map((x) => toStr(x))
        .join(toStr(r));
    case '-xor':
      return isTrue(l) !== isTrue(r);
    case '-and':
      return isTrue(l) && isTrue(r);
    case '-or':
      return isTrue(l) || isTrue(r);
    case '-band':
      return toNumber(l, ctx.notANumber) & toNumber(r, ctx.notANumber);
    case '-bor':
      return toNumber(l, ctx.notANumber) | toNumber(r, ctx.notANumber);
    case '-bxor':
      return toNumber(l, ctx.notANumber) ^ toNumber(r, ctx.notANumber);
    case '-shl':
      return toNumber(l, ctx.notANumber) << toNumber(r, ctx.notANumber);
    case '-shr':
      return toNumber(l, ctx.notANumber) >> toNumber(r, ctx.notANumber);
    case '-is':
      return isOfType(l, toStr(r));
    case '-isnot':
      return !isOfType(l, toStr(r));
    case '-as':
      try {
        return castTo(toStr(r), l, ctx);
      } catch {
        return null;
      }
    default:
      throw new Error(`operator ${op}`);
  }
}

/** `<op> v` for the unary operators that do not assign. */
export function unaryOp(op: string, v: unknown, ctx: OperatorContext): unknown {
  switch (op) {
    case '-not':
    case '!':
      return !isTrue(v);
    case '-':
      return -toNumber(v, ctx.notANumber);
    case '+':
      return toNumber(v, ctx.notANumber);
    case ',':
      return [v === NO_OUTPUT ? null : v];
    case '-bnot':
      return ~toNumber(v, ctx.notANumber);
    case '-join':
      return list(v)
        .map((x) => toStr(x))
        .join('');
    case '-split':
    case '-isplit':
    case '-csplit':
      return list(v).flatMap((x) =>
        toStr(x)
          .trim()
          .split(/\s+/)
          .filter((s) => s !== ''),
      );
    default:
      throw new Error(`operator ${op}`);
  }
}
