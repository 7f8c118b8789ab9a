import { Secret, REDACTED_TEXT } from '../node/secret.js';

/** JSON.stringify replacer: secrets as `{kind:'secret'}` (redacted unless shown), bytes as base64. */
export function jsonReplacer(showSecrets: boolean): (key: string, value: unknown) => unknown {
  return function (this: unknown, key: string, value: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Secret) return { kind: 'secret', value: showSecrets ? raw.reveal() : REDACTED_TEXT };
    if (raw instanceof Uint8Array) return { kind: 'bytes', base64: Buffer.from(raw).toString('base64') };
    return value;
  };
}
