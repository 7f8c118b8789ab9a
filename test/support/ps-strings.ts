// fast-check generators biased toward what breaks PowerShell quoting.
import fc from 'fast-check';

/** Characters PowerShell's lexer treats specially, plus transport hazards. */
export const HAZARDS: readonly string[] = [
  "'",
  '\u2018',
  '\u2019',
  '\u201A',
  '\u201B', // the five single quotes
  '"',
  '\u201C',
  '\u201D',
  '\u201E',
  '\u201F', // double quotes (U+201F is not one)
  '-',
  '\u2013',
  '\u2014',
  '\u2015',
  '\u2212', // dashes (U+2212 is not one)
  '$',
  '`',
  '#',
  ';',
  '|',
  '&',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '@',
  ',',
  '<',
  '>',
  '%',
  '*',
  '?',
  ' ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  '\u00A0',
  '\u0085',
  '\u2028',
  '\uFEFF',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  'é',
  'ß',
  '中',
  'Ω',
  '--%',
  '--',
  '-Force',
  '$(Remove-Item C:\\)',
  '${x}',
  '$env:PATH',
  '@{a=1}',
  "''",
  '`n',
  '<#',
  '#>',
  '1E5',
  '0x10',
  '2048',
  '$true',
];

/** A string made of hazards and ordinary characters. */
export function psString(maxParts = 12): fc.Arbitrary<string> {
  const part = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...HAZARDS) },
    { weight: 3, arbitrary: fc.string({ maxLength: 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  );
  return fc.array(part, { maxLength: maxParts }).map((parts) => parts.join(''));
}
