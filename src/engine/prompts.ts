// -WhatIf, -Confirm and ShouldContinue as PowerShell handles them for the Exchange cmdlets (rules 11, 12).
import { MockTerminatingError } from './mock-exchange.js';
import type { CallContext } from './call-context.js';
import { CMDLET_NAMESPACE } from './call-context.js';
import { SHOULD_PROCESS_QUERY, nonInteractiveMessage } from './exchange-messages.js';

/** The caption PowerShell's console host shows above both kinds of question. */
const CAPTION = 'Confirm';

/** The terminating error a prompt raises when nobody can answer it (-NonInteractive host). */
function nonInteractive(ctx: CallContext): MockTerminatingError {
  return new MockTerminatingError(
    Object.freeze({
      message: nonInteractiveMessage(ctx.call.shell),
      category: 'InvalidOperation',
      errorId: 'InvalidOperation',
      fullyQualifiedErrorId: `InvalidOperation,${CMDLET_NAMESPACE}.${ctx.className}`,
      command: ctx.call.cmdlet,
      terminating: true,
      line: ctx.call.line,
      column: ctx.call.column,
    }),
  );
}

/**
 * ShouldProcess(action): -WhatIf writes `What if: <action>` to the host and says no; -Confirm (or ConfirmImpact High
 * without -Confirm:$false) asks; otherwise yes. Throws the non-interactive terminating error when nobody answers.
 */
export function shouldProcess(ctx: CallContext, action: string, confirmImpact: 'Medium' | 'High' = 'Medium'): boolean {
  if (ctx.params.flag('whatIf')) {
    ctx.hostLines.push(`What if: ${action}`);
    return false;
  }
  const confirm = ctx.params.bool('confirm');
  const ask = confirm === true || (confirm === undefined && confirmImpact === 'High');
  if (!ask) return true;
  const answer = ctx.answers.answer({
    kind: 'ShouldProcess',
    caption: CAPTION,
    message: `${SHOULD_PROCESS_QUERY}\r\n${action}`,
  });
  if (answer === null) throw nonInteractive(ctx);
  return answer === 'Y' || answer === 'A';
}

/** Remembers Yes to All / No to All per question kind within one call (Exchange keys them by resource id). */
export class ContinueSession {
  readonly #choices = new Map<string, boolean>();

  /**
   * ShouldContinue(message): asked whatever -Confirm says (rule 12); throws the non-interactive terminating error when
   * nobody answers.
   */
  ask(ctx: CallContext, questionId: string, message: string): boolean {
    const remembered = this.#choices.get(questionId);
    if (remembered !== undefined) return remembered;
    const answer = ctx.answers.answer({ kind: 'ShouldContinue', caption: CAPTION, message });
    if (answer === null) throw nonInteractive(ctx);
    if (answer === 'A') this.#choices.set(questionId, true);
    if (answer === 'L') this.#choices.set(questionId, false);
    return answer === 'Y' || answer === 'A';
  }
}
