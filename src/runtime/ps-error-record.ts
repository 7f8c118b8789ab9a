// ErrorRecords as runbooks see them ($_ in catch, $Error), and terminating errors unwinding the interpreter.
import type { ErrorRecord } from '../spec/output/run-result.js';

/** .NET exception types the interpreter raises or catches, each with its base type. */
const EXCEPTION_BASE: Readonly<Record<string, string>> = Object.freeze({
  'System.SystemException': 'System.Exception',
  'System.ArgumentException': 'System.SystemException',
  'System.InvalidOperationException': 'System.SystemException',
  'System.FormatException': 'System.SystemException',
  'System.IO.IOException': 'System.SystemException',
  'System.IO.FileNotFoundException': 'System.IO.IOException',
  'System.IO.DirectoryNotFoundException': 'System.IO.IOException',
  'System.UnauthorizedAccessException': 'System.SystemException',
  'System.NotSupportedException': 'System.SystemException',
  'System.Management.Automation.RuntimeException': 'System.SystemException',
  'System.Management.Automation.ParameterBindingException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.CommandNotFoundException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.SessionStateException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.ItemNotFoundException': 'System.Management.Automation.SessionStateException',
  'System.Management.Automation.ActionPreferenceStopException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.MethodException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.MethodInvocationException': 'System.Management.Automation.MethodException',
  'System.Management.Automation.PSInvalidOperationException': 'System.InvalidOperationException',
  'System.Management.Automation.PSInvalidCastException': 'System.InvalidCastException',
  'System.InvalidCastException': 'System.SystemException',
  'System.Management.Automation.RemoteException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.ParseException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.WriteErrorException': 'System.SystemException',
  'Microsoft.PowerShell.Commands.WriteErrorException': 'System.SystemException',
  'System.DivideByZeroException': 'System.SystemException',
  'System.Management.Automation.Host.HostException': 'System.Management.Automation.RuntimeException',
  'System.Security.Cryptography.CryptographicException': 'System.SystemException',
});

/** Exception type names a `catch [...]` may name (full names, lower case, plus their short forms). */
export function resolveExceptionType(written: string): string | undefined {
  const lower = written.replace(/\s+/g, '').toLowerCase();
  const all = ['System.Exception', ...Object.keys(EXCEPTION_BASE)];
  return all.find(
    (t) =>
      t.toLowerCase() === lower ||
      t.toLowerCase() === `system.${lower}` ||
      t.slice(t.lastIndexOf('.') + 1).toLowerCase() === lower,
  );
}

/** True when an exception of `type` is caught by `catch [target]`. */
export function exceptionIs(type: string, target: string): boolean {
  for (let t: string | undefined = type; t; t = EXCEPTION_BASE[t]) if (t === target) return true;
  return target === 'System.Exception';
}

/** The exception inside an ErrorRecord (`$_.Exception`). */
export class PsException {
  readonly type: string;
  readonly message: string;

  constructor(type: string, message: string) {
    this.type = type;
    this.message = message;
  }

  toString(): string {
    return this.message;
  }
}

/** An ErrorRecord as a PowerShell value: `$_.Exception.Message`, `$_.FullyQualifiedErrorId`, `"$_"`. */
export class PsErrorRecord {
  readonly record: ErrorRecord;
  readonly exception: PsException;

  constructor(record: ErrorRecord, exceptionType: string) {
    this.record = record;
    this.exception = new PsException(exceptionType, record.message);
  }

  toString(): string {
    return this.record.message;
  }
}

/** Builds an ErrorRecord. */
export function errorRecord(fields: {
  message: string;
  category: string;
  errorId: string;
  fullyQualifiedErrorId?: string;
  command: string | null;
  terminating: boolean;
  line: number | null;
  column: number | null;
  targetObject?: unknown;
}): ErrorRecord {
  const { targetObject, fullyQualifiedErrorId, ...rest } = fields;
  return Object.freeze({
    ...rest,
    fullyQualifiedErrorId:
      fullyQualifiedErrorId ?? (fields.command ? `${fields.errorId},${fields.command}` : fields.errorId),
    ...(targetObject !== undefined ? { targetObject } : {}),
  });
}

/**
 * A terminating error unwinding the interpreter. `statement` errors (binding, command not found, method exceptions,
 * cmdlet ThrowTerminatingError) end the statement and the script goes on unless a try catches them; `script` errors
 * (throw, -ErrorAction Stop) end the script unless caught.
 */
export class PsTerminatingError extends Error {
  readonly error: PsErrorRecord;
  readonly scope: 'statement' | 'script';

  constructor(error: PsErrorRecord, scope: 'statement' | 'script') {
    super(error.record.message);
    this.name = 'PsTerminatingError';
    this.error = error;
    this.scope = scope;
  }

  /** The same error, ending the script ($ErrorActionPreference = 'Stop'). */
  escalate(): PsTerminatingError {
    return this.scope === 'script' ? this : new PsTerminatingError(this.error, 'script');
  }
}
