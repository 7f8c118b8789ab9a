// A PowerShell runtime exception raised by value helpers (conversions, methods); the interpreter locates it.

/** An exception a statement raises (e.g. a failed cast); becomes a statement-terminating ErrorRecord. */
export class RuntimeFailure extends Error {
  readonly errorId: string;
  readonly category: string;
  readonly exceptionType: string;
  readonly targetObject: unknown;
  /** The command that failed (FullyQualifiedErrorId `<id>,<command>`), when a command raised it. */
  readonly command: string | null;

  constructor(
    message: string,
    fields: {
      errorId?: string;
      category?: string;
      exceptionType?: string;
      targetObject?: unknown;
      command?: string;
    } = {},
  ) {
    super(message);
    this.name = 'RuntimeFailure';
    this.errorId = fields.errorId ?? 'RuntimeException';
    this.category = fields.category ?? 'NotSpecified';
    this.exceptionType = fields.exceptionType ?? 'System.Management.Automation.RuntimeException';
    this.targetObject = fields.targetObject;
    this.command = fields.command ?? null;
  }
}

/** `Exception calling "M" with "n" argument(s): "..."` as .NET method failures read. */
export function methodFailure(method: string, argCount: number, inner: string, innerType: string): RuntimeFailure {
  const errorId = innerType.slice(innerType.lastIndexOf('.') + 1);
  return new RuntimeFailure(`Exception calling "${method}" with "${argCount}" argument(s): "${inner}"`, {
    errorId,
    category: 'NotSpecified',
    exceptionType: 'System.Management.Automation.MethodInvocationException',
  });
}
