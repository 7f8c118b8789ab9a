// A command line forwarded to the engine serving its state prints, reads and exits exactly as when run here.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cliForwarding, handleCliConnection } from '../../../src/cli/forward/cli-connection.js';
import {
  ENGINE_SOCKET_NAME as ENGINE_SOCKET_FILE,
  engineSocketPath,
} from '../../../src/backend/sim/engine-socket-path.js';
import { engineSocketFor, forwardToEngine } from '../../../src/cli/forward/forward-to-engine.js';
import type { RunCommandLine } from '../../../src/cli/forward/serve-cli-request.js';
import { runCli } from '../../../src/cli/run-cli.js';
import { fakeIo } from '../../support/fake-io.js';
import type { FakeIo } from '../../support/fake-io.js';

const base = mkdtempSync(join(tmpdir(), 'exchcert-fwd-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const withCwd = (io: FakeIo, cwd: string): FakeIo => ({ ...io, cwd });

/** An engine on `<dir>/engine.sock` running command lines with `run`; counts the calls after which it may refill. */
async function engine(
  dir: string,
  run: RunCommandLine,
  chdir?: (dir: string) => void,
): Promise<{ server: Server; ran: () => number; drop: () => void }> {
  mkdirSync(dir, { recursive: true });
  let ran = 0;
  const sockets = new Set<Socket>();
  const forwarding = cliForwarding({ run, ran: () => ran++, ...(chdir ? { chdir } : {}) });
  const server = createServer((socket) => {
    sockets.add(socket);
    handleCliConnection(socket, forwarding);
  });
  await new Promise<void>((resolve) => server.listen(join(dir, ENGINE_SOCKET_FILE), resolve));
  return { server, ran: () => ran, drop: () => sockets.forEach((s) => s.destroy()) };
}

describe('engineSocketFor', () => {
  const dir = join(base, 'lookup');
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, ENGINE_SOCKET_FILE), '');
  });
  it('finds the socket of the state named by --state, --state= or EXCHCERT_STATE', () => {
    const socket = join(dir, ENGINE_SOCKET_FILE);
    expect(engineSocketFor(['run', 'a.ps1', '--state', 'lookup'], {}, base, 'linux')).toBe(socket);
    expect(engineSocketFor(['get', `--state=${dir}`], {}, '/', 'linux')).toBe(socket);
    expect(engineSocketFor(['get', '--server', 'EX1'], { EXCHCERT_STATE: dir }, '/', 'linux')).toBe(socket);
  });
  it('keeps the command here for other backends, the shell, no state, no socket or EXCHCERT_NO_ENGINE', () => {
    expect(engineSocketFor(['get', '--backend', 'local', '--state', dir], {}, '/', 'linux')).toBeNull();
    expect(engineSocketFor(['shell', '--state', dir], {}, '/', 'linux')).toBeNull();
    expect(engineSocketFor(['get', '--server', 'EX1'], {}, '/', 'linux')).toBeNull();
    expect(engineSocketFor(['get', '--state', join(base, 'none')], {}, '/', 'linux')).toBeNull();
    expect(engineSocketFor(['get', '--state', dir], { EXCHCERT_NO_ENGINE: '1' }, '/', 'linux')).toBeNull();
    expect(engineSocketFor(['run', 'a.ps1', '--', '--state', dir], {}, '/', 'linux')).toBeNull();
  });
  it('looks for the engine where it listens: on Windows its named pipe, not a socket file in the state', () => {
    expect(engineSocketFor(['get', '--state', dir], {}, '/', 'linux')).toBe(engineSocketPath(dir, 'linux'));
    expect(engineSocketPath(dir, 'win32')).toMatch(/^\\\\\.\\pipe\\exchcert-engine-[0-9a-f]+$/);
    expect(engineSocketFor(['get', '--state', dir], {}, '/', 'win32')).toBeNull();
  });
});

