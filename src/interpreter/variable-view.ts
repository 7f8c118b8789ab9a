// A read-only, case-insensitive view of a session's user variables (automatic ones left out).
import { normalize } from '../runtime/ps-values.js';

/** One stored variable: the name as first written, and its value. */
export interface VariableSlot {
  readonly name: string;
  value: unknown;
}

/** `InterpretResult.variables`: lookups ignore case; PowerShell's automatic variables are not listed. */
export class VariableView implements ReadonlyMap<string, unknown> {
  readonly #vars: ReadonlyMap<string, VariableSlot>;
  readonly #hidden: ReadonlySet<string>;

  constructor(vars: ReadonlyMap<string, VariableSlot>, hidden: ReadonlySet<string>) {
    this.#vars = vars;
    this.#hidden = hidden;
  }

  #visible(): [string, unknown][] {
    return [...this.#vars.entries()].filter(([k]) => !this.#hidden.has(k)).map(([, v]) => [v.name, normalize(v.value)]);
  }

  get size(): number {
    return this.#visible().length;
  }
  get(key: string): unknown {
    const slot = this.#hidden.has(key.toLowerCase()) ? undefined : this.#vars.get(key.toLowerCase());
    return slot === undefined ? undefined : normalize(slot.value);
  }
  has(key: string): boolean {
    return !this.#hidden.has(key.toLowerCase()) && this.#vars.has(key.toLowerCase());
  }
  forEach(fn: (value: unknown, key: string, map: ReadonlyMap<string, unknown>) => void): void {
    for (const [k, v] of this.#visible()) fn(v, k, this);
  }
  entries(): MapIterator<[string, unknown]> {
    return this.#visible()[Symbol.iterator]() as MapIterator<[string, unknown]>;
  }
  keys(): MapIterator<string> {
    const keys = this.#visible().map(([k]) => k);
    return keys[Symbol.iterator]() as MapIterator<string>;
  }
  values(): MapIterator<unknown> {
    const values = this.#visible().map(([, v]) => v);
    return values[Symbol.iterator]() as MapIterator<unknown>;
  }
  [Symbol.iterator](): MapIterator<[string, unknown]> {
    return this.entries();
  }
}
