// Character classes of PowerShell's tokenizer (CharTraits.cs), on UTF-16 code units.

const IDENT_START = 0x2;
const MULTIPLIER = 0x4;
const TYPE_SUFFIX = 0x8;
const WHITESPACE = 0x10;
const NEWLINE = 0x20;
const HEX = 0x40;
const DIGIT = 0x80;
const VAR_FIRST = 0x100;
const FORCE_NEW = 0x200;
const FORCE_NEW_AFTER_NUMBER = 0x800;

const TRAITS = new Uint16Array(128);
(() => {
  TRAITS[0] = FORCE_NEW;
  TRAITS[0x09] = WHITESPACE | FORCE_NEW;
  TRAITS[0x0a] = NEWLINE | FORCE_NEW;
  TRAITS[0x0b] = WHITESPACE | FORCE_NEW;
  TRAITS[0x0c] = WHITESPACE | FORCE_NEW;
  TRAITS[0x0d] = NEWLINE | FORCE_NEW;
  TRAITS[0x20] = WHITESPACE | FORCE_NEW;
  for (const ch of '!#%*+-./<=>]') TRAITS[ch.charCodeAt(0)] |= FORCE_NEW_AFTER_NUMBER;
  for (const ch of '&(),;{|}') TRAITS[ch.charCodeAt(0)] |= FORCE_NEW;
  for (const ch of '$:?^') TRAITS[ch.charCodeAt(0)] |= VAR_FIRST;
  for (let c = 0x30; c <= 0x39; c++) TRAITS[c] |= DIGIT | HEX | VAR_FIRST;
  for (let c = 0x41; c <= 0x5a; c++) {
    TRAITS[c] |= IDENT_START | VAR_FIRST;
    TRAITS[c + 0x20] |= IDENT_START | VAR_FIRST;
  }
  TRAITS[0x5f] |= IDENT_START | VAR_FIRST;
  for (const ch of 'abcdefABCDEF') TRAITS[ch.charCodeAt(0)] |= HEX;
  for (const ch of 'kmgtpKMGTP') TRAITS[ch.charCodeAt(0)] |= MULTIPLIER;
  for (const ch of 'dlnsuyDLNSUY') TRAITS[ch.charCodeAt(0)] |= TYPE_SUFFIX;
})();

const SEPARATOR = /^[\p{Zs}\p{Zl}\p{Zp}]$/u;
const LETTER = /^\p{L}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
const DIGIT_ANY = /^\p{Nd}$/u;
const DOTNET_WHITESPACE = /^[\p{Zs}\p{Zl}\p{Zp}\t\n\v\f\r\u0085\u00a0]$/u;

/** True for U+0027 and the smart single quotes U+2018, U+2019, U+201A, U+201B. */
export function isSingleQuote(c: number): boolean {
  return c === 0x27 || (c >= 0x2018 && c <= 0x201b);
}

/** True for U+0022 and the smart double quotes U+201C, U+201D, U+201E. */
export function isDoubleQuote(c: number): boolean {
  return c === 0x22 || (c >= 0x201c && c <= 0x201e);
}

/** True for the hyphen-minus and U+2013, U+2014, U+2015. */
export function isDash(c: number): boolean {
  return c === 0x2d || (c >= 0x2013 && c <= 0x2015);
}

/** True for PowerShell whitespace (not newlines): SP, TAB, VT, FF, NBSP, NEL and any Zs/Zl/Zp character. */
export function isWhitespace(c: number): boolean {
  if (c < 128) return c >= 0 && (TRAITS[c]! & WHITESPACE) !== 0;
  if (c <= 256) return c === 0xa0 || c === 0x85;
  return SEPARATOR.test(String.fromCharCode(c));
}

/** True for CR and LF, the only newline characters. */
export function isNewline(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/** .NET `char.IsWhiteSpace` (used after a backtick): whitespace, newlines, NEL and separators. */
export function isDotNetWhiteSpace(c: number): boolean {
  if (c < 0) return false;
  if (c < 128) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return DOTNET_WHITESPACE.test(String.fromCharCode(c));
}

/** True when the character ends a word in any mode: whitespace, newline, NUL or one of `{}();,|&`. */
export function forceStartNewToken(c: number): boolean {
  if (c < 128) return c >= 0 && (TRAITS[c]! & FORCE_NEW) !== 0;
  return isWhitespace(c);
}

/** True when the character ends a number in expression mode (operators, `]`, and the dashes). */
export function forceStartNewTokenAfterNumber(c: number): boolean {
  if (c < 128) return c >= 0 && (TRAITS[c]! & FORCE_NEW_AFTER_NUMBER) !== 0;
  return isDash(c);
}

/** True when the character can start an unbraced variable name after `$` or `@`. */
export function isVariableStart(c: number): boolean {
  if (c < 128) return c >= 0 && (TRAITS[c]! & VAR_FIRST) !== 0;
  return isLetterOrDigit(c);
}

/** True when the character can start an identifier (ASCII letter, `_`, or any Unicode letter). */
export function isIdentifierStart(c: number): boolean {
  if (c < 128) return c >= 0 && (TRAITS[c]! & IDENT_START) !== 0;
  return isLetter(c);
}

/** True when the character can continue an identifier (letters, digits, `_`). */
export function isIdentifierFollow(c: number): boolean {
  if (c < 128) return c >= 0 && (TRAITS[c]! & (IDENT_START | DIGIT)) !== 0;
  return isLetterOrDigit(c);
}

/** True for ASCII hexadecimal digits. */
export function isHexDigit(c: number): boolean {
  return c >= 0 && c < 128 && (TRAITS[c]! & HEX) !== 0;
}

/** True for ASCII decimal digits. */
export function isDecimalDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** True for the number type-suffix letters (`d l n s u y`, either case). */
export function isTypeSuffix(c: number): boolean {
  return c >= 0 && c < 128 && (TRAITS[c]! & TYPE_SUFFIX) !== 0;
}

/** True for the first letter of a multiplier (`k m g t p`, either case). */
export function isMultiplierStart(c: number): boolean {
  return c >= 0 && c < 128 && (TRAITS[c]! & MULTIPLIER) !== 0;
}

/** .NET `char.IsLetter` on one UTF-16 code unit (lone surrogates are not letters). */
export function isLetter(c: number): boolean {
  if (c < 128) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return LETTER.test(String.fromCharCode(c));
}

/** .NET `char.IsLetterOrDigit` on one UTF-16 code unit. */
export function isLetterOrDigit(c: number): boolean {
  if (c < 128) return isLetter(c) || isDecimalDigit(c);
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

/** .NET `char.IsDigit` (any Unicode decimal digit) on one UTF-16 code unit. */
export function isDigit(c: number): boolean {
  if (c < 128) return isDecimalDigit(c);
  return DIGIT_ANY.test(String.fromCharCode(c));
}
