// PowerShell's number conversions: the text of a number, and string/number -> integer as LanguagePrimitives does it.
import type { NumberType } from './raw-argument.js';

/** Integer types the binder converts arguments to. */
export type IntegerType = 'Int32' | 'Int64' | 'Byte';

/** A conversion that failed: .NET's FormatException or OverflowException. */
export type IntegerFailure = 'format' | 'overflow';

interface IntegerRange {
  readonly min: bigint;
  readonly max: bigint;
  /** OverflowException's message. */
  readonly overflow: string;
  /** Bits of two's complement hex text (`0xFFFFFFFF` is -1 for Int32). */
  readonly bits: number;
  readonly signed: boolean;
}

const RANGES: Readonly<Record<IntegerType, IntegerRange>> = {
  Int32: {
    min: -(2n ** 31n),
    max: 2n ** 31n - 1n,
    overflow: 'Value was either too large or too small for an Int32.',
    bits: 32,
    signed: true,
  },
  Int64: {
    min: -(2n ** 63n),
    max: 2n ** 63n - 1n,
    overflow: 'Value was either too large or too small for an Int64.',
    bits: 64,
    signed: true,
  },
  Byte: {
    min: 0n,
    max: 255n,
    overflow: 'Value was either too large or too small for an unsigned byte.',
    bits: 8,
    signed: false,
  },
};

/** .NET's OverflowException message for an integer type. */
export function overflowMessage(type: IntegerType): string {
  return RANGES[type].overflow;
}

/** Rounds half to even, as Convert.ToInt32(double) does. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** Convert.ToIntNN of a real number: rounded half to even; null when it does not fit. */
export function realToInteger(x: number, type: IntegerType): number | null {
  if (!Number.isFinite(x)) return null;
  const r = roundHalfEven(x);
  const range = RANGES[type];
  if (r < Number(range.min) || r > Number(range.max) || (type === 'Int64' && r >= 2 ** 63)) return null;
  return r === 0 ? 0 : r;
}

function bigToInteger(b: bigint, type: IntegerType): number | null {
  const range = RANGES[type];
  return b < range.min || b > range.max ? null : Number(b);
}

/** A PowerShell number literal's value: exact for integers. */
type Scanned = { readonly int: bigint } | { readonly real: number };

const LITERAL =
  /^([+-]?)(?:0x([0-9a-f]+)|0b([01]+)|(\d+)|(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?))(ul|lu|uy|us|u|y|s|l|n|d)?(kb|mb|gb|tb|pb)?$/i;
const MULTIPLIERS: Readonly<Record<string, bigint>> = {
  kb: 1024n,
  mb: 1024n ** 2n,
  gb: 1024n ** 3n,
  tb: 1024n ** 4n,
  pb: 1024n ** 5n,
};

/** Two's complement reading of hex/binary digits, as PowerShell 7 reads `0xFFFFFFFF` (-1). */
function twosComplement(v: bigint): bigint | null {
  if (v <= 0x7fffffffn) return v;
  if (v <= 0xffffffffn) return v - 2n ** 32n;
  if (v <= 0x7fffffffffffffffn) return v;
  if (v <= 0xffffffffffffffffn) return v - 2n ** 64n;
  return null;
}

/** Reads a whole string as a PowerShell number literal (`12kb`, `0x10`, `0b101`, `1234D`, `2.5e3`); null if it is none. */
export function scanPsNumber(text: string): Scanned | null {
  const m = LITERAL.exec(text);
  if (!m) return null;
  const negative = m[1] === '-';
  const mult = m[7] ? MULTIPLIERS[m[7].toLowerCase()]! : 1n;
  if (m[5] !== undefined) {
    const real = Number(m[5]) * Number(mult);
    return { real: negative ? -real : real };
  }
  let int: bigint | null;
  if (m[2] !== undefined) int = twosComplement(BigInt(`0x${m[2]}`));
  else if (m[3] !== undefined) int = twosComplement(BigInt(`0b${m[3]}`));
  else int = BigInt(m[4]!);
  if (int === null) return null;
  int *= mult;
  return { int: negative ? -int : int };
}

