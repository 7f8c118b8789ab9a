// Runs a command line in the engine that serves its state, when one is running: this process then only relays.
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { engineSocketPath } from '../../backend/sim/engine-socket-path.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import type { Frame } from './line-frames.js';
import { onFrames, sendFrame } from './line-frames.js';

/** Commands that stay in this process: the interactive shell reads the terminal itself, `engine` is the engine. */
const STAY_HERE: ReadonlySet<string> = new Set(['shell', 'engine']);

/** The value of `--name V` / `--name=V` before any `--`, else undefined. */
function option(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const a = argv[i]!;
    if (a === name) value = argv[i + 1];
    else if (a.startsWith(`${name}=`)) value = a.slice(name.length + 1);
  }
  return value;
}

/**
 * The socket of the engine a command line can run in: its state is named by `--state` or EXCHCERT_STATE, its backend
 * is the mock, and an engine's socket (a named pipe on Windows) exists for that state. Null when the command runs here.
 * @example engineSocketFor(['run', 'a.ps1', '--state', 'lab'], {}, '/srv', 'linux') // '/srv/lab/engine.sock' when it exists
 */
export function engineSocketFor(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  platform: string,
): string | null {
  if (argv.length === 0 || STAY_HERE.has(argv[0]!) || env.EXCHCERT_NO_ENGINE === '1') return null;
  const backend = option(argv, '--backend');
  if (backend !== undefined && backend !== 'mock') return null;
  const state = option(argv, '--state') ?? env.EXCHCERT_STATE;
  if (state === undefined || state === '') return null;
  const socket = engineSocketPath(resolve(cwd, state), platform);
  return existsSync(socket) ? socket : null;
}

/** Answers the engine's requests for standard input and for a secret typed at the terminal. */
async function answer(frame: Frame, io: CliIo): Promise<Frame | null> {
  if (frame.t === 'stdin') {
    const bytes = io.readStdinBytes ? await io.readStdinBytes() : Buffer.from(await io.readStdin(), 'utf8');
    return { t: 'stdin', b64: Buffer.from(bytes).toString('base64') };
  }
  if (frame.t === 'secret') {
    const value = io.promptSecret ? await io.promptSecret(String(frame.question)) : null;
    return { t: 'secret', value };
  }
  return null;
}

/**
 * Runs the command line in the engine serving its state and relays its output; null when there is no such engine
 * (or it does not answer), so the caller runs the command itself. The exit code is the engine's.
 * @example const code = (await forwardToEngine(argv, io)) ?? (await runHere(argv, io));
 */
export function forwardToEngine(argv: readonly string[], io: CliIo): Promise<number | null> {
  const path = engineSocketFor(argv, io.env, io.cwd, io.platform ?? 'linux');
  if (path === null) return Promise.resolve(null);
  return new Promise((done) => {
    const socket = connect(path);
    let accepted = false;
    let exit: number | null = null;
    socket.on('error', () => undefined);
    socket.on('close', () => {
      // Not taken (a stale socket file, an engine that does not run command lines, or one that stopped before it
      // started this one): nothing ran there, so it runs here.
      if (!accepted) return done(null);
      if (exit === null) io.stderr.write(`exchcert: the engine serving ${path} stopped before the command ended\n`);
      done(exit ?? EXIT.failed);
    });
    socket.on('connect', () => {
      sendFrame(socket, {
        t: 'cli',
        argv: [...argv],
        cwd: io.cwd,
        env: io.env,
        stdinIsTTY: io.stdinIsTTY,
        stderrIsTTY: io.stderrIsTTY === true,
        columns: io.columns ?? null,
        canPrompt: io.stdinIsTTY && io.promptSecret !== undefined,
      });
    });
    onFrames(socket, (frame) => {
      if (frame.t === 'accepted') accepted = true;
      else if (!accepted) socket.destroy();
      else if (frame.t === 'out') io.stdout.write(String(frame.text));
      else if (frame.t === 'err') io.stderr.write(String(frame.text));
      else if (frame.t === 'exit') {
        exit = typeof frame.code === 'number' ? frame.code : EXIT.failed;
        socket.end();
      } else void answer(frame, io).then((reply) => reply && sendFrame(socket, reply));
    });
  });
}
