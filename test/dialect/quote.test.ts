import { describe, expect, it } from '@jest/globals';
import { isWellFormed } from '../support/well-formed.js';
import { needsAsciiSafe, quoteAscii } from '../../src/idiom/ascii-safe-string.js';
import { quoteSingle, quoteString } from '../../src/dialect/quote.js';

describe('quoteSingle (Mode S)', () => {
  it('doubles all five single-quote characters and nothing else', () => {
    expect(quoteSingle("a'b")).toBe("'a''b'");
    expect(quoteSingle('‘x’‚y‛')).toBe("'‘‘x’’‚‚y‛‛'");
    expect(quoteSingle('$(x) `n "q" #c')).toBe('\'$(x) `n "q" #c\'');
  });
  it('quotes the empty string', () => expect(quoteSingle('')).toBe("''"));
});

describe('quoteAscii (Mode A)', () => {
  it('escapes backtick, dollar and double quote with a backtick', () => {
    expect(quoteAscii('`$"')).toBe('"```$`""');
  });
  it('writes every character outside printable ASCII as a [char] subexpression, one per code unit', () => {
    expect(quoteAscii('é\n')).toBe('"$([char]0x00E9)$([char]0x000A)"');
    expect(quoteAscii('😀')).toBe('"$([char]0xD83D)$([char]0xDE00)"');
    expect(quoteAscii('“')).toBe('"$([char]0x201C)"');
  });
  it('never produces non-ASCII output or a backtick before a letter', () => {
    const out = quoteAscii('a`b\u0000c\u2028\ud800');
    expect(/^[\x20-\x7e]*$/.test(out)).toBe(true);
    expect(/(^|[^`])(``)*`[A-Za-z]/.test(out)).toBe(false);
  });
});

describe('automatic Mode A', () => {
  it.each([
    ['lone high surrogate', 'a\ud800b', true],
    ['lone low surrogate', '\udc00', true],
    ['surrogate pair', '😀', false],
    ['newline', 'a\nb', true],
    ['NUL', '\u0000', true],
    ['tab', 'a\tb', false],
    ['line separator', '\u2028', true],
    ['smart quotes', '“’', false],
  ])('%s', (_name, value, expected) => {
    expect(needsAsciiSafe(value)).toBe(expected);
    expect(quoteString(value).startsWith('"')).toBe(expected);
  });
  it('ascii style always uses Mode A', () => expect(quoteString('plain', 'ascii')).toBe('"plain"'));
  it('renders well-formed Unicode for any input', () => {
    for (const v of ['\ud800', '\udfff\ud800', 'x\ud83d']) expect(isWellFormed(quoteString(v))).toBe(true);
  });
});
