// Compares invocations the way the product means them: Secrets by value (jest cannot see their private field).
import { Secret } from '../../src/node/secret.js';

/** A JSON-able copy where every Secret becomes { secret: <plain text> } and bytes become arrays. */
export function comparable(value: unknown): unknown {
  if (value instanceof Secret) return { secret: value.reveal() };
  if (value instanceof Uint8Array) return { bytes: Array.from(value) };
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== 'extent') out[k] = comparable(v);
    return out;
  }
  return value;
}

/** Cmdlet, set and parameters only (no extent, no builder internals). */
export function core(inv: {
  cmdlet: string;
  parameterSet: string | null;
  parameters: Readonly<Record<string, unknown>>;
}): unknown {
  return comparable({ cmdlet: inv.cmdlet, parameterSet: inv.parameterSet, parameters: inv.parameters });
}
