// Branded base class for every error exchcert raises on purpose.
const BRAND = Symbol.for('exchcert.error');

/**
 * Base of all exchcert errors; `isExchcertError` works across realms.
 * @example
 * try { parse('"unterminated') } catch (e) { if (isExchcertError(e)) console.error(e.message) }
 */
export class ExchcertError extends Error {
  readonly [BRAND] = true;
  /** Stable machine-readable code, e.g. `PARAMETER_NOT_FOUND`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, 'name', { value: new.target.name, enumerable: false, configurable: true });
  }
}

/** True for any error raised by exchcert itself. */
export function isExchcertError(value: unknown): value is ExchcertError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
