// A parse error as each PowerShell console shows it (2.0's `<<<<`, 5.1's `~` under `+`, 7's `Line |` box).
import { visibleText } from '../../errors/visible-text.js';
import type { ParseError } from '../../parser/parse-error.js';
import type { ShellVersion } from '../../spec/shell-version.js';

/** FullyQualifiedErrorId for the parser's common reasons (PowerShell's ParserStrings ids); ParseException otherwise. */
const ERROR_IDS: readonly (readonly [RegExp, string])[] = [
  [/^Missing closing '\}'/, 'MissingEndCurlyBrace'],
  [/^Missing closing '\)' in expression/, 'MissingEndParenthesisInExpression'],
  [/^Missing closing '\)' after expression in 'if' statement/, 'MissingEndParenthesisAfterStatement'],
  [/^Unexpected token/, 'UnexpectedToken'],
  [/^The string is missing the terminator/, 'TerminatorExpectedAtEndOfString'],
  [/^An empty pipe element is not allowed/, 'EmptyPipeElement'],
  [/^You must provide a value expression following/, 'ExpectedValueExpression'],
  [/^Missing expression after/, 'MissingExpressionAfterOperator'],
  [/^Missing '=' operator after key in hash literal/, 'MissingEqualsInHashLiteral'],
];

function errorId(reason: string): string {
  return ERROR_IDS.find(([pattern]) => pattern.test(reason))?.[1] ?? 'ParseException';
}

/** The pad that puts a marker under `column` of `line` once both are made visible (tabs kept). */
function padTo(line: string, column: number): string {
  let pad = '';
  for (const ch of line.slice(0, Math.max(0, column - 1))) {
    pad += ch === '\t' ? '\t' : ' '.repeat([...visibleText(ch)].length);
  }
  return pad;
}

/**
 * The console text of a parse error for `shell` (source line made terminal-safe).
 * @example formatShellParseError(e, '5.1') // 'At line:1 char:10\n+ if ($true\n+          ~\nMissing closing ...'
 */
export function formatShellParseError(e: ParseError, shell: ShellVersion): string {
  const line = e.excerpt.slice(0, e.excerpt.lastIndexOf('\n'));
  const shown = visibleText(line);
  const reason = visibleText(e.reason);
  const id = errorId(e.reason);
  const category =
    '    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n' +
    `    + FullyQualifiedErrorId : ${id}\n`;
  if (shell === '7') {
    const number = String(e.line).padStart(4);
    return `ParserError: \nLine |\n${number} |  ${shown}\n     |  ${padTo(line, e.column)}~\n     | ${reason}\n`;
  }
  if (shell === '2.0') {
    const cut = Math.max(0, e.column - 1);
    const marked = `${visibleText(line.slice(0, cut))} <<<< ${visibleText(line.slice(cut))}`;
    return `${reason}\nAt line:${e.line} char:${e.column}\n+ ${marked}\n${category}`;
  }
  return `At line:${e.line} char:${e.column}\n+ ${shown}\n+ ${padTo(line, e.column)}~\n${reason}\n${category}`;
}
