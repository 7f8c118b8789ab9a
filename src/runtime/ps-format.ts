// .NET formatting (en-US): the -f operator, ToString(format) on numbers and dates, Get-Date -Format.
import { RuntimeFailure } from './runtime-failure.js';
import { isArrayLike, elements, toStr } from './ps-values.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function pad(n: number, width: number): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function offsetText(d: Date, style: 'z' | 'zz' | 'zzz'): string {
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const h = Math.floor(Math.abs(off) / 60);
  const m = Math.abs(off) % 60;
  if (style === 'z') return `${sign}${h}`;
  if (style === 'zz') return `${sign}${pad(h, 2)}`;
  return `${sign}${pad(h, 2)}:${pad(m, 2)}`;
}

const STANDARD_DATE: Readonly<Record<string, string>> = {
  d: 'M/d/yyyy',
  D: 'dddd, MMMM d, yyyy',
  t: 'h:mm tt',
  T: 'h:mm:ss tt',
  f: 'dddd, MMMM d, yyyy h:mm tt',
  F: 'dddd, MMMM d, yyyy h:mm:ss tt',
  g: 'M/d/yyyy h:mm tt',
  G: 'M/d/yyyy h:mm:ss tt',
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  M: 'MMMM d',
  m: 'MMMM d',
  Y: 'MMMM yyyy',
  y: 'MMMM yyyy',
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
};

