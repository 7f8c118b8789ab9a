import { inspect } from 'node:util';

const REDACTED = '********';

/**
 * A password: a distinct type that never prints its value (toString, JSON and inspect all redact).
 * @example
 * const pw = secret('Pass1word');
 * String(pw) // '********'
 * pw.reveal() // 'Pass1word'
 */
export class Secret {
  readonly #value: string;
  /** Optional variable name used by the `variable` rendering mode (`$<name>`). */
  readonly name: string | undefined;

  constructor(value: string, options: { name?: string } = {}) {
    if (typeof value !== 'string') throw new TypeError('A secret must be a string');
    this.#value = value;
    this.name = options.name;
    Object.freeze(this);
  }

  /** The plain text; call only where the secret must leave exchcert (inline rendering, a secrets channel). */
  reveal(): string {
    return this.#value;
  }

  /** True when both hold the same text (constant time). */
  equals(other: unknown): boolean {
    if (!(other instanceof Secret)) return false;
    const a = Buffer.from(this.#value, 'utf16le');
    const b = Buffer.from(other.reveal(), 'utf16le');
    let diff = a.length ^ b.length;
    for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
    return diff === 0;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}

/** Makes a Secret. @example secret('Pass1word', { name: 'PfxPassword' }) */
export function secret(value: string, options: { name?: string } = {}): Secret {
  return new Secret(value, options);
}

/** The text shown wherever a secret would be. */
export const REDACTED_TEXT = REDACTED;
