import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parse } from '../../src/parser/parser.js';
import { ParseError } from '../../src/parser/parse-error.js';
import type { Extent } from '../../src/ast/ast.js';

const SEED_LINES = [
  '$RequestData = New-ExchangeCertificate -GenerateRequest -Server AMS-EXCH01 -SubjectName "c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl" -DomainName webmail.exchangefun.nl, autodiscover.exchangefun.nl -PrivateKeyExportable $true',
  'Set-Content -path "C:\\install\\ssl-request.req" -value $RequestData',
  '$Data = [Byte[]]$(Get-Content -Path "c:\\install\\webmail_exchangefun_nl.cer" -Encoding byte -ReadCount 0)',
  'Import-ExchangeCertificate -Server AMS-EXCH01 -FileData $Data',
  'Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE | Enable-ExchangeCertificate -Server AMS-EXCH01 -Services IIS',
  'Export-ExchangeCertificate -Thumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE -FileName "C:\\Install\\webmail_exchangefun_nl.pfx" -BinaryEncoded -Password (ConvertTo-SecureString -String \'Pass1word\' -AsPlainText -Force)',
  "Import-ExchangeCertificate -Server RESEXCH01 -FileData ([Byte[]]$(Get-Content -Path c:\\install\\webmail_exchangefun_nl.pfx -Encoding byte -ReadCount 0)) -Password (ConvertTo-SecureString -String 'Pass1word' -AsPlainText -Force)",
  "if ($c.Services -like '*IIS*') { Write-Host \"ok $($c.Thumbprint)\" } elseif ($x) { } else { throw 'no' }",
  'foreach ($c in Get-ExchangeCertificate | ? { $_.NotAfter -gt (Get-Date) }) { $c.Thumbprint }',
  "try { [System.IO.File]::WriteAllBytes('c:\\o.pfx', $b) } catch [System.IO.IOException] { $_ } finally { 'done' }",
  '$p = @{ Server = \'A\'; Force = $true }\nNew-X @p -Services IIS, SMTP `\n  -Verbose:$false --% /x "y"',
  '$h = @\'\nline $x\n\'@ + @"\n`t$y\n"@ # comment <# block #>',
];

const SINGLE_QUOTES = ["'", '\u2018', '\u2019', '\u201a', '\u201b'];
const DOUBLE_QUOTES = ['"', '\u201c', '\u201d', '\u201e'];
const DASHES = ['-', '\u2013', '\u2014', '\u2015'];
const PUNCTUATION = [
  '$',
  '`',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '@',
  ',',
  ';',
  '|',
  '&',
  '#',
  '<',
  '>',
  '.',
  ':',
  '=',
  '+',
  '*',
  '!',
  '?',
  '%',
];
const CONTROL = ['\r', '\n', '\r\n', '\0', '\t', '\u00a0', '\u2028'];
const SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00'];
const WORDS = [
  'a',
  'Z',
  'x1',
  '_',
  'Get-X',
  '-P',
  '-P:',
  'if',
  'else',
  'foreach',
  'in',
  'try',
  'catch',
  'finally',
  'throw',
  '-eq',
  '-not',
  '$x',
  '$_',
  '@(',
  '$(',
  '@{',
  '--%',
  '--',
  '[int]',
  '0x1',
  '1kb',
  '1E5',
  '1234D',
  "@'\n",
  "\n'@",
  '@"\n',
  '\n"@',
  '<#',
  '#>',
];

const atom = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SINGLE_QUOTES, ...DOUBLE_QUOTES) },
  { weight: 2, arbitrary: fc.constantFrom(...DASHES) },
  { weight: 5, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROL) },
  { weight: 1, arbitrary: fc.constantFrom(...SURROGATES) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom('a', 'b', 'z', 'A', 'Q', 'é', 'ж', '0', '1', '9', ' ', ' ', '  ') },
);

const randomText = fc.array(atom, { maxLength: 40 }).map((parts) => parts.join(''));

const edit = fc.record({ op: fc.constantFrom('insert', 'delete', 'replace'), at: fc.nat(), text: atom });
const mutatedSeed = fc
  .tuple(fc.constantFrom(...SEED_LINES), fc.array(edit, { minLength: 1, maxLength: 6 }))
  .map(([line, edits]) => {
    let s = line;
    for (const e of edits) {
      const at = e.at % (s.length + 1);
      if (e.op === 'insert') s = s.slice(0, at) + e.text + s.slice(at);
      else if (e.op === 'delete') s = s.slice(0, at) + s.slice(at + 1);
      else s = s.slice(0, at) + e.text + s.slice(at + 1);
    }
    return s;
  });

/** Every extent must point at its own text with consistent 1-based positions. */
function checkExtents(root: unknown, text: string): void {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\r' || c === '\n') lineStarts.push(i + 1);
  }
  const position = (offset: number): [number, number] => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
    return [line + 1, offset - lineStarts[line]! + 1];
  };
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const n = node as Record<string, unknown>;
    if ('extent' in n) {
      const x = n.extent as Extent;
      const [sl, sc] = position(x.startOffset);
      const [el, ec] = position(x.endOffset);
      if (
        x.text !== text.slice(x.startOffset, x.endOffset) ||
        x.startLine !== sl ||
        x.startColumn !== sc ||
        x.endLine !== el ||
        x.endColumn !== ec
      ) {
        throw new Error(`bad extent ${JSON.stringify(x)} in ${JSON.stringify(text)}`);
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'extent') stack.push(v);
  }
}

/** Parses, insisting on a ParseError (never an internal one) or an AST with sound extents, quickly. */
function parseOrParseError(text: string): void {
  const start = performance.now();
  try {
    const ast = parse(text);
    checkExtents(ast, text);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    if (
      e.reason.startsWith('Internal parser error') ||
      e.line < 1 ||
      e.column < 1 ||
      e.offset < 0 ||
      e.offset > text.length
    ) {
      throw new Error(`bad ParseError ${e.line}:${e.column}@${e.offset} ${e.reason} for ${JSON.stringify(text)}`, {
        cause: e,
      });
    }
  }
  const ms = performance.now() - start;
  if (ms > 250) throw new Error(`parsing took ${ms.toFixed(0)} ms for ${JSON.stringify(text)}`);
}

describe('parser fuzzing', () => {
  it('returns an AST or throws ParseError for 10,000 random PowerShell-flavoured inputs', () => {
    fc.assert(
      fc.property(randomText, (text) => parseOrParseError(text)),
      { numRuns: 10_000, seed: 20250101 },
    );
  });

  it('returns an AST or throws ParseError for 10,000 mutations of the seed runbook lines', () => {
    fc.assert(
      fc.property(mutatedSeed, (text) => parseOrParseError(text)),
      { numRuns: 10_000, seed: 424242 },
    );
  });

  it('returns an AST or throws ParseError for unseeded random inputs too', () => {
    fc.assert(
      fc.property(fc.oneof(randomText, mutatedSeed, fc.string({ unit: 'binary', maxLength: 60 })), (text) =>
        parseOrParseError(text),
      ),
      { numRuns: 2_000 },
    );
  });

  it('gives a ParseError, not a stack overflow, for 100,000 nested parentheses', () => {
    let err: unknown;
    try {
      parse('('.repeat(100_000));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParseError);
  });
});