/** DateTime.ToString(format) with en-US names. */
export function formatDate(d: Date, format: string): string {
  if (format === '') format = 'G';
  if (format === 'u') {
    const u = new Date(d.getTime() + d.getTimezoneOffset() * 60000);
    return `${formatDate(u, "yyyy'-'MM'-'dd HH':'mm':'ss")}Z`;
  }
  if (format.length === 1 && STANDARD_DATE[format]) format = STANDARD_DATE[format]!;
  let out = '';
  let i = 0;
  while (i < format.length) {
    const ch = format[i]!;
    if (ch === "'" || ch === '"') {
      const end = format.indexOf(ch, i + 1);
      out += format.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      out += format[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (ch === '%') {
      i++;
      continue;
    }
    let n = 1;
    while (format[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'd':
        out +=
          n === 1
            ? String(d.getDate())
            : n === 2
              ? pad(d.getDate(), 2)
              : n === 3
                ? DAYS[d.getDay()]!.slice(0, 3)
                : DAYS[d.getDay()]!;
        break;
      case 'M':
        out +=
          n === 1
            ? String(d.getMonth() + 1)
            : n === 2
              ? pad(d.getMonth() + 1, 2)
              : n === 3
                ? MONTHS[d.getMonth()]!.slice(0, 3)
                : MONTHS[d.getMonth()]!;
        break;
      case 'y':
        out +=
          n === 1 ? String(d.getFullYear() % 100) : n === 2 ? pad(d.getFullYear() % 100, 2) : pad(d.getFullYear(), n);
        break;
      case 'h': {
        const h = d.getHours() % 12 || 12;
        out += n === 1 ? String(h) : pad(h, 2);
        break;
      }
      case 'H':
        out += n === 1 ? String(d.getHours()) : pad(d.getHours(), 2);
        break;
      case 'm':
        out += n === 1 ? String(d.getMinutes()) : pad(d.getMinutes(), 2);
        break;
      case 's':
        out += n === 1 ? String(d.getSeconds()) : pad(d.getSeconds(), 2);
        break;
      case 'f':
      case 'F': {
        const frac = pad(d.getMilliseconds(), 3).padEnd(7, '0').slice(0, n);
        out += ch === 'F' ? frac.replace(/0+$/, '') : frac;
        break;
      }
      case 't': {
        const am = d.getHours() < 12 ? 'AM' : 'PM';
        out += n === 1 ? am[0] : am;
        break;
      }
      case 'z':
        out += offsetText(d, n === 1 ? 'z' : n === 2 ? 'zz' : 'zzz');
        break;
      case 'K':
        out += offsetText(d, 'zzz');
        break;
      default:
        out += ch.repeat(n);
    }
  }
  return out;
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fixed(n: number, decimals: number): string {
  return Math.abs(n).toFixed(decimals);
}

/** A custom numeric format such as `0.00`, `#,##0`, `000`. */
function customNumber(n: number, format: string): string {
  const [intFmt = '', fracFmt = ''] = format.split('.');
  const decimals = (fracFmt.match(/[0#]/g) ?? []).length;
  const minFrac = (fracFmt.match(/0/g) ?? []).length;
  const minInt = (intFmt.match(/0/g) ?? []).length;
  let [i, f = ''] = fixed(n, decimals).split('.');
  i = i!.replace(/^0+(?=\d)/, '');
  if (i === '0' && minInt === 0) i = '';
  i = i.padStart(minInt, '0');
  if (intFmt.includes(',')) i = group(i);
  f = f.replace(/0+$/, '').padEnd(minFrac, '0');
  const body = f ? `${i}.${f}` : i;
  const literal = format.replace(/[0#.,]+/, '\u0000');
  return literal.replace('\u0000', `${n < 0 ? '-' : ''}${body || '0'}`);
}

/** Number.ToString(format) (en-US). */
export function formatNumber(n: number, format: string): string {
  const m = /^([CcDdEeFfGgNnPpRrXx])(\d{0,2})$/.exec(format);
  if (!m) return format === '' ? toStr(n) : customNumber(n, format);
  const kind = m[1]!;
  const digits = m[2] === '' ? undefined : Number(m[2]);
  const sign = n < 0 ? '-' : '';
  switch (kind.toUpperCase()) {
    case 'D':
      return sign + pad(Math.trunc(n), digits ?? 1);
    case 'X': {
      const hex = (n < 0 ? n >>> 0 : Math.trunc(n)).toString(16).padStart(digits ?? 1, '0');
      return kind === 'X' ? hex.toUpperCase() : hex;
    }
    case 'F':
      return sign + fixed(n, digits ?? 2);
    case 'N': {
      const [i, f] = fixed(n, digits ?? 2).split('.');
      return sign + group(i!) + (f ? `.${f}` : '');
    }
    case 'P': {
      const [i, f] = fixed(n * 100, digits ?? 2).split('.');
      return `${sign}${group(i!)}${f ? `.${f}` : ''} %`;
    }
    case 'C': {
      const [i, f] = fixed(n, digits ?? 2).split('.');
      return `${n < 0 ? '-' : ''}$${group(i!)}${f ? `.${f}` : ''}`;
    }
    case 'E': {
      const e = Math.abs(n).toExponential(digits ?? 6);
      const [mant, exp] = e.split('e');
      const ex = Number(exp);
      return `${sign}${mant}${kind}${ex < 0 ? '-' : '+'}${pad(ex, 3)}`;
    }
    default:
      return toStr(n);
  }
}

/** Value.ToString(format) for the -f operator: numbers and dates honour the format, others ignore it. */
export function formatValue(v: unknown, format: string): string {
  if (typeof v === 'number') return formatNumber(v, format);
  if (v instanceof Date) return formatDate(v, format);
  return toStr(v);
}

/** `"{0,-10} {1:N2}" -f $a, $b`. */
export function formatOperator(format: string, args: unknown): string {
  const list = isArrayLike(args) ? elements(args) : [args];
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '{') {
      if (format[i + 1] === '{') {
        out += '{';
        i++;
        continue;
      }
      const end = format.indexOf('}', i);
      const m = end < 0 ? null : /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/s.exec(format.slice(i + 1, end));
      if (!m)
        throw new RuntimeFailure(`Error formatting a string: Input string was not in a correct format..`, {
          errorId: 'FormatError',
          category: 'InvalidOperation',
        });
      const index = Number(m[1]);
      if (index >= list.length) {
        throw new RuntimeFailure(
          'Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..',
          { errorId: 'FormatError', category: 'InvalidOperation' },
        );
      }
      let text = formatValue(list[index], m[3] ?? '');
      const align = m[2] === undefined ? 0 : Number(m[2]);
      text = align < 0 ? text.padEnd(-align) : text.padStart(align);
      out += text;
      i = end;
    } else if (ch === '}') {
      if (format[i + 1] === '}') i++;
      out += '}';
    } else out += ch;
  }
  return out;
}
