// JSON with Uint8Array round trips and deep freezing.
import { describe, expect, it } from '@jest/globals';
import { decodeStateJson, encodeStateJson } from '../../../src/engine/store/state-json.js';
import { caught } from '../../pki/caught.js';

describe('encodeStateJson / decodeStateJson', () => {
  it('tags bytes (Buffer included) as base64 and restores plain Uint8Array', () => {
    const text = encodeStateJson({ a: new Uint8Array([1, 2]), b: [Buffer.from([255])], c: new Uint8Array(0) });
    expect(text).toBe('{"a":{"$bytes":"AQI="},"b":[{"$bytes":"/w=="}],"c":{"$bytes":""}}');
    const value = decodeStateJson(text) as { a: Uint8Array; b: Uint8Array[]; c: Uint8Array };
    expect(value).toEqual({ a: new Uint8Array([1, 2]), b: [new Uint8Array([255])], c: new Uint8Array(0) });
    expect(Object.getPrototypeOf(value.b[0])).toBe(Uint8Array.prototype);
  });

  it('handles a subarray view without its neighbours', () => {
    const view = new Uint8Array([9, 1, 2, 9]).subarray(1, 3);
    expect(decodeStateJson(encodeStateJson(view))).toEqual(new Uint8Array([1, 2]));
  });

  it('freezes objects and arrays deeply', () => {
    const value = decodeStateJson('{"list":[{"x":1}],"n":null}') as { list: { x: number }[] };
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.list)).toBe(true);
    expect(Object.isFrozen(value.list[0])).toBe(true);
  });

  it('leaves objects with other keys beside $bytes alone', () => {
    expect(decodeStateJson('{"$bytes":"AQI=","more":1}')).toEqual({ $bytes: 'AQI=', more: 1 });
  });

  it('refuses what JSON cannot hold', () => {
    expect(caught(() => encodeStateJson(undefined)).code).toBe('INVALID_RECORD');
    expect(caught(() => encodeStateJson({ n: 1n })).code).toBe('INVALID_RECORD');
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(caught(() => encodeStateJson(cycle)).code).toBe('INVALID_RECORD');
  });
});
