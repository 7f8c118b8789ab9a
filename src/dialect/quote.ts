// String literals that round-trip every UTF-16 string (POWERSHELL-LEXICAL.md section 4).

const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/**
 * Mode S: `'...'` with each of the five single-quote characters doubled. Exact on 2.0, 5.1 and 7.
 * @example quoteSingle("O’Brien's") // "'O’’Brien''s'"
 */
export function quoteSingle(value: string): string {
  return `'${value.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}

/**
 * Mode A: an ASCII-only double-quoted string; every character outside U+0020-U+007E is `$([char]0xHHHH)`.
 * @example quoteAscii('a\nb') // '"a$([char]0x000A)b"'
 */
export function quoteAscii(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x60 || code === 0x24 || code === 0x22) out += '`' + value[i];
    else if (code >= 0x20 && code <= 0x7e) out += value[i];
    else out += `$([char]0x${code.toString(16).toUpperCase().padStart(4, '0')})`;
  }
  return out + '"';
}

/**
 * True when Mode S would not survive a UTF-8, line-oriented transport: lone surrogates, control characters
 * other than TAB, and the Unicode line/paragraph separators.
 */
export function needsAsciiSafe(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 ? code !== 0x09 : code === 0x7f || code === 0x85 || code === 0x2028 || code === 0x2029) return true;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}

/** How string literals are written: `literal` (Mode S, falling back to A when needed) or `ascii` (always Mode A). */
export type QuoteStyle = 'literal' | 'ascii';

/** Renders a string literal in the chosen style; Mode A is used automatically when Mode S is unsafe. */
export function quoteString(value: string, style: QuoteStyle = 'literal'): string {
  return style === 'ascii' || needsAsciiSafe(value) ? quoteAscii(value) : quoteSingle(value);
}

/** True when the rendered literal is a constant (Mode S) rather than an evaluated expression (Mode A). */
export function isConstantLiteral(rendered: string): boolean {
  return rendered.startsWith("'");
}
