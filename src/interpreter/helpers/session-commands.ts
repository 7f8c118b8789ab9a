// Write-Verbose, Start-Sleep (the simulated clock), New-TimeSpan and Get-Credential (through the host's answers).
import { nonInteractiveMessage } from '../../engine/exchange-messages.js';
import { secret } from '../../node/secret.js';
import { TimeSpanValue, normalize, toNumber, toStr } from '../../runtime/ps-values.js';
import type { CommandContext } from '../command-context.js';
import { noteSecret } from '../seen-secrets.js';

/** Write-Verbose: `VERBOSE: text` on the host when $VerbosePreference (or -Verbose) is Continue. */
export async function writeVerbose(ctx: CommandContext): Promise<unknown[]> {
  const pref = toStr(
    ctx.params.verbose === true ? 'Continue' : (ctx.variable('VerbosePreference') ?? 'SilentlyContinue'),
  );
  if (pref.toLowerCase() === 'continue') ctx.hostWrite(`VERBOSE: ${toStr(ctx.params.message)}\n`);
  if (pref.toLowerCase() === 'stop') {
    ctx.fail({
      message: `The running command stopped because the preference variable "VerbosePreference" or common parameter is set to Stop: ${toStr(ctx.params.message)}`,
      category: 'OperationStopped',
      errorId: 'ActionPreferenceStop',
      exceptionType: 'System.Management.Automation.ActionPreferenceStopException',
    });
  }
  return Promise.resolve([]);
}

/** Start-Sleep: moves the session's clock forward; nothing waits. */
export async function startSleep(ctx: CommandContext): Promise<unknown[]> {
  const notANumber = (t: string) => ctx.notANumber(t);
  const seconds = ctx.params.seconds === undefined ? 0 : toNumber(ctx.params.seconds, notANumber, 'System.Double');
  const ms = ctx.params.milliseconds === undefined ? 0 : toNumber(ctx.params.milliseconds, notANumber);
  ctx.sleep(seconds * 1000 + ms);
  return Promise.resolve([]);
}

/** New-TimeSpan: -Start/-End (default now), or -Days/-Hours/-Minutes/-Seconds. */
export async function newTimeSpan(ctx: CommandContext): Promise<unknown[]> {
  const p = ctx.params;
  const now = ctx.env.now ? ctx.env.now() : new Date();
  const date = (v: unknown): Date => {
    const d = normalize(v);
    return d instanceof Date ? d : new Date(toStr(d));
  };
  if (p.start !== undefined || p.end !== undefined) {
    const start = p.start === undefined ? now : date(p.start);
    const end = p.end === undefined ? now : date(p.end);
    return Promise.resolve([new TimeSpanValue(end.getTime() - start.getTime())]);
  }
  const n = (v: unknown) => (v === undefined ? 0 : toNumber(v, (t) => ctx.notANumber(t)));
  const seconds = ((n(p.days) * 24 + n(p.hours)) * 60 + n(p.minutes)) * 60 + n(p.seconds);
  return Promise.resolve([new TimeSpanValue(seconds * 1000)]);
}

/** Get-Credential: the user name and password from the host's answers; the password only ever as a SecureString. */
export async function getCredential(ctx: CommandContext): Promise<unknown[]> {
  const given = ctx.params.userName ?? ctx.params.credential;
  const ask = (prompt: string, secure: boolean): string => {
    const answer = ctx.env.readHost ? ctx.env.readHost(prompt, secure) : null;
    if (answer === null) {
      ctx.fail({
        message: nonInteractiveMessage(ctx.dialect.shell),
        category: 'InvalidOperation',
        errorId: 'InvalidOperation',
        exceptionType: 'System.Management.Automation.PSInvalidOperationException',
        fullyQualifiedErrorId: 'InvalidOperation,Microsoft.PowerShell.Commands.GetCredentialCommand',
      });
    }
    return answer;
  };
  const userName = given === undefined || given === null ? ask('User', false) : toStr(given);
  const password = ask(`Password for user ${userName}`, true);
  noteSecret(password);
  return Promise.resolve([
    { PSTypeName: 'System.Management.Automation.PSCredential', UserName: userName, Password: secret(password) },
  ]);
}
