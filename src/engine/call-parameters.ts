// Typed access to a CmdletCall's evaluated parameter values (camelCase names from the spec tables).
import { Secret } from '../node/secret.js';
import { servicesToFlags } from '../spec/output/allowed-services.js';
import type { ExchangeParameterName } from '../spec/exchange-parameter-name.js';

/** Reads parameters leniently: the interpreter hands over evaluated PowerShell values. */
export class CallParameters {
  readonly #values: Readonly<Record<string, unknown>>;

  constructor(values: Readonly<Record<string, unknown>>) {
    this.#values = values;
  }

  /** True when the parameter was given (even as $null). */
  has(name: ExchangeParameterName): boolean {
    return Object.prototype.hasOwnProperty.call(this.#values, name) && this.#values[name] !== undefined;
  }

  raw(name: ExchangeParameterName): unknown {
    return this.#values[name];
  }

  /** A string value; numbers and booleans take PowerShell's string form; $null and absent give undefined. */
  string(name: ExchangeParameterName): string | undefined {
    const v = this.#values[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    if (typeof v === 'boolean') return v ? 'True' : 'False';
    if (Array.isArray(v)) return v.map(String).join(' ');
    return String(v);
  }

  /** A switch or [bool]: true only for a true value. */
  flag(name: ExchangeParameterName): boolean {
    return this.#values[name] === true;
  }

  /** A [bool] parameter: undefined when absent. */
  bool(name: ExchangeParameterName): boolean | undefined {
    const v = this.#values[name];
    return v === undefined || v === null ? undefined : v === true || v === 1 || v === 'True' || v === 'true';
  }

  /** A string list (MultiValuedProperty, String[]); a single string is one item. */
  strings(name: ExchangeParameterName): string[] | undefined {
    const v = this.#values[name];
    if (v === undefined || v === null) return undefined;
    const items = Array.isArray(v) ? v : [v];
    return items.filter((i) => i !== null && i !== undefined).map((i) => String(i));
  }

  /** An Int32. */
  int(name: ExchangeParameterName): number | undefined {
    const v = this.#values[name];
    if (typeof v === 'number') return Math.trunc(v);
    if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return Number(v);
    return undefined;
  }

  /** Byte[]: a Uint8Array or an array of numbers; null stays null. */
  bytes(name: ExchangeParameterName): Uint8Array | null | undefined {
    const v = this.#values[name];
    if (v === undefined) return undefined;
    if (v === null) return null;
    if (v instanceof Uint8Array) return v;
    if (Array.isArray(v)) return Uint8Array.from(v.map((b) => Number(b) & 0xff));
    return undefined;
  }

  /** A SecureString's text: a Secret (or a plain string from a lenient caller); empty string for an empty password. */
  password(name: ExchangeParameterName): string | undefined {
    const v = this.#values[name];
    if (v instanceof Secret) return v.reveal();
    if (typeof v === 'string') return v;
    return undefined;
  }

  /** AllowedServices as flags: names (`['IIS','SMTP']`), a comma string or a number. */
  services(name: ExchangeParameterName): number | undefined {
    const v = this.#values[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number') return v;
    const parts = (Array.isArray(v) ? v : [v]).flatMap((p) => String(p).split(',')).filter((p) => p.trim() !== '');
    return servicesToFlags(parts);
  }
}
