// The engine's side of a forwarded command line: runs it in-process with an io that relays to the client.
import type { Socket } from 'node:net';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { reportError } from '../report-error.js';
import type { Frame } from './line-frames.js';
import { sendFrame } from './line-frames.js';

/** What the client sends first: its command line and what its process looks like. */
export interface CliRequest extends Frame {
  readonly t: 'cli';
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdinIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly columns: number | null;
  readonly canPrompt: boolean;
}

/** Runs a command line in this process (the CLI's own dispatch) and gives its exit code. */
export type RunCommandLine = (argv: readonly string[], io: CliIo) => Promise<number>;

/** True when a frame is a well-formed CliRequest. */
export function isCliRequest(frame: Frame): frame is CliRequest {
  const f = frame as Partial<CliRequest>;
  return (
    f.t === 'cli' &&
    Array.isArray(f.argv) &&
    f.argv.every((a) => typeof a === 'string') &&
    typeof f.cwd === 'string' &&
    typeof f.env === 'object' &&
    f.env !== null
  );
}

/** Sends `ask` and waits for the client's frame of the same kind (null when the client goes away). */
function askClient(socket: Socket, replies: Map<string, (f: Frame | null) => void>, ask: Frame): Promise<Frame | null> {
  return new Promise((resolve) => {
    if (!sendFrame(socket, ask)) return resolve(null);
    replies.set(ask.t, resolve);
  });
}

/**
 * Runs one forwarded command line and sends its output and exit code; the client's replies (standard input, a typed
 * secret) arrive through `replies`, keyed by the frame kind asked for.
 * @example await serveCliRequest(request, socket, replies, (argv, io) => runCli(argv, io));
 */
export async function serveCliRequest(
  request: CliRequest,
  socket: Socket,
  replies: Map<string, (f: Frame | null) => void>,
  run: RunCommandLine,
): Promise<number> {
  let stdin: Promise<Uint8Array> | undefined;
  const readBytes = (): Promise<Uint8Array> =>
    (stdin ??= askClient(socket, replies, { t: 'stdin' }).then((f) =>
      f && typeof f.b64 === 'string' ? new Uint8Array(Buffer.from(f.b64, 'base64')) : new Uint8Array(0),
    ));
  const io: CliIo = {
    stdout: { write: (text) => void sendFrame(socket, { t: 'out', text }) },
    stderr: { write: (text) => void sendFrame(socket, { t: 'err', text }) },
    readStdin: async () => Buffer.from(await readBytes()).toString('utf8'),
    readStdinBytes: readBytes,
    stdinIsTTY: request.stdinIsTTY === true,
    stderrIsTTY: request.stderrIsTTY === true,
    columns: typeof request.columns === 'number' ? request.columns : undefined,
    env: request.env,
    cwd: request.cwd,
    ...(request.canPrompt
      ? {
          promptSecret: async (question: string) => {
            const reply = await askClient(socket, replies, { t: 'secret', question });
            return typeof reply?.value === 'string' ? reply.value : '';
          },
        }
      : {}),
  };
  let code: number;
  try {
    code = await run(request.argv, io);
  } catch (e) {
    code = reportError(e, io);
  }
  sendFrame(socket, { t: 'exit', code: Number.isInteger(code) ? code : EXIT.failed });
  return code;
}
