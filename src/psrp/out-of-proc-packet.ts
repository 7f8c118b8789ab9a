// Out-of-process framing (pwsh -s, SSH subsystem): one XML element per line carrying base64 fragments or a signal.
import { XMLParser } from 'fast-xml-parser';
import { PsrpProtocolError } from './psrp-protocol-error.js';

/** The packet kinds of the out-of-process transport. */
export type PacketKind = 'Data' | 'DataAck' | 'Command' | 'CommandAck' | 'Signal' | 'SignalAck' | 'Close' | 'CloseAck';

/** One packet. */
export interface OutOfProcPacket {
  readonly kind: PacketKind;
  /** Pool messages carry the empty GUID; pipeline messages the pipeline's id. */
  readonly psGuid: string;
  /** Data only: `Default` or `PromptResponse`. */
  readonly stream?: string;
  /** Data only: the fragment bytes. */
  readonly data?: Buffer;
}

const KINDS = new Set<string>(['Data', 'DataAck', 'Command', 'CommandAck', 'Signal', 'SignalAck', 'Close', 'CloseAck']);
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
});

/** A packet as the line to write (no newline). @example packetLine({ kind: 'Close', psGuid: EMPTY_GUID }) // "<Close PSGuid='00000000-...' />" */
export function packetLine(p: OutOfProcPacket): string {
  if (!GUID.test(p.psGuid)) throw new PsrpProtocolError('framing', `'${p.psGuid}' is not a GUID`);
  if (p.kind === 'Data')
    return `<Data Stream='${p.stream ?? 'Default'}' PSGuid='${p.psGuid}'>${(p.data ?? Buffer.alloc(0)).toString('base64')}</Data>`;
  return `<${p.kind} PSGuid='${p.psGuid}' />`;
}

// The exact shape pwsh writes, read without an XML parser (a packet per output object makes this the hot path).
const PLAIN =
  /^<(Data|DataAck|Command|CommandAck|Signal|SignalAck|Close|CloseAck) (?:Stream='(\w+)' )?PSGuid='([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})'(?: \/>|>([A-Za-z0-9+/]*={0,2})<\/Data>)$/;

/** A line in pwsh's exact shape as a packet; null for anything else (the XML parser reads it then). */
function plainPacket(line: string): OutOfProcPacket | null {
  const m = PLAIN.exec(line);
  if (!m) return null;
  const [, kind, stream, guid, body] = m;
  const isData = kind === 'Data';
  if (isData !== (body !== undefined) || (!isData && stream !== undefined)) return null;
  if (!isData) return { kind: kind as PacketKind, psGuid: guid!.toLowerCase() };
  if (body!.length % 4 !== 0) throw new PsrpProtocolError('framing', 'Data packet body is not base64');
  return { kind: 'Data', psGuid: guid!.toLowerCase(), stream: stream ?? 'Default', data: Buffer.from(body!, 'base64') };
}

/** A line from the peer as a packet; typed error for anything else. */
export function parsePacket(line: string): OutOfProcPacket {
  const trimmed = line.trim();
  const plain = plainPacket(trimmed);
  if (plain) return plain;
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(trimmed, true) as Record<string, unknown>;
  } catch (e) {
    throw new PsrpProtocolError('framing', `not a packet: '${line.slice(0, 80)}'`, { cause: e });
  }
  const names = Object.keys(doc).filter((k) => !k.startsWith('?'));
  const kind = names[0];
  if (names.length !== 1 || kind === undefined || !KINDS.has(kind))
    throw new PsrpProtocolError('framing', `not a packet: '${line.slice(0, 80)}'`);
  const el = doc[kind];
  const attrs = (typeof el === 'object' && el !== null ? el : {}) as Record<string, string>;
  const psGuid = attrs.PSGuid ?? '';
  if (!GUID.test(psGuid)) throw new PsrpProtocolError('framing', `${kind} packet without a PSGuid`);
  if (kind !== 'Data') return { kind: kind as PacketKind, psGuid: psGuid.toLowerCase() };
  const text = typeof el === 'string' ? el : (attrs['#text'] ?? '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0)
    throw new PsrpProtocolError('framing', 'Data packet body is not base64');
  return {
    kind: 'Data',
    psGuid: psGuid.toLowerCase(),
    stream: attrs.Stream ?? 'Default',
    data: Buffer.from(text, 'base64'),
  };
}
