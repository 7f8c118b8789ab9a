// Converters for the JSON shapes PowerShell's ConvertTo-Json gives .NET values (dates, byte arrays).

/**
 * A Date from a Date, an ISO 8601 string (PowerShell 7) or `/Date(ms)/` (Windows PowerShell 5.1); other values pass through
 * so the schema reports them.
 * @example dateFromJson('/Date(1704164645000)/').toISOString() // '2024-01-02T03:04:05.000Z'
 */
export function dateFromJson(value: unknown): unknown {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value !== 'string') return value;
  const ms = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value.trim());
  if (ms) return new Date(Number(ms[1]));
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : parsed;
}

/**
 * Bytes from a Uint8Array, an array of numbers (ConvertTo-Json of byte[]) or base64 text; other values pass through.
 * @example bytesFromJson('AQID') // Uint8Array [1, 2, 3]
 */
export function bytesFromJson(value: unknown): unknown {
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value) && value.every((b) => Number.isInteger(b) && b >= 0 && b <= 255))
    return Uint8Array.from(value as number[]);
  if (typeof value === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(value.replace(/\s+/g, ''))) {
    return new Uint8Array(Buffer.from(value.replace(/\s+/g, ''), 'base64'));
  }
  return value;
}
