// Replaces known plain-text passwords by ******** in anything the CLI prints, in every form they are written in.
import { REDACTED_TEXT } from '../node/secret.js';

/** Shorter texts are not masked: they would blot out ordinary words and numbers, and are no protection anyway. */
export const MIN_MASKED_LENGTH = 3;

/**
 * A set of plain-text passwords and the forms they appear in (as given, inside a PowerShell single-quoted string,
 * inside a JSON string); `mask` replaces each by `********`.
 * @example const m = new SecretMask(); m.add("Pa'ss"); m.mask("-String 'Pa''ss'") // "-String '********'"
 */
export class SecretMask {
  readonly #forms = new Set<string>();
  #sorted: string[] | null = null;

  /** Adds a plain text (ignored when shorter than MIN_MASKED_LENGTH). */
  add(plainText: string): void {
    if (plainText.length < MIN_MASKED_LENGTH) return;
    const quoted = plainText.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&');
    const forms = [
      plainText,
      quoted,
      JSON.stringify(plainText).slice(1, -1),
      plainText.replace(/[`"$]/g, '`$&'),
      plainText.replace(/\r?\n/g, '\n'),
    ];
    for (const form of forms) {
      if (form.length >= MIN_MASKED_LENGTH && !this.#forms.has(form)) {
        this.#forms.add(form);
        this.#sorted = null;
      }
    }
  }

  /** How many forms are masked. */
  get size(): number {
    return this.#forms.size;
  }

  /** `text` with every form of every added password replaced by `********` (longest first). */
  mask(text: string): string {
    if (this.#forms.size === 0) return text;
    this.#sorted ??= [...this.#forms].sort((a, b) => b.length - a.length);
    let out = text;
    for (const form of this.#sorted) if (out.includes(form)) out = out.split(form).join(REDACTED_TEXT);
    return out;
  }
}
