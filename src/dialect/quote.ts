// String literals that round-trip every UTF-16 string (POWERSHELL-LEXICAL.md section 4).
import { needsAsciiSafe, quoteAscii } from '../idiom/ascii-safe-string.js';

const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/**
 * Mode S: `'...'` with each of the five single-quote characters doubled. Exact on 2.0, 5.1 and 7.
 * @example quoteSingle("O’Brien's") // "'O’’Brien''s'"
 */
export function quoteSingle(value: string): string {
  return `'${value.replace(SINGLE_QUOTES, (q) => q + q)}'`;
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
