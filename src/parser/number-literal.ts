// Numeric literal values as PowerShell's tokenizer computes them (TryGetNumberValue in tokenizer.cs).

/** Number type-suffix flags, as PowerShell's NumberSuffixFlags. */
export const Suffix = {
  None: 0x0,
  Unsigned: 0x1,
  SignedByte: 0x2,
  UnsignedByte: 0x3,
  Short: 0x4,
  UnsignedShort: 0x5,
  Long: 0x8,
  UnsignedLong: 0x9,
  Decimal: 0x10,
  BigInteger: 0x20,
} as const;

/** How the digits were written. */
export type NumberFormat = 'decimal' | 'hex' | 'binary';

/** A number the runbook AST can hold. */
export interface NumberValue {
  readonly value: number;
  readonly staticType: 'Int32' | 'Int64' | 'Double' | 'Decimal';
}

/** A number only PowerShell 6.2+ knows (5.1 reads the same word as a string); `typeName` is its .NET type. */
export interface Ps7OnlyNumber {
  readonly ps7Only: string;
}

const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT32_MAX = 2n ** 32n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const DECIMAL_MAX = 79228162514264337593543950335n;
const DOUBLE_MAX = BigInt(Number.MAX_VALUE);

function inRange(v: bigint, lo: bigint, hi: bigint): boolean {
  return v >= lo && v <= hi;
}

/** .NET Math.Round: to nearest, ties to even. */
function roundHalfEven(d: number): number {
  const f = Math.floor(d);
  const diff = d - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** .NET BigInteger.Parse with AllowHexSpecifier: two's complement, the first digit carries the sign. */
function parseHex(s: string): bigint {
  const unsigned = BigInt('0x' + s);
  return parseInt(s[0]!, 16) >= 8 ? unsigned - (1n << BigInt(4 * s.length)) : unsigned;
}

function typedInteger(v: bigint, suffix: number, format: NumberFormat): NumberValue | Ps7OnlyNumber | null {
  switch (suffix) {
    case Suffix.SignedByte:
      return inRange(v, -128n, 127n) ? { ps7Only: 'SByte' } : null;
    case Suffix.UnsignedByte:
      return inRange(v, 0n, 255n) ? { ps7Only: 'Byte' } : null;
    case Suffix.Short:
      return inRange(v, -32768n, 32767n) ? { ps7Only: 'Int16' } : null;
    case Suffix.UnsignedShort:
      return inRange(v, 0n, 65535n) ? { ps7Only: 'UInt16' } : null;
    case Suffix.Unsigned:
      if (inRange(v, 0n, UINT32_MAX)) return { ps7Only: 'UInt32' };
      return inRange(v, 0n, UINT64_MAX) ? { ps7Only: 'UInt64' } : null;
    case Suffix.UnsignedLong:
      return inRange(v, 0n, UINT64_MAX) ? { ps7Only: 'UInt64' } : null;
    case Suffix.BigInteger:
      return { ps7Only: 'BigInteger' };
    case Suffix.Long:
      return inRange(v, INT64_MIN, INT64_MAX) ? { value: Number(v), staticType: 'Int64' } : null;
    case Suffix.Decimal:
      return inRange(v, -DECIMAL_MAX, DECIMAL_MAX) ? { value: Number(v), staticType: 'Decimal' } : null;
    case Suffix.None:
      if (inRange(v, INT32_MIN, INT32_MAX)) return { value: Number(v), staticType: 'Int32' };
      if (inRange(v, INT64_MIN, INT64_MAX)) return { value: Number(v), staticType: 'Int64' };
      if (format !== 'decimal') return null;
      if (inRange(v, -DECIMAL_MAX, DECIMAL_MAX)) return { value: Number(v), staticType: 'Decimal' };
      return inRange(v, -DOUBLE_MAX, DOUBLE_MAX) ? { value: Number(v), staticType: 'Double' } : null;
    default:
      return null;
  }
}

function typedReal(d: number, suffix: number): NumberValue | Ps7OnlyNumber | null {
  if (suffix === Suffix.None) return { value: d, staticType: 'Double' };
  if (!Number.isFinite(d)) return null;
  return typedInteger(BigInt(roundHalfEven(d)), suffix, 'decimal');
}

/**
 * The value of a scanned number: `digits` is the sign and digits as PowerShell collects them
 * (hex digits prefixed with `0`), `multiplier` the kb..pb factor. Null when the literal is out of range.
 */
export function numberValue(
  digits: string,
  format: NumberFormat,
  suffix: number,
  real: boolean,
  multiplier: bigint,
): NumberValue | Ps7OnlyNumber | null {
  if (real) {
    const d = Number(digits);
    if (Number.isNaN(d)) return null;
    if (suffix === Suffix.Decimal) {
      const scaled = d * Number(multiplier);
      return Number.isFinite(scaled) && Math.abs(scaled) <= Number(DECIMAL_MAX)
        ? { value: scaled, staticType: 'Decimal' }
        : null;
    }
    return typedReal(d * Number(multiplier), suffix);
  }
  let s = digits;
  let m = multiplier;
  let v: bigint;
  if (format === 'decimal') {
    const neg = s[0] === '-';
    if (s[0] === '-' || s[0] === '+') s = s.slice(1);
    if (!/^[0-9]+$/.test(s)) return null;
    v = neg ? -BigInt(s) : BigInt(s);
  } else {
    const first = s[0]!;
    if (first === '-' || first === '+') {
      if (first === '-') m = -m;
      s = s.slice(1);
    }
    if (s.length === 0) return null;
    if (format === 'binary') {
      if (s.length > 128) return null;
      return { ps7Only: 'binary' };
    }
    if ((suffix & Suffix.Unsigned) === 0) {
      const expected =
        suffix === Suffix.SignedByte
          ? 2
          : suffix === Suffix.Short
            ? 4
            : suffix === Suffix.Long
              ? 16
              : s.length < 16
                ? 8
                : 16;
      if (s.length === expected + 1) s = s.slice(1);
    }
    v = parseHex(s);
    if (s.length === 16 && (suffix === Suffix.None || suffix === Suffix.Unsigned)) suffix |= Suffix.Long;
  }
  return typedInteger(v * m, suffix, format);
}
