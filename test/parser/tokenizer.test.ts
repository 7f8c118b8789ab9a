import { describe, expect, it } from '@jest/globals';
import { Tokenizer, type TokenizerMode } from '../../src/parser/tokenizer.js';
import { SourceText } from '../../src/parser/source-text.js';
import { ParseError } from '../../src/parser/parse-error.js';
import type { Token } from '../../src/parser/token.js';
import { isDash, isDoubleQuote, isSingleQuote, isWhitespace, isNewline } from '../../src/parser/char-traits.js';

function tokenizer(text: string, mode: TokenizerMode = 'command'): Tokenizer {
  const t = new Tokenizer(new SourceText(text), text, 0, text.length, null, true);
  t.mode = mode;
  return t;
}

function tokens(text: string, mode: TokenizerMode = 'command'): Token[] {
  const t = tokenizer(text, mode);
  const out: Token[] = [];
  for (let i = 0; i < 10_000; i++) {
    const tok = t.next();
    if (tok.kind === 'EndOfInput') return out;
    out.push(tok);
  }
  throw new Error('tokenizer did not reach the end');
}

/** `kind:value` for each token. */
function kinds(text: string, mode: TokenizerMode = 'command'): string[] {
  return tokens(text, mode).map((t) => `${t.kind}:${t.value}`);
}

function first(text: string, mode: TokenizerMode = 'command'): Token {
  return tokenizer(text, mode).next();
}