describe('forwardToEngine', () => {
  it('runs here (null) when the socket file is stale', async () => {
    const dir = join(base, 'stale');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, ENGINE_SOCKET_FILE), '');
    expect(await forwardToEngine(['get', '--state', dir], fakeIo())).toBeNull();
  });

  it('runs here (null) when the engine does not take command lines', async () => {
    const dir = join(base, 'other-engine');
    mkdirSync(dir, { recursive: true });
    // An engine that answers every line with a frame of its own protocol (as the simulated module's engine does).
    const server = createServer((socket) => socket.on('data', () => socket.write('{"id":0,"kind":"fault"}\n')));
    await new Promise<void>((resolve) => server.listen(join(dir, ENGINE_SOCKET_FILE), resolve));
    try {
      expect(await forwardToEngine(['get', '--state', dir], fakeIo())).toBeNull();
    } finally {
      server.close();
    }
  });

  it('relays output, standard input, a typed secret and the exit code', async () => {
    const dir = join(base, 'relay');
    const { server, ran } = await engine(dir, async (argv, io) => {
      io.stdout.write(`argv ${argv.join(' ')} cwd ${io.cwd}\n`);
      io.stdout.write(`stdin ${await io.readStdin()} again ${await io.readStdin()}\n`);
      io.stderr.write(`secret ${io.promptSecret ? await io.promptSecret('Password: ') : 'none'}\n`);
      return 3;
    });
    try {
      const io = fakeIo({ stdin: 'piped text', tty: true, answer: 's3cret' });
      const code = await forwardToEngine(['get', '--state', dir], io);
      expect({ code, out: io.out(), err: io.err(), ran: ran() }).toEqual({
        code: 3,
        out: `argv get --state ${dir} cwd ${process.cwd()}\nstdin piped text again piped text\n`,
        err: 'secret s3cret\n',
        ran: 1,
      });
    } finally {
      server.close();
    }
  });

  it('reports an engine that stops during the command, with exit code 1', async () => {
    const dir = join(base, 'dies');
    const { server, drop } = await engine(dir, (_argv, io) => {
      io.stdout.write('started\n');
      return new Promise(() => undefined); // never ends: the test drops the connection
    });
    try {
      const io = fakeIo();
      const pending = forwardToEngine(['get', '--state', dir], io);
      await new Promise((r) => setTimeout(r, 100));
      drop();
      const code = await Promise.race([pending, new Promise((r) => setTimeout(() => r('hung'), 5000))]);
      expect(code).toBe(1);
      expect(io.err()).toContain('stopped before the command ended');
    } finally {
      server.close();
    }
  });

  it('gives the CLI the same output, errors and exit codes as running it here', async () => {
    const dir = join(base, 'cli');
    const { server } = await engine(dir, (argv, io) => runCli(argv, io));
    const work = join(base, 'work');
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'g.ps1'), "Get-ExchangeCertificate -Server AMS-EXCH01 | Format-List Subject\n'done'\n");
    const lines = [
      ['run', join(work, 'g.ps1'), '--backend', 'mock', '--state', dir],
      ['get', '--server', 'AMS-EXCH01', '--backend', 'mock', '--state', dir, '--json'],
      ['get', '--server', 'AMS-EXCH01', '--state', dir, '--no-such-option'],
      ['run', 'missing.ps1', '--state', dir],
      ['run', '-', '--state', dir],
      ['get', '--help', '--state', dir],
    ];
    try {
      for (const argv of lines) {
        const here = withCwd(fakeIo({ stdin: "'from stdin'\n" }), work);
        const there = withCwd(fakeIo({ stdin: "'from stdin'\n" }), work);
        const hereCode = await runCli(argv, here);
        if (argv[1] === join(work, 'g.ps1')) expect(here.err() + here.out()).toContain('done');
        const thereCode = await forwardToEngine(argv, there);
        const strip = (s: string) => s.replace(/\d+(\.\d+)? ?ms\b/g, 'N ms');
        expect({ argv, code: thereCode, out: strip(there.out()), err: strip(there.err()) }).toEqual({
          argv,
          code: hereCode,
          out: strip(here.out()),
          err: strip(here.err()),
        });
      }
    } finally {
      server.close();
    }
  }, 60_000);

  it('runs each command line in the working folder of its client (relative paths resolve there)', async () => {
    const dir = join(base, 'relative');
    const before = process.cwd();
    const { server } = await engine(
      dir,
      (argv, io) => runCli(argv, io),
      (d) => process.chdir(d),
    );
    const work = join(base, 'work2');
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'r.ps1'), "'relative ok'\n");
    try {
      const io = withCwd(fakeIo(), work);
      const code = await forwardToEngine(['run', 'r.ps1', '--state', dir], io);
      expect({ code, out: io.out(), err: io.err() }).toEqual({ code: 0, out: 'relative ok\n', err: '' });
    } finally {
      process.chdir(before);
      server.close();
    }
  });
});
