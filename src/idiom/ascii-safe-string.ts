// The ASCII-safe string idiom (Mode A): a double-quoted string whose every character outside U+0020-U+007E is
// `$([char]0xHHHH)`, so it survives any transport; how it is written and how its escapes are read back.
import type { ExpressionAst } from '../ast/ast.js';
import { unwrapExpression } from './unwrap-expression.js';

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

/** The character a parsed Mode A escape `$([char]0x41)` stands for ('A'), else null. */
export function escapedChar(e: ExpressionAst): string | null {
  const inner = unwrapExpression(e);
  if (inner.type === 'ConvertExpressionAst' && /^(system\.)?char$/i.test(inner.typeConstraint.typeName)) {
    const c = unwrapExpression(inner.child);
    if (c.type === 'ConstantExpressionAst' && Number.isInteger(c.value) && c.value >= 0 && c.value <= 0xffff) {
      return String.fromCharCode(c.value);
    }
  }
  return null;
}