function lexError(text: string, mode: TokenizerMode = 'command'): ParseError {
  try {
    tokens(text, mode);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

describe('character classes (CharTraits.cs)', () => {
  it('knows the five single quotes and four double quotes, and no others', () => {
    expect(['\u0027', '\u2018', '\u2019', '\u201a', '\u201b'].every((c) => isSingleQuote(c.charCodeAt(0)))).toBe(true);
    expect(['\u0022', '\u201c', '\u201d', '\u201e'].every((c) => isDoubleQuote(c.charCodeAt(0)))).toBe(true);
    expect(
      ['\u201f', '\u00ab', '\u00bb', '\uff02', '\uff07', '`'].some(
        (c) => isSingleQuote(c.charCodeAt(0)) || isDoubleQuote(c.charCodeAt(0)),
      ),
    ).toBe(false);
  });

  it('knows the four dashes (not U+2010, U+2011, U+2212)', () => {
    expect(['-', '\u2013', '\u2014', '\u2015'].every((c) => isDash(c.charCodeAt(0)))).toBe(true);
    expect(['\u2010', '\u2011', '\u2212'].some((c) => isDash(c.charCodeAt(0)))).toBe(false);
  });

  it('treats NBSP, NEL and Zs/Zl/Zp as whitespace and only CR/LF as newlines', () => {
    for (const c of [' ', '\t', '\v', '\f', '\u00a0', '\u0085', '\u2028', '\u2029', '\u3000', '\u1680'])
      expect(isWhitespace(c.charCodeAt(0))).toBe(true);
    for (const c of ['\n', '\r', 'a', '\u200b', '\ud800']) expect(isWhitespace(c.charCodeAt(0))).toBe(false);
    expect(isNewline(0x0a) && isNewline(0x0d)).toBe(true);
    expect(isNewline(0x2028) || isNewline(0x85)).toBe(false);
  });
});

describe('command mode', () => {
  it('reads a cmdlet line as a bare word, parameters and arguments', () => {
    expect(
      kinds('Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE'),
    ).toEqual([
      'Generic:Get-ExchangeCertificate',
      'Parameter:Server',
      'Generic:AMS-EXCH01',
      'Parameter:Thumbprint',
      'Generic:225B26D7F8EF0721887213EEF71F87380DE8AEEE',
    ]);
  });

  it('reads parameters with any of the four dashes, and a colon ends the name', () => {
    const ts = tokens('–Server —Force:$false ―P: x -a-b');
    expect(ts.map((t) => [t.kind, t.value, t.text[0], t.usedColon ?? null])).toEqual([
      ['Parameter', 'Server', '\u2013', false],
      ['Parameter', 'Force', '\u2014', true],
      ['Variable', 'false', '$', null],
      ['Parameter', 'P', '\u2015', true],
      ['Identifier', 'x', 'x', null],
      ['Parameter', 'a-b', '-', false],
    ]);
  });

  it('ends a parameter at whitespace, {}();,|&.[ and newlines; a quote turns it into a bare word', () => {
    expect(kinds('-a.b')).toEqual(['Parameter:a', 'Generic:.b']);
    expect(kinds('-a[0]')[0]).toBe('Parameter:a');
    expect(kinds('-a(1)')[0]).toBe('Parameter:a');
    expect(kinds('-a"b c"')).toEqual(['Generic:-ab c']);
  });

  it('ends a bare word only at whitespace, newline, NUL or & ( ) , ; { | }', () => {
    expect(kinds('a#b a>b a=b a:b a!b a[0] a.b a+b')).toEqual([
      'Generic:a#b',
      'Generic:a>b',
      'Generic:a=b',
      'Generic:a:b',
      'Generic:a!b',
      'Generic:a[0]',
      'Generic:a.b',
      'Generic:a+b',
    ]);
    expect(kinds('a&b')).toEqual(['Identifier:a', 'Ampersand:&', 'Identifier:b']);
    expect(kinds('a,b;c|d')).toEqual([
      'Identifier:a',
      'Comma:,',
      'Identifier:b',
      'Semi:;',
      'Identifier:c',
      'Pipe:|',
      'Identifier:d',
    ]);
  });

  it("joins embedded strings to a word: a'b c' is ab c", () => {
    expect(kinds("a'b c'")).toEqual(['Generic:ab c']);
    expect(kinds('a"b c"d')).toEqual(['Generic:ab cd']);
    expect(kinds('x`,y a` b')).toEqual(['Generic:x,y', 'Generic:a b']);
  });

  it('keeps a word holding $ as an expandable bare word with parts', () => {
    const t = first('a$b');
    expect(t.kind).toBe('Generic');
    expect(t.value).toBe('a$b');
    expect(
      t.parts?.map((p) =>
        typeof p === 'string'
          ? p
          : 'kind' in p && p.kind === 'subexpression'
            ? `sub:${p.text}`
            : `var:${(p as Token).value}`,
      ),
    ).toEqual(['a', 'var:b']);
    const sub = first('x$(1)y');
    expect(sub.parts?.length).toBe(3);
  });

  it('starts a new token after a variable only at a terminator, . or [ (the parser then reads member access)', () => {
    expect(kinds('$a.b')).toEqual(['Variable:a', 'Generic:.b']);
    const t = tokenizer('$a.b');
    expect(t.next().kind).toBe('Variable');
    expect(t.memberAccessOperator(true)?.kind).toBe('Dot');
    expect(kinds('$a-b')).toEqual(['Generic:$a-b']);
    expect(kinds('$a$b')).toEqual(['Generic:$a$b']);
  });

  it('turns operators glued to text into bare words', () => {
    expect(kinds('+x =x -')).toEqual(['Generic:+x', 'Generic:=x', 'Minus:-']);
    expect(kinds('-- --% --x')).toEqual(['MinusMinus:--', 'Generic:--%', 'Generic:--x']);
  });

  it('reads keywords only when they stand alone, case-insensitively', () => {
    expect(kinds('If foreach( Else{ if-x')).toEqual([
      'Keyword:if',
      'Keyword:foreach',
      'LParen:(',
      'Keyword:else',
      'LCurly:{',
      'Generic:if-x',
    ]);
  });
});

describe('expression mode', () => {
  it('reads operators (case-insensitive, any dash) instead of parameters', () => {
    expect(kinds('$a -EQ 1 –and !$b', 'expression')).toEqual([
      'Variable:a',
      'Operator:-eq',
      'Number:1',
      'Operator:-and',
      'Exclaim:!',
      'Variable:b',
    ]);
    expect(kinds('1 -ceq 2 -notlike 3 -f 4', 'expression').filter((k) => k.startsWith('Operator'))).toEqual([
      'Operator:-ceq',
      'Operator:-notlike',
      'Operator:-f',
    ]);
  });

  it('reads + - * / % .. = += as operators', () => {
    expect(kinds('1+2-3*4/5%6..7', 'expression').filter((k) => !k.startsWith('Number'))).toEqual([
      'Plus:+',
      'Minus:-',
      'Multiply:*',
      'Divide:/',
      'Rem:%',
      'DotDot:..',
    ]);
    expect(kinds('$x += 1', 'expression')[1]).toBe('PlusEquals:+=');
  });

  it('reads a signed number only when the parser allows it', () => {
    const t = tokenizer('-5', 'expression');
    t.allowSignedNumbers = true;
    expect(t.next().number).toEqual({ value: -5, staticType: 'Int32' });
    expect(kinds('-5', 'expression')).toEqual(['Minus:-', 'Number:5']);
  });
});

describe('numbers', () => {
  const num = (text: string, mode: TokenizerMode = 'command') => {
    const t = first(text, mode);
    return t.kind === 'Number' ? t.number : t.kind;
  };

  it('types decimal, hex, multiplier and suffixed literals as PowerShell does', () => {
    expect(num('2048')).toEqual({ value: 2048, staticType: 'Int32' });
    expect(num('1E5')).toEqual({ value: 100000, staticType: 'Double' });
    expect(num('0x10')).toEqual({ value: 16, staticType: 'Int32' });
    expect(num('1kb')).toEqual({ value: 1024, staticType: 'Int32' });
    expect(num('1KB')).toEqual({ value: 1024, staticType: 'Int32' });
    expect(num('1.5mb')).toEqual({ value: 1.5 * 1024 * 1024, staticType: 'Double' });
    expect(num('1234D')).toEqual({ value: 1234, staticType: 'Decimal' });
    expect(num('5l')).toEqual({ value: 5, staticType: 'Int64' });
    expect(num('1pb')).toEqual({ value: 1024 ** 5, staticType: 'Int64' });
    expect(num('.5')).toEqual({ value: 0.5, staticType: 'Double' });
    expect(num('99999999999')).toEqual({ value: 99999999999, staticType: 'Int64' });
    expect(num('99999999999999999999')).toEqual({ value: 1e20, staticType: 'Decimal' });
    expect(num('0xFFFFFFFF')).toEqual({ value: -1, staticType: 'Int32' });
  });

  it('makes a word that is not completely a number a bare word', () => {
    expect(num('225B26D7F8EF0721887213EEF71F87380DE8AEEE')).toBe('Generic');
    expect(num('12abc')).toBe('Generic');
    expect(num('1.2.3')).toBe('Generic');
    expect(num('1..5')).toBe('Generic');
    expect(num('1k')).toBe('Generic');
    expect(num('0x11111111111111111')).toBe('Generic');
  });

  it('ends a number at an operator in expression mode', () => {
    expect(kinds('1..5', 'expression')).toEqual(['Number:1', 'DotDot:..', 'Number:5']);
    expect(kinds('2+3', 'expression')).toEqual(['Number:2', 'Plus:+', 'Number:3']);
  });

  it('rejects an out-of-range literal in expression mode', () => {
    expect(lexError('0x11111111111111111', 'expression').reason).toMatch(
      /numeric constant 0x11111111111111111 is not valid/,
    );
  });

  it('rejects literals whose meaning differs between Windows PowerShell 5.1 and PowerShell 7', () => {
    expect(lexError('5u').reason).toMatch(/UInt32 number in PowerShell 7 but a bare word in Windows PowerShell 5\.1/);
    expect(lexError('0b101').reason).toMatch(/binary number/);
    expect(lexError('10s').reason).toMatch(/Int16/);
  });
});

describe('strings', () => {
  it('ends a single-quoted string at any single quote; a doubled quote yields the second', () => {
    expect(first('‘Pass1word’').value).toBe('Pass1word');
    expect(first("'it’’s'").value).toBe('it’s');
    expect(first("'a''b'").value).toBe("a'b");
    expect(first("'`n$x\"#\r\n\0'").value).toBe('`n$x"#\r\n\0');
  });

  it('processes backtick escapes and doubled quotes in double-quoted strings', () => {
    expect(first('"`0`a`b`f`n`r`t`v`e`q`$"').value).toBe('\0\x07\b\f\n\r\t\v\x1bq$');
    expect(first('"`u{41}`u{1F600}"').value).toBe('A\u{1F600}');
    expect(first('“a""b”').value).toBe('a"b');
    expect(first('"US$5"').parts?.length).toBe(2);
    expect(first('"a $ b$"').parts).toBeUndefined();
  });

  it('reads here-strings: header, content lines, footer at column 0, final newline dropped', () => {
    expect(first("@'\r\nline1\r\nline2\r\n'@")).toMatchObject({ kind: 'HereStringLiteral', value: 'line1\r\nline2' });
    expect(first("@'  \n  '@\n'@").value).toBe("  '@");
    expect(first('@"\n$x `t\n"@')).toMatchObject({ kind: 'HereStringExpandable', value: '$x \t' });
    expect(first("@'\n'@").value).toBe('');
  });

  it('reports unterminated strings at the opening quote, as incomplete input', () => {
    const e = lexError("Get-X 'abc");
    expect([e.line, e.column, e.incompleteInput]).toEqual([1, 7, true]);
    expect(e.reason).toBe("The string is missing the terminator: '.");
    expect(lexError('"abc').incompleteInput).toBe(true);
    expect(lexError("@'\nabc").reason).toBe("The string is missing the terminator: '@.");
    expect(lexError("@'\nabc\n '@").reason).toBe('White space is not allowed before the string terminator.');
    expect(lexError("@' x\n'@").reason).toMatch(/No characters are allowed after a here-string header/);
  });

  it('rejects bad unicode escapes', () => {
    expect(lexError('"`u"').column).toBe(2);
    expect(lexError('"`u{110000}"').reason).toMatch(/out of range/);
    expect(lexError('"`u{1234567}"').reason).toMatch(/more than the maximum of six/);
  });
});

describe('comments, newlines and continuation', () => {
  it('skips # comments and <# #> block comments (first #> ends them)', () => {
    expect(kinds('a # b\nc <# x #> d <# <# #> e')).toEqual([
      'Identifier:a',
      'NewLine:\n',
      'Identifier:c',
      'Identifier:d',
      'Identifier:e',
    ]);
  });

  it('reads CR, LF and CRLF as one newline each', () => {
    expect(
      tokens('a\rb\nc\r\nd')
        .filter((t) => t.kind === 'NewLine')
        .map((t) => t.text),
    ).toEqual(['\r', '\n', '\r\n']);
  });

  it('treats a backtick before a newline as whitespace, and backtick-space as an escaped space', () => {
    expect(kinds('a `\r\n b')).toEqual(['Identifier:a', 'Identifier:b']);
    expect(kinds('a ` \nb')).toEqual(['Identifier:a', 'NewLine:\n', 'Identifier:b']);
  });

  it('ends the script at the signature block', () => {
    expect(kinds('a\n# SIG # Begin signature block\n# MIIx\n# SIG # End signature block\n')).toEqual([
      'Identifier:a',
      'NewLine:\n',
    ]);
    expect(lexError('a\n# SIG # Begin signature block\nb').reason).toBe(
      'Executable script code found in signature block.',
    );
  });
});

describe('variables', () => {
  it('reads plain, braced, scoped, drive and special variables', () => {
    expect(kinds('$x ${a b} $env:PATH $global:g $_ $? $$ $^ @splat', 'expression')).toEqual([
      'Variable:x',
      'Variable:a b',
      'Variable:env:PATH',
      'Variable:global:g',
      'Variable:_',
      'Variable:?',
      'Variable:$',
      'Variable:^',
      'SplattedVariable:splat',
    ]);
  });

  it('rejects a drive or scope with no name', () => {
    expect(lexError('"$a:"').reason).toMatch(/':' was not followed by a valid variable name character/);
    expect(lexError('${}').reason).toMatch(/empty \$\{\} variable reference/);
    expect(lexError('${a').incompleteInput).toBe(true);
  });
});
