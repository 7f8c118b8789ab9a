// Out-of-process packet lines: pwsh's exact shape (read without the XML parser) and any other well-formed XML agree.
import { describe, expect, it } from '@jest/globals';
import { packetLine, parsePacket } from '../../src/psrp/out-of-proc-packet.js';
import type { OutOfProcPacket } from '../../src/psrp/out-of-proc-packet.js';
import { PsrpProtocolError } from '../../src/psrp/psrp-protocol-error.js';

const GUID = '6E1B2C3D-0A1B-4C2D-8E3F-1234567890AB';
const PACKETS: OutOfProcPacket[] = [
  { kind: 'Data', psGuid: GUID, stream: 'Default', data: Buffer.from('hello fragment') },
  { kind: 'Data', psGuid: GUID, stream: 'PromptResponse', data: Buffer.alloc(0) },
  ...(['DataAck', 'Command', 'CommandAck', 'Signal', 'SignalAck', 'Close', 'CloseAck'] as const).map((kind) => ({
    kind,
    psGuid: GUID,
  })),
];

/** The same packet in another spelling (double quotes, extra spaces), which only the XML parser reads. */
const respelled = (line: string) => line.replace(/'/g, '"').replace(/ PSGuid=/, '  PSGuid=');

describe('parsePacket', () => {
  it.each(PACKETS.map((p) => [p.kind, p] as const))('reads %s as pwsh writes it and as other XML spells it', (_, p) => {
    const line = packetLine(p);
    const expected = { ...p, psGuid: GUID.toLowerCase() };
    expect(parsePacket(line)).toEqual(expected);
    expect(parsePacket(respelled(line))).toEqual(expected);
    expect(parsePacket(`  ${line}\r`)).toEqual(expected);
  });

  it('reads a Data packet without a Stream as Default', () => {
    expect(parsePacket(`<Data PSGuid='${GUID}'>AAEC</Data>`)).toMatchObject({
      stream: 'Default',
      data: Buffer.from([0, 1, 2]),
    });
  });

  it('refuses a broken body, a missing GUID or an unknown element with a typed error', () => {
    for (const bad of [
      `<Data Stream='Default' PSGuid='${GUID}'>AAE</Data>`,
      `<Data Stream='Default' PSGuid='${GUID}'>AA=A</Data>`,
      `<DataAck PSGuid='not-a-guid' />`,
      `<Close />`,
      `<Nope PSGuid='${GUID}' />`,
    ])
      expect(() => parsePacket(bad)).toThrow(PsrpProtocolError);
  });

  it('never throws anything but a typed error on 5,000 truncated or mutated lines', () => {
    const lines = PACKETS.map(packetLine);
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 5000; i++) {
      const line = lines[rand(lines.length)]!;
      const cut = line.slice(0, rand(line.length + 1));
      const chars = [...cut];
      if (chars.length > 0) chars[rand(chars.length)] = String.fromCharCode(rand(128));
      for (const candidate of [cut, chars.join('')]) {
        try {
          parsePacket(candidate);
        } catch (e) {
          expect(e).toBeInstanceOf(PsrpProtocolError);
        }
      }
    }
  });
});
