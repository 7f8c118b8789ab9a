// Read-Host through the host's readHost callback; no callback or no answer is PowerShell's non-interactive failure.
import { secret } from '../../node/secret.js';
import { nonInteractiveMessage } from '../../engine/exchange-messages.js';
import type { CommandContext } from '../command-context.js';
import { toStr } from '../../runtime/ps-values.js';
import { noteSecret } from '../seen-secrets.js';

/** Read-Host. */
export async function readHost(ctx: CommandContext): Promise<unknown[]> {
  const secure = ctx.params.asSecureString === true;
  const prompts =
    ctx.params.prompt !== undefined ? [ctx.params.prompt] : ctx.input && ctx.input.length > 0 ? ctx.input : [null];
  const out: unknown[] = [];
  for (const p of prompts) {
    const prompt = p === null || p === undefined ? '' : toStr(p);
    const answer = ctx.env.readHost ? ctx.env.readHost(prompt, secure) : null;
    if (answer === null) {
      ctx.fail({
        message: nonInteractiveMessage(ctx.dialect.shell),
        category: 'InvalidOperation',
        errorId: 'InvalidOperation',
        exceptionType: 'System.Management.Automation.PSInvalidOperationException',
        fullyQualifiedErrorId: 'InvalidOperation,Microsoft.PowerShell.Commands.ReadHostCommand',
      });
    }
    if (secure) noteSecret(answer);
    out.push(secure ? secret(answer) : answer);
  }
  return out;
}
