// JSON for configuration and free-form values: Uint8Array round-trips as `{"$bytes":"<base64>"}`, decoded values are deep-frozen.
import { LruCache } from '../../pki/lru-cache.js';
import { StoreError } from './store-error.js';

const BYTES_TAG = '$bytes';

/**
 * JSON text for `value`; Uint8Array (Buffer included) anywhere inside becomes `{"$bytes":"<base64>"}`.
 * Throws StoreError INVALID_RECORD for values JSON cannot hold (undefined, functions, BigInt, cycles).
 * @example encodeStateJson({ der: new Uint8Array([1, 2]) }) // '{"der":{"$bytes":"AQI="}}'
 */
export function encodeStateJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, converted: unknown) {
      // `this[key]` is the value before toJSON (Buffer.toJSON would otherwise hide the bytes).
      const original = this[key];
      if (original instanceof Uint8Array)
        return {
          [BYTES_TAG]: Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString('base64'),
        };
      return converted;
    });
  } catch (error) {
    throw new StoreError('INVALID_RECORD', `The value cannot be stored as JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (text === undefined)
    throw new StoreError('INVALID_RECORD', `The value cannot be stored as JSON: ${typeof value}.`);
  return text;
}

/**
 * The value `text` encodes, with `{"$bytes":…}` objects turned back into Uint8Array and everything else frozen.
 * @example (decodeStateJson('{"der":{"$bytes":"AQI="}}') as { der: Uint8Array }).der // Uint8Array [1, 2]
 */
export function decodeStateJson(text: string): unknown {
  // Decoded values are deep-frozen, so the same text (a configuration read by every cmdlet call) is decoded once.
  return DECODED.get(text, () => decode(text));
}

const DECODED = new LruCache<string, unknown>(256);

function decode(text: string): unknown {
  return freezeDeep(
    JSON.parse(text, (_key, value: unknown) => {
      if (isBytesTag(value)) {
        const buffer = Buffer.from(value[BYTES_TAG], 'base64');
        return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
      }
      return value;
    }),
  );
}

function isBytesTag(value: unknown): value is { [BYTES_TAG]: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 1 && keys[0] === BYTES_TAG && typeof (value as Record<string, unknown>)[BYTES_TAG] === 'string'
  );
}

function freezeDeep<T>(value: T): T {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array || Object.isFrozen(value))
    return value;
  for (const child of Object.values(value)) freezeDeep(child);
  return Object.freeze(value);
}
