// The engine's side of forwarded command lines: one at a time, each in its client's working folder.
import type { Socket } from 'node:net';
import type { Frame } from './line-frames.js';
import { onFrames, sendFrame } from './line-frames.js';
import type { CliRequest, RunCommandLine } from './serve-cli-request.js';
import { isCliRequest, serveCliRequest } from './serve-cli-request.js';

/** What the engine gives the forwarding: how to run a command line, and the process's working folder. */
export interface CliForwardingDeps {
  readonly run: RunCommandLine;
  /** Makes the client's folder this process's working folder (relative paths in a command line resolve there). */
  readonly chdir?: (dir: string) => void;
  /** Called after each command's exit code is sent: the engine tops its key pool up then, when nobody waits. */
  readonly ran?: () => void;
}

/** Serves forwarded command lines on the connections handed to it. */
export interface CliForwarding {
  /**
   * Serves a connection whose first frame (already read) is `request`; later frames are the client's replies. `ran` is
   * called after its exit code is sent, besides the forwarding's own.
   */
  serve(socket: Socket, request: CliRequest, ran?: () => void): void;
}

/**
 * Forwarded command lines run one after another (each changes the working folder), in arrival order.
 * @example const fwd = cliForwarding({ run: runCli, chdir: (d) => process.chdir(d) }); fwd.serve(socket, first);
 */
export function cliForwarding(deps: CliForwardingDeps): CliForwarding {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    serve(socket, request, ran) {
      const replies = new Map<string, (f: Frame | null) => void>();
      socket.on('error', () => undefined);
      socket.on('close', () => {
        for (const resolve of replies.values()) resolve(null);
        replies.clear();
      });
      onFrames(socket, (frame) => {
        const waiting = replies.get(frame.t);
        replies.delete(frame.t);
        waiting?.(frame);
      });
      socket.resume(); // a protocol that read the first line may have paused the socket
      queue = queue.then(async () => {
        if (socket.destroyed) return;
        try {
          deps.chdir?.(request.cwd);
        } catch {
          return void socket.destroy(); // the client's folder is gone: it reports the engine stopped
        }
        if (!sendFrame(socket, { t: 'accepted' })) return;
        await serveCliRequest(request, socket, replies, deps.run);
        socket.end();
        deps.ran?.();
        ran?.();
      });
    },
  };
}

/**
 * Serves a connection of its own: its first frame must be a forwarded command line (else `other` gets it).
 * @example server.on('connection', (s) => handleCliConnection(s, fwd));
 */
export function handleCliConnection(
  socket: Socket,
  forwarding: CliForwarding,
  other: (frame: Frame) => void = () => socket.destroy(),
): void {
  let first = true;
  onFrames(socket, (frame) => {
    if (!first) return;
    first = false;
    socket.removeAllListeners('data');
    if (isCliRequest(frame)) forwarding.serve(socket, frame);
    else other(frame);
  });
}
