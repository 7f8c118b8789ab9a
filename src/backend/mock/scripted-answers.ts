// Answers to prompts for unattended runs: given in order, then nobody (PowerShell's non-interactive failure).
import type { AnswerProvider, Prompt } from '../../engine/mock-exchange.js';

/** A choice at a PowerShell prompt: Yes, Yes to All, No, No to All. */
export type Answer = 'Y' | 'A' | 'N' | 'L';

/**
 * Hands out the answers in order; once they run out every prompt is unanswerable.
 * @example scriptedAnswers(['Y']).answer(prompt) // 'Y', then null
 */
export function scriptedAnswers(
  answers: readonly Answer[] = [],
  onPrompt?: (prompt: Prompt, answer: Answer | null) => void,
): AnswerProvider {
  const queue = [...answers];
  return {
    answer(prompt: Prompt) {
      const a = queue.shift() ?? null;
      onPrompt?.(prompt, a);
      return a;
    },
  };
}

/** Reads `Y`, `yes`, `A`, `N`, `no`, `L` (case-insensitive) into an Answer, or null. */
export function parseAnswer(text: string): Answer | null {
  const t = text.trim().toUpperCase();
  if (t === '' || t === 'Y' || t === 'YES') return 'Y';
  if (t === 'A') return 'A';
  if (t === 'N' || t === 'NO') return 'N';
  if (t === 'L') return 'L';
  return null;
}
