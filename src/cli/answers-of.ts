// `--answer Y --answer N`: prompt answers for unattended runs, refusing anything else.
import { parseAnswer } from '../backend/mock/scripted-answers.js';
import type { Answer } from '../backend/mock/scripted-answers.js';
import { ValidationError } from '../errors/validation-error.js';

/** Reads `--answer Y --answer N` into answers, refusing anything else. */
export function answersOf(values: unknown): Answer[] {
  const list = values === undefined ? [] : (Array.isArray(values) ? values : [values]).map(String);
  return list.map((v) => {
    const a = parseAnswer(v);
    if (a === null) {
      throw new ValidationError({
        code: 'INVALID_ANSWER',
        parameter: 'answer',
        value: v,
        allowed: 'Y, A, N, L',
        message: `--answer '${v}' is not a prompt answer. Allowed: Y (yes), A (yes to all), N (no), L (no to all).`,
      });
    }
    return a;
  });
}
