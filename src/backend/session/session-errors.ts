// Typed failures of a PowerShell session (transport failures; PowerShell's own errors stay in the RunResult).
import { ExchcertError } from '../../errors/exchcert-error.js';

/** pwsh (or powershell.exe) could not be found or started. */
export class PwshMissingError extends ExchcertError {
  constructor(message: string) {
    super('PWSH_MISSING', message);
  }
}

/** The PowerShell process died (killed, crashed, exited) while a call was running or before it could start. */
export class SessionDiedError extends ExchcertError {
  constructor(message: string) {
    super('SESSION_DIED', message);
  }
}

/** A call ran longer than the timeout; it was stopped (and the session restarted when Stop() was not enough). */
export class SessionTimeoutError extends ExchcertError {
  /** The command that timed out, as shown to people. */
  readonly command: string;
  constructor(command: string, timeoutMs: number, restarted: boolean) {
    super(
      'SESSION_TIMEOUT',
      `The command '${command}' did not finish within ${timeoutMs / 1000} s and was stopped` +
        (restarted ? '; the PowerShell session did not stop it and was restarted (its variables are gone).' : '.'),
    );
    this.command = command;
  }
}

/** The session's bootstrap (connection script, module imports) failed; the session is closed. */
export class BootstrapError extends ExchcertError {
  constructor(message: string) {
    super('BOOTSTRAP_FAILED', message);
  }
}
