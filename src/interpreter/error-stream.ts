// The error stream of a session: `$Error`, the current statement's sink, ErrorAction/WarningAction handling.
import type { BindingError } from '../errors/binding-error.js';
import { BINDING_ERROR_IDS } from '../errors/binding-error.js';
import type { Extent } from '../ast/ast.js';
import { ParseError } from '../parser/parse-error.js';
import { PsErrorRecord, PsTerminatingError, errorRecord } from '../runtime/ps-error-record.js';
import type { RuntimeFailure } from '../runtime/runtime-failure.js';
import { markArrayList, toStr } from '../runtime/ps-values.js';
import { ACTION_PREFERENCES } from '../spec/ps-type.js';
import type { ErrorRecord } from '../spec/output/run-result.js';
import type { CommandErrorFields } from './command-context.js';
import { UnsupportedConstructError } from './unsupported-construct.js';

/** Where a top-level statement's errors and warnings go while it runs. */
export interface Sink {
  readonly errors: ErrorRecord[];
  readonly warnings: string[];
}

const BINDING_IDS = new Set<string>(BINDING_ERROR_IDS);

/** The record for a parse error or an unsupported construct (null for anything else). */
export function refusalRecord(e: unknown): ErrorRecord | null {
  if (e instanceof UnsupportedConstructError) {
    return errorRecord({
      message: e.message,
      category: 'NotImplemented',
      errorId: 'UnsupportedConstruct',
      command: null,
      terminating: true,
      line: e.line,
      column: e.column,
    });
  }
  if (e instanceof ParseError) {
    return errorRecord({
      message: e.reason,
      category: 'ParserError',
      errorId: 'ParseException',
      command: null,
      terminating: true,
      line: e.line,
      column: e.column,
    });
  }
  return null;
}

/** The record for a failure of the interpreter itself. */
export function internalRecord(e: unknown, extent: Extent): ErrorRecord {
  const message = e instanceof Error ? e.message : String(e);
  return errorRecord({
    message: `The runbook interpreter failed: ${message}`,
    category: 'NotSpecified',
    errorId: 'InterpreterFailure',
    command: null,
    terminating: true,
    line: extent.startLine,
    column: extent.startColumn,
  });
}

/** The .NET exception type of an error record the simulated Exchange wrote. */
export function exchangeExceptionType(rec: ErrorRecord): string {
  return BINDING_IDS.has(rec.errorId)
    ? 'System.Management.Automation.ParameterBindingException'
    : 'System.InvalidOperationException';
}

/** `$Error`, the statement sink and the rules for writing and raising errors. */
export class ErrorStream {
  /** `$Error`: newest first, at most 256. */
  readonly list: unknown[] = markArrayList([]);
  sink: Sink = { errors: [], warnings: [] };
  /** Non-terminating errors written so far (for `$?`). */
  written = 0;
  readonly #preferenceVariable: (name: string, globalOnly: boolean) => unknown;

  constructor(preferenceVariable: (name: string, globalOnly: boolean) => unknown) {
    this.#preferenceVariable = preferenceVariable;
  }

  /** Adds a record to `$Error` (once). */
  add(e: PsErrorRecord): void {
    if (this.list[0] === e) return;
    this.list.unshift(e);
    if (this.list.length > 256) this.list.length = 256;
  }

  /** Raises a terminating error located at `extent`. */
  raise(
    fields: CommandErrorFields & { command: string | null },
    extent: Extent | null,
    scope: 'statement' | 'script',
  ): never {
    const rec = errorRecord({
      message: fields.message,
      category: fields.category,
      errorId: fields.errorId,
      command: fields.command,
      terminating: true,
      line: extent?.startLine ?? null,
      column: extent?.startColumn ?? null,
      ...(fields.fullyQualifiedErrorId !== undefined ? { fullyQualifiedErrorId: fields.fullyQualifiedErrorId } : {}),
      ...(fields.targetObject !== undefined ? { targetObject: fields.targetObject } : {}),
    });
    const err = new PsErrorRecord(rec, fields.exceptionType ?? 'System.Management.Automation.RuntimeException');
    this.add(err);
    throw new PsTerminatingError(err, scope);
  }

  /** A RuntimeFailure as the statement-terminating error it is. */
  fromFailure(f: RuntimeFailure, extent: Extent): PsTerminatingError {
    try {
      this.raise(
        {
          message: f.message,
          category: f.category,
          errorId: f.errorId,
          exceptionType: f.exceptionType,
          command: f.command,
          ...(f.targetObject !== undefined ? { targetObject: f.targetObject } : {}),
        },
        extent,
        'statement',
      );
    } catch (e) {
      return e as PsTerminatingError;
    }
  }

  /** A binding error as PowerShell raises it (statement-terminating ParameterBindingException). */
  fromBinding(e: BindingError, extent: Extent): never {
    return this.raise(
      {
        message: e.powershellMessage,
        category: 'InvalidArgument',
        errorId: e.errorId,
        fullyQualifiedErrorId: e.fullyQualifiedErrorId,
        command: e.cmdlet,
        exceptionType: 'System.Management.Automation.ParameterBindingException',
      },
      extent,
      'statement',
    );
  }

  /** Writes a non-terminating error under an ErrorAction. */
  write(rec: ErrorRecord, exceptionType: string, action: string, collector: PsErrorRecord[]): void {
    const err = new PsErrorRecord(rec, exceptionType);
    collector.push(err);
    this.written++;
    switch (action) {
      case 'Stop': {
        const stopped = new PsErrorRecord(Object.freeze({ ...rec, terminating: true }), exceptionType);
        this.add(stopped);
        throw new PsTerminatingError(stopped, 'script');
      }
      case 'Ignore':
        return;
      case 'SilentlyContinue':
        this.add(err);
        return;
      default:
        this.add(err);
        this.sink.errors.push(rec);
    }
  }

  /** Writes a warning under a WarningAction. */
  warn(text: string, action: string, collector: string[], extent: Extent): void {
    collector.push(text);
    switch (action) {
      case 'Stop':
        this.raise(
          {
            message: `The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: ${text}`,
            category: 'OperationStopped',
            errorId: 'ActionPreferenceStop',
            command: null,
            exceptionType: 'System.Management.Automation.ActionPreferenceStopException',
          },
          extent,
          'script',
        );
      case 'SilentlyContinue':
      case 'Ignore':
        return;
      default:
        this.sink.warnings.push(text);
    }
  }

  /**
   * An ActionPreference from a parameter or preference variable (unknown values act as Continue); `globalOnly` for a
   * command that is a module function (the EMS's Exchange cmdlets), which sees only the global preference variables.
   */
  preference(given: unknown, variable: string, extent: Extent, what: string, globalOnly = false): string {
    const raw =
      given !== undefined && given !== null ? toStr(given) : toStr(this.#preferenceVariable(variable, globalOnly));
    const name = ACTION_PREFERENCES.find((n) => n.toLowerCase() === raw.trim().toLowerCase()) ?? 'Continue';
    if (name === 'Inquire' || name === 'Suspend' || name === 'Break')
      throw new UnsupportedConstructError(`${what} ${name}`, extent);
    return name;
  }
}
