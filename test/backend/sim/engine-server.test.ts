// The engine on its socket, driven by a Node client: two clients at once, a killed engine, a stale socket, mode 0600.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectEngine } from '../../../src/backend/sim/engine-client.js';
import { EngineRunningError, serveEngine } from '../../../src/backend/sim/engine-server.js';
import type { EngineResponse } from '../../../src/backend/sim/engine-protocol.js';
import { bin, cliEnv, root } from '../../e2e/support/mock-cli.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempState(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eng-'));
  dirs.push(dir);
  return join(dir, 'st');
}

/** Starts `exchcert engine serve` and waits for its socket; the log collects its stderr. */
async function serve(
  state: string,
): Promise<{ child: ChildProcess; log: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [bin, 'engine', 'serve', '--state', state, '--no-warm-up'], {
    cwd: root,
    env: cliEnv(),
  });
  children.push(child);
  let log = '';
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let i = 0; i < 200 && !log.includes('listening on'); i++) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, log: () => log, exited };
}

const done = (r: EngineResponse) => {
  if (r.kind !== 'done') throw new Error(`expected done, got ${JSON.stringify(r)}`);
  return r;
};

describe('exchcert engine serve', () => {
  it('serves two clients at once, keeps state across a kill, replaces the stale socket, refuses a second engine', async () => {
    const state = tempState();
    const first = await serve(state);
    const socket = join(state, 'engine.sock');
    expect(statSync(socket).mode & 0o777).toBe(0o600);

    // A second engine on the same state finds the live one and stops.
    const second = await serve(state);
    expect(await second.exited).toBe(1);
    expect(second.log()).toMatch(/already serves/);

    const [a, b] = await Promise.all([connectEngine(socket), connectEngine(socket)]);
    const [made, listed] = await Promise.all([
      a.call({
        op: 'invoke',
        cmdlet: 'New-ExchangeCertificate',
        parameterSet: 'Certificate',
        parameters: { SubjectName: 'CN=sim.contoso.com', DomainName: ['sim.contoso.com'], Services: { enum: 'None' } },
        shell: '7',
      }),
      b.call({
        op: 'invoke',
        cmdlet: 'Get-ExchangeCertificate',
        parameterSet: 'Thumbprint',
        parameters: {},
        shell: '7',
      }),
    ]);
    const thumbprint = String((done(made).output[0] as Record<string, unknown>)['Thumbprint']);
    expect(thumbprint).toMatch(/^[0-9A-F]{40}$/);
    expect(done(listed).connectedServer).toBe('AMS-EXCH01');
    a.close();
    b.close();

    // Killed between two calls: the socket file stays behind (stale); a new engine replaces it and nothing is lost.
    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(socket)).toBe(true);
    await expect(connectEngine(socket)).rejects.toThrow();
    const again = await serve(state);
    expect(again.log()).toMatch(/removing the stale socket/);
    const c = await connectEngine(socket);
    const got = done(
      await c.call({
        op: 'invoke',
        cmdlet: 'Get-ExchangeCertificate',
        parameterSet: 'Thumbprint',
        parameters: { Thumbprint: thumbprint },
        shell: '7',
      }),
    );
    expect((got.output[0] as Record<string, unknown>)['Subject']).toBe('CN=sim.contoso.com');
    c.close();
    again.child.kill('SIGTERM');
    await again.exited;
  }, 60_000);

  it('stops at a question, replays with the answer, and never logs or stores the PFX password', async () => {
    const state = tempState();
    const engine = await serve(state);
    const client = await connectEngine(join(state, 'engine.sock'));
    const created = done(
      await client.call({
        op: 'invoke',
        cmdlet: 'New-ExchangeCertificate',
        parameterSet: 'Certificate',
        parameters: { SubjectName: 'CN=q.contoso.com', PrivateKeyExportable: true, Services: { enum: 'None' } },
        shell: '7',
      }),
    );
    const thumbprint = String((created.output[0] as Record<string, unknown>)['Thumbprint']);
    // Remove is ConfirmImpact High: the engine hands the question back and changes nothing.
    const remove = {
      op: 'invoke',
      cmdlet: 'Remove-ExchangeCertificate',
      parameterSet: 'Thumbprint',
      shell: '7',
    } as const;
    const asked = await client.call({ ...remove, parameters: { Thumbprint: thumbprint } });
    expect(asked.kind).toBe('prompt');
    if (asked.kind === 'prompt') expect(asked.prompt.action).toContain(thumbprint);
    const password = 'Planted-Sim-Pw-7731';
    const exported = done(
      await client.call({
        op: 'invoke',
        cmdlet: 'Export-ExchangeCertificate',
        parameterSet: 'Thumbprint',
        parameters: { Thumbprint: thumbprint, BinaryEncoded: true, Password: { secret: password } },
        shell: '7',
        answers: ['Y'],
      }),
    );
    expect(exported.errors).toEqual([]);
    const fileData = (exported.output[0] as { FileData: { bytes: string } }).FileData.bytes;
    expect(Buffer.from(fileData, 'base64')[0]).toBe(0x30);
    const removed = done(await client.call({ ...remove, parameters: { Thumbprint: thumbprint }, answers: ['Y'] }));
    expect(removed.errors).toEqual([]);
    client.close();
    engine.child.kill('SIGTERM');
    await engine.exited;
    expect(engine.log()).toMatch(/Export-ExchangeCertificate done/);
    expect(engine.log()).not.toContain(password);
    for (const f of readdirSync(state, { recursive: true, withFileTypes: true }))
      if (f.isFile()) expect(readFileSync(join(f.parentPath, f.name)).includes(password)).toBe(false);
  }, 60_000);
  it('warms up before it listens (logging how long), and not when another engine serves the state', async () => {
    const state = tempState();
    const log: string[] = [];
    let listening: boolean | undefined;
    const first = await serveEngine({
      stateDir: state,
      platform: process.platform,
      log: (line) => log.push(line),
      warmUp: () => {
        listening = existsSync(join(state, 'engine.sock'));
        return Promise.resolve([0, 0]);
      },
    });
    try {
      expect(listening).toBe(false);
      expect(log[0]).toMatch(/^warmed up in \d+ ms \(exit codes: 0 0\)$/);
      let again = 0;
      const second = serveEngine({
        stateDir: state,
        platform: process.platform,
        warmUp: () => Promise.resolve([++again]),
      });
      await expect(second).rejects.toBeInstanceOf(EngineRunningError);
      expect(again).toBe(0);
    } finally {
      await first.close();
    }
  });
  it('moves the organization clock on a sleep request and refuses a bad duration, naming it', async () => {
    const state = tempState();
    const engine = await serve(state);
    const client = await connectEngine(join(state, 'engine.sock'));
    const make = async (name: string) =>
      (
        done(
          await client.call({
            op: 'invoke',
            cmdlet: 'New-ExchangeCertificate',
            parameterSet: 'Certificate',
            parameters: { SubjectName: `CN=${name}.contoso.com`, Services: { enum: 'None' } },
            shell: '7',
          }),
        ).output[0] as Record<string, { date: number }>
      )['NotAfter']!.date;
    const before = await make('before');
    done(await client.call({ op: 'sleep', ms: 3 * 86_400_000 }));
    const after = await make('after');
    expect(Math.round((after - before) / 86_400_000)).toBe(3);
    expect(await client.call({ op: 'sleep', ms: -5 })).toMatchObject({
      kind: 'fault',
      message: "sleep: ms must be a number >= 0, not '-5'.",
    });
    client.close();
    engine.child.kill('SIGTERM');
    await engine.exited;
  }, 60_000);
});
