// The error a simulated cmdlet step raises; turned into an ErrorRecord (RPC-wrapped or not) by the call runner.

/** Where an error comes from: the target server over RPC (prefixed), or the cmdlet itself (no prefix, rule 9). */
export type FailureOrigin = 'server' | 'cmdlet';

/** What a failed step reports; the call runner adds ids, prefix and position. */
export interface FailureInfo {
  readonly message: string;
  /** PowerShell ErrorCategory name. */
  readonly category: string;
  readonly origin: FailureOrigin;
  /** .NET exception type shown in CategoryInfo and FailureCategory; InvalidOperationException for RPC errors. */
  readonly exceptionType?: string;
  /** Short name of the server whose RPC failed (for the prefix). */
  readonly server?: string;
}

/**
 * Thrown by a cmdlet step to stop the call with one non-terminating error; a write transaction it escapes rolls back.
 * @example throw CmdletFailure.server('EX01', 'The certificate with thumbprint X was not found.', 'ObjectNotFound')
 */
export class CmdletFailure extends Error {
  readonly info: FailureInfo;

  constructor(info: FailureInfo) {
    super(info.message);
    this.info = info;
  }

  /** An error the target server returned over RPC (gets `A special Rpc error occurs on server <name>: `). */
  static server(server: string, message: string, category: string): CmdletFailure {
    return new CmdletFailure({
      message,
      category,
      origin: 'server',
      server,
      exceptionType: 'InvalidOperationException',
    });
  }

  /** An error the cmdlet writes itself before or after the RPC (no prefix). */
  static cmdlet(message: string, category: string, exceptionType = 'ArgumentException'): CmdletFailure {
    return new CmdletFailure({ message, category, origin: 'cmdlet', exceptionType });
  }
}
