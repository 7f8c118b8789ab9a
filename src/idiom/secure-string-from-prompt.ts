// The SecureString-from-a-prompt idiom, `(Read-Host [-Prompt '...'] -AsSecureString)`: how it is written (the same on
// every shell) and how a bound invocation is recognised as it (binding, the CLI's prompts, the interpreter).
import type { Invocation } from '../node/invocation.js';
import { createInvocation } from '../node/invocation.js';
import type { BoundLike } from './secure-string-from-text.js';

/**
 * The Read-Host invocation that asks for a SecureString; `prompt` null writes no -Prompt.
 * @example secureStringPrompt('Password (pfx)').parameters // { prompt: 'Password (pfx)', asSecureString: true }
 */
export function secureStringPrompt(prompt: string | null): Invocation {
  return createInvocation(
    'Read-Host',
    'AsSecureString',
    prompt === null ? { asSecureString: true } : { prompt, asSecureString: true },
  );
}

/** The prompt text of a rendered secret asked for at run time (`name`: the secret's name, if it has one). */
export function passwordPromptText(name: string | null | undefined): string {
  return `Password${name ? ` (${name})` : ''}`;
}

/**
 * `{ prompt }` when a bound invocation is `Read-Host -AsSecureString` with a literal or no -Prompt, else null.
 * @example promptOf(secureStringPrompt(null)) // { prompt: null }
 */
export function promptOf(bound: BoundLike): { prompt: string | null } | null {
  if (bound.cmdlet !== 'Read-Host' || bound.parameters.asSecureString !== true) return null;
  const prompt = bound.parameters.prompt;
  if (prompt === undefined) return { prompt: null };
  return typeof prompt === 'string' ? { prompt } : null;
}
