// What the runspace pool needs from a byte pipe: write a packet line, get packet lines and the end.
import { createInterface } from 'node:readline';
/** A line-oriented duplex carrying out-of-process packets (pwsh -s stdio, an SSH subsystem channel). */
export interface PacketChannel {
  /** Writes one packet line (the channel adds the newline). */
  write(line: string): void;
  /** Called for every line the peer writes. */
  onLine(handler: (line: string) => void): void;
  /** Called once when the pipe ends; `reason` says how. */
  onClose(handler: (reason: string) => void): void;
  /** Ends the pipe (and the process behind it). */
  close(): Promise<void>;
}

/** A PacketChannel over a readable of lines; `end(reason)` reports the pipe's end once. */
export function lineChannel(
  input: NodeJS.ReadableStream,
  write: (line: string) => void,
  close: (ended: Promise<string>) => Promise<void>,
): { readonly channel: PacketChannel; readonly end: (reason: string) => void } {
  const lineHandlers: ((line: string) => void)[] = [];
  const closeHandlers: ((reason: string) => void)[] = [];
  let ended: string | null = null;
  let resolveEnd: (reason: string) => void = () => undefined;
  const endPromise = new Promise<string>((r) => (resolveEnd = r));
  createInterface({ input }).on('line', (line) => {
    for (const h of lineHandlers) h(line);
  });
  const end = (reason: string) => {
    if (ended !== null) return;
    ended = reason;
    resolveEnd(reason);
    for (const h of closeHandlers) h(reason);
  };
  const channel: PacketChannel = {
    write(line) {
      if (ended === null) write(`${line}\n`);
    },
    onLine(h) {
      lineHandlers.push(h);
    },
    onClose(h) {
      closeHandlers.push(h);
    },
    async close() {
      if (ended === null) await close(endPromise);
    },
  };
  return { channel, end };
}
