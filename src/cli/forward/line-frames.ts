// Newline-delimited JSON frames on a stream socket: one object per line, in order.
import type { Socket } from 'node:net';

/** A frame of the engine's local protocol: a JSON object with its kind in `t`. */
export interface Frame {
  readonly t: string;
  readonly [key: string]: unknown;
}

/** Writes one frame (false when the socket is gone). */
export function sendFrame(socket: Socket, frame: Frame): boolean {
  if (socket.destroyed || !socket.writable) return false;
  socket.write(`${JSON.stringify(frame)}\n`);
  return true;
}

/**
 * Calls `onFrame` for every complete line the socket delivers; a line that is not a JSON object closes the socket.
 * @example onFrames(socket, (frame) => console.log(frame.t));
 */
export function onFrames(socket: Socket, onFrame: (frame: Frame) => void): void {
  let pending = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    pending += chunk;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (line.trim() === '') continue;
      let frame: unknown;
      try {
        frame = JSON.parse(line);
      } catch {
        socket.destroy();
        return;
      }
      if (typeof frame !== 'object' || frame === null || typeof (frame as Frame).t !== 'string') {
        socket.destroy();
        return;
      }
      onFrame(frame as Frame);
    }
  });
}
