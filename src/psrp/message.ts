// PSRP message header (MS-PSRP 2.2.1): destination, type, runspace pool id, pipeline id, then UTF-8 CLIXML.
import { PsrpProtocolError } from './psrp-protocol-error.js';

/** Who a message is for. */
export const Destination = { CLIENT: 1, SERVER: 2 } as const;

/** One PSRP message. */
export interface PsrpMessage {
  readonly destination: number;
  readonly type: number;
  /** Runspace pool id (lower-case GUID text). */
  readonly rpid: string;
  /** Pipeline id; the empty GUID for pool messages. */
  readonly pid: string;
  /** The CLIXML body (BOM removed). */
  readonly data: string;
}

/** The all-zero GUID. */
export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
const HEADER = 40;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID's 16 bytes in .NET order (first three groups little-endian). */
export function guidToBytes(guid: string): Buffer {
  if (!GUID.test(guid)) throw new PsrpProtocolError('message', `'${guid}' is not a GUID`);
  const hex = guid.replace(/-/g, '');
  const b = Buffer.from(hex, 'hex');
  return Buffer.concat([
    b.subarray(0, 4).reverse(),
    b.subarray(4, 6).reverse(),
    b.subarray(6, 8).reverse(),
    b.subarray(8),
  ]);
}

/** The GUID text of 16 bytes in .NET order. */
export function guidFromBytes(bytes: Uint8Array): string {
  const b = Buffer.from(bytes);
  const h = Buffer.concat([
    Buffer.from(b.subarray(0, 4)).reverse(),
    Buffer.from(b.subarray(4, 6)).reverse(),
    Buffer.from(b.subarray(6, 8)).reverse(),
    b.subarray(8, 16),
  ]).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A message as bytes. @example encodeMessage({ destination: 2, type: 0x00010002, rpid, pid: EMPTY_GUID, data: '<Obj .../>' }) */
export function encodeMessage(m: PsrpMessage): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32LE(m.destination, 0);
  head.writeUInt32LE(m.type, 4);
  // A message without data (END_OF_PIPELINE_INPUT) has no body at all: a lone BOM is not an object to the server.
  const body = m.data === '' ? [] : [BOM, Buffer.from(m.data, 'utf8')];
  return Buffer.concat([head, guidToBytes(m.rpid), guidToBytes(m.pid), ...body]);
}

/** Bytes as a message; typed error when too short or not UTF-8. */
export function decodeMessage(bytes: Uint8Array): PsrpMessage {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < HEADER)
    throw new PsrpProtocolError('message', `a message needs ${HEADER} header bytes, got ${b.length}`);
  const destination = b.readUInt32LE(0);
  if (destination !== 1 && destination !== 2)
    throw new PsrpProtocolError('message', `destination ${destination} is neither client (1) nor server (2)`);
  let body = b.subarray(HEADER);
  if (body.subarray(0, 3).equals(BOM)) body = body.subarray(3);
  let data: string;
  try {
    data = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch (e) {
    throw new PsrpProtocolError('message', 'the message body is not UTF-8', { cause: e });
  }
  return {
    destination,
    type: b.readUInt32LE(4),
    rpid: guidFromBytes(b.subarray(8, 24)),
    pid: guidFromBytes(b.subarray(24, 40)),
    data,
  };
}
