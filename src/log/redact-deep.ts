// Removes secrets from anything about to be logged, at any depth (pino's `*.password` paths reach one level only).
import { REDACTED_TEXT, Secret } from '../node/secret.js';

/** Keys whose values are secrets wherever they appear (case-insensitive, also as part of a longer key). */
export const SECRET_KEY = /pass(word|phrase)|secret|token|credential|private.?key/i;

/**
 * A copy of `value` with every secret-named key and every Secret replaced by `********`; cycles are cut.
 * @example redactDeep({ a: { b: { pfxPassword: 'x' } } }) // { a: { b: { pfxPassword: '********' } } }
 */
export function redactDeep(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value instanceof Secret) return REDACTED_TEXT;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, seen));
  if (value instanceof Error) return { type: value.name, message: value.message };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null ? REDACTED_TEXT : redactDeep(v, seen);
  return out;
}