/** .NET's Int32Converter (or Int64/Byte): hex after `0x`/`&h`/`#`, else NumberStyles.Integer. */
function dotnetInteger(text: string, type: IntegerType): number | IntegerFailure {
  const range = RANGES[type];
  const hex = /^(?:0x|&h|#)(.*)$/i.exec(text);
  if (hex) {
    if (!/^[0-9a-f]+$/i.test(hex[1]!)) return 'format';
    let v = BigInt(`0x${hex[1]}`);
    if (v >= 2n ** BigInt(range.bits)) return 'overflow';
    if (range.signed && v >= 2n ** BigInt(range.bits - 1)) v -= 2n ** BigInt(range.bits);
    return Number(v);
  }
  if (!/^[+-]?\d+$/.test(text)) return 'format';
  return bigToInteger(BigInt(text), type) ?? 'overflow';
}

const DOTNET_DOUBLE = /^[\t-\r ]*([+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)[\t-\r ]*$/i;

/** Double.Parse(text, NumberStyles.Float | AllowThousands, invariant), or null. */
function dotnetDouble(text: string): number | null {
  const m = DOTNET_DOUBLE.exec(text);
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
}

/**
 * A string converted to an integer type as PowerShell does: empty -> 0, a PowerShell number literal, .NET's
 * integer converter (whose overflow is reported), then through Double (`'2.5'` -> 2, `'1,000'` -> 1000).
 */
export function stringToInteger(s: string, type: IntegerType): number | IntegerFailure {
  const t = s.trim();
  if (t.length === 0) return 0;
  const lit = scanPsNumber(t);
  if (lit !== null) {
    const v = 'int' in lit ? bigToInteger(lit.int, type) : realToInteger(lit.real, type);
    if (v !== null) return v;
  }
  const dotnet = dotnetInteger(t, type);
  if (dotnet !== 'format') return dotnet;
  const real = dotnetDouble(s);
  return (real === null ? null : realToInteger(real, type)) ?? 'format';
}

/**
 * A number literal converted to an integer type, or the type whose OverflowException .NET reports
 * (Convert.ToByte(double) goes through Int32, so a huge double overflows "an Int32").
 */
export function numberToInteger(
  value: number,
  text: string,
  numberType: NumberType,
  type: IntegerType,
): number | IntegerType {
  if (numberType === 'Int32' || (numberType === 'Int64' && Number.isSafeInteger(value)))
    return bigToInteger(BigInt(value), type) ?? type;
  if (numberType === 'Int64') {
    const lit = scanPsNumber(text);
    if (lit && 'int' in lit) return bigToInteger(lit.int, type) ?? type;
  }
  if (type === 'Byte' && numberType === 'Double' && realToInteger(value, 'Int32') === null) return 'Int32';
  return realToInteger(value, type) ?? type;
}

/** .NET's general ("G") layout of significant digits `d.ddd` and a decimal exponent: scientific from 1E+15 and below 1E-05. */
function layout(mantissa: string, e: number): string {
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '').replace(/0+$/, '') || '0';
  const sign = negative ? '-' : '';
  if (e >= 15 || e < -5)
    return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const frac = digits.slice(e + 1);
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

function special(x: number): string | null {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return x === 0 ? '0' : null;
}

/** A double as PowerShell converts it to a string: 15 significant digits (`0.3`, `7.73490822413678E+39`). */
export function doubleText(x: number): string {
  const [mantissa, exp] = x.toExponential(14).split('e') as [string, string];
  return special(x) ?? layout(mantissa, Number(exp));
}

/** A double as .NET's ToString() prints it in messages: shortest round-trip on .NET, 15 digits on .NET Framework. */
export function messageDoubleText(x: number, netCore: boolean): string {
  if (!netCore) return doubleText(x);
  const [mantissa, exp] = x.toExponential().split('e') as [string, string];
  return special(x) ?? layout(mantissa, Number(exp));
}

/**
 * The double PowerShell makes of a number literal: a decimal integer too large for [decimal] goes through
 * BigInteger, whose conversion truncates (7734908224136780682901624496290902122258 -> 7.73490822413678E+39).
 */
export function literalDouble(value: number, text: string): number {
  if (!/^\d{16,}$/.test(text)) return value;
  const big = BigInt(text);
  const drop = big.toString(2).length - 53;
  return drop > 0 ? Number((big >> BigInt(drop)) << BigInt(drop)) : value;
}

/** What a number's value (not its source text) reads as: in messages (`message`) or converted to a string. */
export function numberText(
  value: number,
  text: string,
  type: NumberType,
  message?: { readonly netCore: boolean },
): string {
  if (type === 'Double') {
    const x = literalDouble(value, text);
    return message ? messageDoubleText(x, message.netCore) : doubleText(x);
  }
  if (Number.isSafeInteger(value)) return String(value);
  const lit = scanPsNumber(text);
  if (lit && 'int' in lit) return String(lit.int);
  return type === 'Decimal' ? String(value) : doubleText(value);
}
