// PSRP fragments (MS-PSRP 2.2.4): messages cut into blobs of at most 32 KiB and put back together in order.
import { PsrpProtocolError } from './psrp-protocol-error.js';

const HEADER = 21;
const START = 0x1;
const END = 0x2;
/** The largest fragment PowerShell sends or accepts by default (header included). */
export const MAX_FRAGMENT = 32 * 1024;

/**
 * Cuts one message into fragments of at most `maxFragment` bytes (header included).
 * @example fragmentMessage(1n, Buffer.from('abc')) // [<21-byte header, flags S|E, 'abc'>]
 */
export function fragmentMessage(objectId: bigint, message: Uint8Array, maxFragment = MAX_FRAGMENT): Buffer[] {
  const blobMax = maxFragment - HEADER;
  if (blobMax < 1) throw new PsrpProtocolError('fragment', `a fragment of ${maxFragment} bytes cannot hold data`);
  const out: Buffer[] = [];
  let fragmentId = 0n;
  for (let at = 0; at === 0 || at < message.length; at += blobMax) {
    const blob = message.subarray(at, at + blobMax);
    const head = Buffer.alloc(HEADER);
    head.writeBigUInt64BE(objectId, 0);
    head.writeBigUInt64BE(fragmentId++, 8);
    head.writeUInt8((at === 0 ? START : 0) | (at + blobMax >= message.length ? END : 0), 16);
    head.writeUInt32BE(blob.length, 17);
    out.push(Buffer.concat([head, blob]));
  }
  return out;
}

interface Partial {
  next: bigint;
  parts: Buffer[];
  size: number;
}

/** Limits of a Defragmenter. */
export interface DefragmenterOptions {
  /** Largest blob accepted in one fragment (default 32 KiB). */
  readonly maxBlob?: number;
  /** Largest reassembled message (default 64 MiB). */
  readonly maxMessage?: number;
}

/**
 * Takes fragment bytes in any chunking and gives back whole messages in order; typed errors for gaps or bad headers.
 * @example const d = new Defragmenter(); for (const f of fragmentMessage(1n, msg)) d.push(f); // -> [msg]
 */
export class Defragmenter {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private need = HEADER;
  private readonly partial = new Map<bigint, Partial>();
  private readonly maxBlob: number;
  private readonly maxMessage: number;

  constructor(options: DefragmenterOptions = {}) {
    this.maxBlob = options.maxBlob ?? MAX_FRAGMENT;
    this.maxMessage = options.maxMessage ?? 64 * 1024 * 1024;
  }

  /** Adds bytes; returns the messages they completed. */
  push(bytes: Uint8Array): Buffer[] {
    this.pending.push(Buffer.from(bytes));
    this.pendingLength += bytes.length;
    if (this.pendingLength < this.need) return [];
    let buffer = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    const done: Buffer[] = [];
    this.need = HEADER;
    while (buffer.length >= HEADER) {
      const objectId = buffer.readBigUInt64BE(0);
      const fragmentId = buffer.readBigUInt64BE(8);
      const flags = buffer.readUInt8(16);
      const length = buffer.readUInt32BE(17);
      if ((flags & ~(START | END)) !== 0) this.fail(`fragment flags 0x${flags.toString(16)} are not S/E`);
      if (length > this.maxBlob) this.fail(`a blob of ${length} bytes exceeds ${this.maxBlob}`);
      if (buffer.length < HEADER + length) {
        this.need = HEADER + length;
        break;
      }
      const blob = buffer.subarray(HEADER, HEADER + length);
      buffer = buffer.subarray(HEADER + length);
      const message = this.accept(objectId, fragmentId, flags, blob);
      if (message) done.push(message);
    }
    this.pending = buffer.length > 0 ? [buffer] : [];
    this.pendingLength = buffer.length;
    return done;
  }

  /** True when no fragment is waiting for the rest of its message. */
  get idle(): boolean {
    return this.pendingLength === 0 && this.partial.size === 0;
  }

  private accept(objectId: bigint, fragmentId: bigint, flags: number, blob: Buffer): Buffer | null {
    let p = this.partial.get(objectId);
    if (flags & START) {
      if (fragmentId !== 0n) this.fail(`object ${objectId} starts at fragment ${fragmentId}, not 0`);
      if (p) this.fail(`object ${objectId} started again before it ended`);
      p = { next: 0n, parts: [], size: 0 };
      this.partial.set(objectId, p);
    } else if (!p) {
      return this.fail(`fragment ${fragmentId} of object ${objectId} came without its start`);
    }
    if (fragmentId !== p.next) this.fail(`object ${objectId}: fragment ${fragmentId} came where ${p.next} was due`);
    p.next++;
    p.size += blob.length;
    if (p.size > this.maxMessage) this.fail(`object ${objectId} is larger than ${this.maxMessage} bytes`);
    p.parts.push(Buffer.from(blob));
    if (!(flags & END)) return null;
    this.partial.delete(objectId);
    return Buffer.concat(p.parts);
  }

  private fail(message: string): never {
    this.pending = [];
    this.pendingLength = 0;
    this.need = HEADER;
    this.partial.clear();
    throw new PsrpProtocolError('fragment', message);
  }
}
