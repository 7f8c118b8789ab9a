import type { ErrorRecord, RunResult, StatementResult } from '../backend/backend.js';
import { BINDING_ERROR_IDS } from '../errors/binding-error.js';
import { formatForHost } from '../format/format-output.js';
import type { ShellVersion } from '../spec/shell-version.js';
import { jsonReplacer } from './json-value.js';
import { visibleText } from '../errors/visible-text.js';

const BINDING_IDS = new Set<string>(BINDING_ERROR_IDS);

/** The exception type CategoryInfo names: the record's own, else what its FullyQualifiedErrorId implies. */
export function exceptionTypeOf(e: ErrorRecord): string {
  if (e.exceptionType) return e.exceptionType;
  const failure = /\[FailureCategory=Cmdlet-(\w+)\]/.exec(e.fullyQualifiedErrorId);
  if (failure) return failure[1]!;
  if (BINDING_IDS.has(e.errorId)) return 'ParameterBindingException';
  if (e.errorId === 'CommandNotFoundException') return 'CommandNotFoundException';
  if (e.fullyQualifiedErrorId.includes('SystemConfigurationTasks')) return 'InvalidOperationException';
  return e.errorId;
}

/** The statement an error happened in: its text as shown (secrets redacted) and the line it starts on. */
export interface ErrorSource {
  readonly text: string;
  readonly line: number;
}

/** Length of the command starting at `start` on `line`: up to a `|` or `;` or a closing bracket outside it. */
function commandLength(line: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  let end = line.length;
  for (let i = start; i < line.length; i++) {
    const ch = line[i]!;
    if (quote !== null) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if (ch === ')' || ch === '}' || ch === ']') {
      if (depth === 0) {
        end = i;
        break;
      }
      depth--;
    } else if ((ch === '|' || ch === ';') && depth === 0) {
      end = i;
      break;
    }
  }
  return Math.max(1, line.slice(start, end).trimEnd().length);
}

/** `+ <source line>` and `+ ~~~` under the failing command, as the console's position message shows them. */
function positionLines(e: ErrorRecord, source: ErrorSource | undefined): string {
  if (!source || e.line === null) return '';
  const line = source.text.split(/\r?\n/)[e.line - source.line];
  if (line === undefined) return '';
  const start = Math.max(0, (e.column ?? 1) - 1);
  if (start >= line.length) return '';
  const pad = line.slice(0, start).replace(/[^\t]/g, ' ');
  return `+ ${visibleText(line)}\n+ ${pad}${'~'.repeat(commandLength(line, start))}\n`;
}

/** An error record the way a Windows PowerShell console shows it (with the source line and marker when `source` is given). */
export function formatErrorRecord(e: ErrorRecord, source?: ErrorSource): string {
  const at = e.line !== null ? `At line:${e.line} char:${e.column ?? 1}\n${positionLines(e, source)}` : '';
  return `${e.command ? `${e.command} : ` : ''}${e.message}\n${at}    + CategoryInfo          : ${e.category}: (:) [${e.command ?? ''}], ${exceptionTypeOf(e)}\n    + FullyQualifiedErrorId : ${e.fullyQualifiedErrorId}\n`;
}

type PrintIo = { stdout: { write(t: string): void }; stderr: { write(t: string): void } };

/** Writes a run's output and errors as a console would; `echo` also shows each statement before its result. */
export function printRunResult(
  result: RunResult,
  shell: ShellVersion,
  io: PrintIo,
  options: { echo?: boolean } = {},
): void {
  for (const s of result.statements) {
    if (options.echo) printEcho(s.text, io);
    printStatementResult(s, shell, io);
  }
  printLooseErrors(result, io);
}

/** The `--echo` line shown before a statement runs. */
export function printEcho(text: string, io: PrintIo): void {
  io.stdout.write(`[PS] C:\\Windows\\system32> ${visibleText(text)}\n`);
}

/** Writes one statement's warnings, output and errors (what printRunResult does per statement, for streaming). */
export function printStatementResult(s: StatementResult, shell: ShellVersion, io: PrintIo): void {
  for (const w of s.warnings) io.stdout.write(`WARNING: ${w}\n`);
  if (s.output.length > 0) {
    const text = formatForHost(s.output, shell);
    io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
  for (const e of s.errors) io.stderr.write(formatErrorRecord(e, s));
}

/** Writes the errors that belong to no statement (a parse error, a construct the interpreter does not run). */
export function printLooseErrors(result: Pick<RunResult, 'statements' | 'errors'>, io: PrintIo): void {
  const shown = new Set(result.statements.flatMap((s) => s.errors));
  for (const e of result.errors) if (!shown.has(e)) io.stderr.write(formatErrorRecord(e));
}

/** The one JSON document `--json` prints: every output object and every error record with its statement's line. */
export function runResultJson(result: RunResult): string {
  return JSON.stringify(
    {
      ok: result.ok,
      backend: result.backend,
      target: result.target,
      statements: result.statements.map((s) => ({
        line: s.line,
        text: s.text,
        output: s.output,
        errors: s.errors,
        warnings: s.warnings,
      })),
      output: result.output,
      errors: result.errors,
    },
    jsonReplacer(false),
    2,
  );
}
