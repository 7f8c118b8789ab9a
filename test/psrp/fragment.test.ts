// Fragments and message headers: 32 KiB blobs, reassembly in any chunking, typed errors; 10,000 fuzzed inputs.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Defragmenter, fragmentMessage, MAX_FRAGMENT } from '../../src/psrp/fragment.js';
import { decodeMessage, encodeMessage, guidFromBytes, guidToBytes } from '../../src/psrp/message.js';
import { PsrpProtocolError } from '../../src/psrp/psrp-protocol-error.js';

const RPID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const PID = '00000000-0000-0000-0000-000000000000';

describe('fragments', () => {
  it('cuts a 100 KB message into blobs of at most 32 KiB and puts it back together from 1-byte chunks', () => {
    const msg = Buffer.alloc(100_000, 7);
    msg.write('start');
    const frags = fragmentMessage(5n, msg);
    expect(frags).toHaveLength(4);
    for (const f of frags) expect(f.length).toBeLessThanOrEqual(MAX_FRAGMENT);
    expect(frags.map((f) => f[16])).toEqual([1, 0, 0, 2]);
    const d = new Defragmenter();
    const out: Buffer[] = [];
    for (const byte of Buffer.concat(frags)) out.push(...d.push(Buffer.from([byte])));
    expect(out).toHaveLength(1);
    expect(out[0]!.equals(msg)).toBe(true);
    expect(d.idle).toBe(true);
  });

  it('keeps interleaved objects apart and writes one S|E fragment for an empty message', () => {
    const a = fragmentMessage(1n, Buffer.alloc(70_000, 1));
    const b = fragmentMessage(2n, Buffer.from('b'));
    expect(fragmentMessage(3n, Buffer.alloc(0))[0]![16]).toBe(3);
    const d = new Defragmenter();
    const got = [...d.push(a[0]!), ...d.push(b[0]!), ...d.push(Buffer.concat(a.slice(1)))];
    expect(got.map((m) => m.length)).toEqual([1, 70_000]);
  });

  it.each([
    ['a fragment without its start', () => fragmentMessage(1n, Buffer.alloc(40_000)).slice(1)],
    ['a gap', () => [fragmentMessage(1n, Buffer.alloc(70_000))].flatMap((f) => [f[0]!, f[2]!])],
    ['a restart', () => [fragmentMessage(1n, Buffer.alloc(40_000))[0]!, fragmentMessage(1n, Buffer.alloc(10))[0]!]],
    ['unknown flags', () => [Buffer.concat([Buffer.alloc(16), Buffer.from([0x7, 0, 0, 0, 0])])]],
    ['an oversized blob', () => [Buffer.concat([Buffer.alloc(16), Buffer.from([0x3, 0x7f, 0, 0, 0])])]],
  ])('refuses %s with a typed error', (_name, make) => {
    const d = new Defragmenter();
    expect(() => make().forEach((f) => d.push(f))).toThrow(PsrpProtocolError);
  });

  it('fuzz: 10,000 random or corrupted byte streams only ever give messages or a PsrpProtocolError', () => {
    const good = Buffer.concat([
      ...fragmentMessage(1n, Buffer.alloc(40_000, 3)),
      ...fragmentMessage(2n, Buffer.from('x')),
    ]);
    const check = (bytes: Uint8Array, chunk: number) => {
      const d = new Defragmenter();
      try {
        for (let i = 0; i < bytes.length; i += chunk) d.push(bytes.subarray(i, i + chunk));
      } catch (e) {
        if (!(e instanceof PsrpProtocolError)) throw e;
      }
      return true;
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 64 }), check), {
      numRuns: 5000,
    });
    fc.assert(
      fc.property(fc.nat(good.length), fc.nat(255), fc.integer({ min: 1, max: 5000 }), (at, value, chunk) => {
        const bad = Buffer.from(good);
        bad[at % bad.length] = value;
        return check(bad.subarray(0, (at * 7) % bad.length), chunk);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('message header', () => {
  it('writes GUIDs in .NET byte order and reads the message back', () => {
    expect(guidToBytes(RPID).subarray(0, 4)).toEqual(Buffer.from([0x5b, 0xad, 0x8f, 0x0f]));
    expect(guidFromBytes(guidToBytes(RPID))).toBe(RPID);
    const bytes = encodeMessage({ destination: 2, type: 0x00021006, rpid: RPID, pid: PID, data: '<Obj RefId="0" />' });
    expect(bytes.subarray(40, 43)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(decodeMessage(bytes)).toEqual({
      destination: 2,
      type: 0x00021006,
      rpid: RPID,
      pid: PID,
      data: '<Obj RefId="0" />',
    });
  });

  it.each([
    ['too short', Buffer.alloc(39)],
    ['a bad destination', Buffer.concat([Buffer.from([9, 0, 0, 0]), Buffer.alloc(36)])],
    [
      'a body that is not UTF-8',
      Buffer.concat([Buffer.from([1, 0, 0, 0]), Buffer.alloc(36), Buffer.from([0xff, 0xfe])]),
    ],
  ])('refuses %s', (_n, bytes) => {
    expect(() => decodeMessage(bytes)).toThrow(PsrpProtocolError);
  });
});
