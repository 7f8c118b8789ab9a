// Remoting for real on loopback: sshd on 127.0.0.1 with pwsh as its powershell subsystem, a host key and a user key
// made here; typed calls, a runbook and secrets cross with --backend ssh to the stub module loaded on the remote side,
// over both transports (runner: New-PSSession in a local pwsh; psrp: our client on the subsystem, no local pwsh).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { platform, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { TRANSPORT_KINDS } from '../../../src/backend/session/transport-kind.js';
import { serveEngine } from '../../../src/backend/sim/engine-server.js';
import { simSessionText } from '../../../src/backend/sim/sim-backend.js';
import { connect } from '../../../src/connect.js';
import type { ExchcertSession } from '../../../src/connect.js';
import { runCli } from '../../../src/cli/run-cli.js';
import { getExchangeCertificate } from '../../../src/cmdlet/get-exchange-certificate.js';
import { importExchangeCertificate } from '../../../src/cmdlet/import-exchange-certificate.js';
import { fileBytes } from '../../../src/node/expression.js';
import { secret } from '../../../src/node/secret.js';
import { fakeIo } from '../../support/fake-io.js';
import { root, seedCaIssueArgs } from '../../e2e/support/mock-cli.js';
import { stopEngine } from '../sim/sim-support.js';
import { describeWithPwsh, pwshPath } from '../../support/pwsh.js';
import { writeStubModules } from './stub-modules.js';

const SSHD = '/usr/sbin/sshd';
const THUMB = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';
const PASSWORD = 'Remote-Pfx-Secret-41!';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitForPort(port: number, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = createConnection({ port, host: '127.0.0.1' }, () => {
        c.end();
        resolve(true);
      });
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`sshd did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const run =
  existsSync(SSHD) || process.env.REQUIRE_PWSH === '1'
    ? describeWithPwsh
    : (name: string, fn: () => void) =>
        describe(name, () => {
          it.skip('SKIPPED: openssh-server (/usr/sbin/sshd) is not installed', fn);
        });

run('ssh backend over loopback sshd', () => {
  let dir: string;
  let sshd: ChildProcess | undefined;
  let port: number;
  let module: string;
  let sshArgs: (transport: string) => string[];
  const log: string[] = [];

  beforeAll(async () => {
    if (!existsSync(SSHD))
      throw new Error('openssh-server is not installed (.ci/run installs it): /usr/sbin/sshd missing');
    dir = mkdtempSync(join(tmpdir(), 'exchcert-ssh-'));
    for (const k of ['host_key', 'user_key']) {
      const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, k)], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);
    }
    writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'user_key.pub')), { mode: 0o600 });
    port = await freePort();
    writeFileSync(join(dir, 'known_hosts'), `[127.0.0.1]:${port} ${readFileSync(join(dir, 'host_key.pub'), 'utf8')}`);
    if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    // sshd sessions do not inherit the dotnet tool's environment: pwsh by its full path.
    writeFileSync(
      join(dir, 'sshd_config'),
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${join(dir, 'host_key')}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PubkeyAuthentication yes',
        'StrictModes no',
        'UsePAM no',
        'PermitRootLogin prohibit-password',
        `Subsystem powershell ${pwshPath()!} -sshs -NoLogo -NoProfile`,
        '',
      ].join('\n'),
    );
    sshd = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    sshd.stderr?.on('data', (d: Buffer) => log.push(`sshd: ${d.toString()}`));
    await waitForPort(port, 20_000);
    module = writeStubModules(dir)[0]!;
    sshArgs = (transport: string) => [
      '--backend',
      'ssh',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--user',
      userInfo().username,
      '--key-file',
      join(dir, 'user_key'),
      '--ssh-option',
      'StrictHostKeyChecking=yes',
      '--ssh-option',
      `UserKnownHostsFile=${join(dir, 'known_hosts')}`,
      '--bootstrap',
      'none',
      '--import-module',
      module,
      '--timeout',
      '120',
      '--transport',
      transport,
    ];
  }, 240_000);
  afterAll(() => {
    if (sshd?.pid) sshd.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const sshConnect = (transport: string, extra: Record<string, unknown> = {}) =>
    connect({
      backend: 'ssh',
      host: '127.0.0.1',
      port,
      user: userInfo().username,
      keyFile: join(dir, 'user_key'),
      bootstrap: 'none',
      importModule: [module],
      timeoutMs: 120_000,
      backendOptions: {
        transport: transport as 'runner' | 'psrp',
        // The PSRP transport needs no local pwsh: a path that does not exist proves it is never started.
        pwsh: transport === 'psrp' ? '/no/local/pwsh' : pwshPath()!,
        log: (l) => log.push(l),
        sshOptions: { StrictHostKeyChecking: 'yes', UserKnownHostsFile: join(dir, 'known_hosts') },
        ...extra,
      },
    });

  for (const transport of TRANSPORT_KINDS)
    describe(`over ${transport}`, () => {
      let session: ExchcertSession;
      beforeAll(async () => {
        session = await sshConnect(transport);
      }, 240_000);
      afterAll(async () => {
        await session?.close();
      });

      it('runs in the remote session (over SSH) and keeps its variables across calls', async () => {
        const where = await session.run('$exchcertRemoteVar = 5; [bool]$env:SSH_CONNECTION');
        expect(where.errors).toEqual([]);
        expect(where.output).toEqual([true]);
        expect((await session.run('$exchcertRemoteVar * 2')).output).toEqual([10]);
      }, 120_000);

      it('returns typed certificates from the remote stub module', async () => {
        const r = await session.invoke(getExchangeCertificate({ thumbprint: THUMB }));
        expect(r.errors).toEqual([]);
        expect(r.certificates).toHaveLength(1);
        expect(r.certificates[0]).toMatchObject({ Thumbprint: THUMB, Services: 'IMAP, POP, IIS, SMTP' });
        expect(r.certificates[0]!.NotAfter).toBeInstanceOf(Date);
      }, 120_000);

      it('carries a secret across as a SecureString (never in the text) and a runbook file with its errors', async () => {
        const pfx = join(dir, 'remote.pfx');
        writeFileSync(pfx, Buffer.from([0x30, 0x82, 0x01, 0x02]));
        const r = await session.invoke(
          importExchangeCertificate({ fileData: fileBytes(pfx), password: secret(PASSWORD), server: 'AMS-EXCH01' }),
        );
        expect(r.errors).toEqual([]);
        expect(r.result.text).not.toContain(PASSWORD);
        const record = JSON.parse(String((await session.run('$global:ExchcertRecords[-1]')).output[0])) as {
          parameters: Record<string, unknown>;
        };
        expect(record.parameters.Password).toEqual({ secret: PASSWORD });
        expect(
          (await session.run('$null -eq (Get-Variable -Name ExchcertPassword -ErrorAction Ignore)')).output,
        ).toEqual([true]);
        const file = join(dir, 'renew.ps1');
        const book = await session.run(`"$PSScriptRoot"\nGet-Item -LiteralPath '/no/such/remote'`, {
          scriptPath: file,
        });
        expect(book.output).toEqual([dir]);
        expect(book.errors[0]).toMatchObject({ category: 'ObjectNotFound', errorId: 'PathNotFound' });
        expect(log.join('\n')).not.toContain(PASSWORD);
      }, 120_000);

      it('a statement-terminating error ends its statement only, as in a console', async () => {
        const r = await session.run("[int]::Parse('x'); 'after'");
        expect(r.output).toEqual(['after']);
        expect(r.errors.map((e) => e.errorId)).toEqual(['FormatException']);
        const s = await session.run("$ExchcertLeft; [int]::Parse('y'); 'after secret'", {
          secrets: new Map([['ExchcertLeft', secret('left')]]),
        });
        expect(s.output).toHaveLength(2);
        expect(s.output[1]).toBe('after secret');
        expect((await session.run('Test-Path variable:ExchcertLeft')).output).toEqual([false]);
      }, 120_000);

      it('the CLI runs a runbook with --backend ssh', async () => {
        const file = join(dir, 'runbook.ps1');
        writeFileSync(
          file,
          `Get-ExchangeCertificate -Thumbprint '${THUMB}' | Select-Object -ExpandProperty Thumbprint\n`,
        );
        const io = fakeIo();
        const code = await runCli(['run', file, ...sshArgs(transport), '--json'], io);
        expect(io.err()).toBe('');
        expect(code).toBe(0);
        expect(JSON.parse(io.out())).toMatchObject({ ok: true, backend: 'ssh', output: [THUMB] });
      }, 240_000);
    });

  /** The CLI's ssh flags for a remote sim session on `state`: bootstrapped with `bootstrap`, without the stub modules. */
  const simRemote = (transport: string, state: string, bootstrap: string) => {
    const install = join(state, 'fs', 'C', 'install');
    mkdirSync(install, { recursive: true });
    const file = join(dir, `sim-session-${transport}.ps1`);
    writeFileSync(file, bootstrap);
    const ssh = sshArgs(transport).map((a, i, all) => (all[i - 1] === '--bootstrap' ? file : a));
    return { install, args: ssh.filter((a, i) => a !== '--import-module' && ssh[i - 1] !== '--import-module') };
  };

  it('runs the seed lifecycle across SSH with the ExchcertSim module on the remote side (runner)', async () => {
    const state = join(dir, 'sim-state');
    const { install, args: remote } = simRemote(
      'runner',
      state,
      simSessionText({ stateDir: state, node: process.execPath }),
    );
    const runbooks = join(root, 'fixtures', 'runbooks');
    try {
      const one = fakeIo();
      expect(await runCli(['run', join(runbooks, 'seed-part-one.ps1'), ...remote, '--json'], one)).toBe(0);
      expect(JSON.parse(one.out())).toMatchObject({ ok: true, backend: 'ssh' });
      const ca = fakeIo();
      expect(await runCli(seedCaIssueArgs(state), ca)).toBe(0);
      const issued = /thumbprint ([0-9A-F]{40})/.exec(ca.out())![1]!;
      const two = fakeIo();
      const code = await runCli(
        ['run', join(runbooks, 'seed-part-two.ps1'), ...remote, '--answer', 'Y', '--json'],
        two,
      );
      expect(JSON.parse(two.out())).toMatchObject({ ok: true, backend: 'ssh' });
      expect(code).toBe(0);
      const check = fakeIo({
        stdin: `@('AMS-EXCH01', 'RESEXCH01') | ForEach-Object { (Get-ExchangeCertificate -Server $_ -Thumbprint '${issued}').Thumbprint }`,
      });
      expect(await runCli(['run', '-', ...remote, '--json'], check)).toBe(0);
      expect(JSON.parse(check.out())).toMatchObject({ ok: true, output: [issued, issued] });
      expect(readFileSync(join(install, 'webmail_exchangefun_nl.pfx'))[0]).toBe(0x30);
      expect(log.join('\n')).not.toContain('Pass1word');
    } finally {
      await stopEngine(state);
    }
  }, 300_000);

  // The seed lifecycle on the remote side: ExchcertSim loaded by the SSH session's bootstrap, its engine served here
  // (loopback: the remote pwsh reaches the engine's socket in the state folder), the CA step in between.
  it('runs the seed lifecycle over PSRP on the SSH subsystem', async () => {
    const state = join(dir, 'seed-state');
    const { install, args } = simRemote('psrp', state, simSessionText({ stateDir: state }));
    const runbooks = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'runbooks');
    const cli = async (argv: string[]) => {
      const io = fakeIo();
      const code = await runCli(argv, io);
      return { code, out: io.out(), err: io.err() };
    };
    let engine = await serveEngine({ stateDir: state, platform: platform() });
    try {
      const one = await cli(['run', join(runbooks, 'seed-part-one.ps1'), ...args]);
      expect(one).toMatchObject({ code: 0, err: '' });
      await engine.close();
      const ca = await cli(seedCaIssueArgs(state));
      expect(ca.code).toBe(0);
      const issued = /thumbprint ([0-9A-F]{40})/.exec(ca.out)![1]!;
      engine = await serveEngine({ stateDir: state, platform: platform() });
      const two = await cli(['run', join(runbooks, 'seed-part-two.ps1'), ...args, '--answer', 'Y', '--json']);
      // stderr holds the lint findings for the session's pwsh 7 (-Encoding Byte), which the sim's file cmdlets take.
      expect(two.err).not.toContain('Pass1word');
      expect(JSON.parse(two.out)).toMatchObject({ ok: true, backend: 'ssh' });
      expect(two.code).toBe(0);
      expect(readFileSync(join(install, 'webmail_exchangefun_nl.pfx'))[0]).toBe(0x30);
      for (const server of ['AMS-EXCH01', 'RESEXCH01']) {
        const got = await cli(['get', ...args, '--server', server, '--thumbprint', issued, '--json']);
        expect(got.code).toBe(0);
        expect(got.out).toContain(issued);
      }
    } finally {
      await engine.close();
    }
  }, 300_000);

  describe("the PSRP client's host key check (OpenSSH's known_hosts rules)", () => {
    const attempt = async (sshOptions: Record<string, string>) => {
      const s = await sshConnect('psrp', { sshOptions });
      try {
        return (await s.run('1')).output;
      } finally {
        await s.close();
      }
    };
    const fingerprint = () =>
      /SHA256:\S+/.exec(
        spawnSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', join(dir, 'host_key.pub')], { encoding: 'utf8' }).stdout,
      )![0];

    it('refuses an unknown host with an error naming the host and its fingerprint', async () => {
      const empty = join(dir, 'empty_known_hosts');
      writeFileSync(empty, '');
      const options = { StrictHostKeyChecking: 'yes', UserKnownHostsFile: empty, GlobalKnownHostsFile: empty };
      await expect(attempt(options)).rejects.toThrow(
        `ssh: host [127.0.0.1]:${port} is not known: its ssh-ed25519 host key is ${fingerprint()}`,
      );
    }, 60_000);

    it('refuses a changed host key and adds a new one with accept-new', async () => {
      const other = join(dir, 'other_known_hosts');
      writeFileSync(other, `[127.0.0.1]:${port} ${readFileSync(join(dir, 'user_key.pub'), 'utf8')}`);
      await expect(attempt({ UserKnownHostsFile: other, GlobalKnownHostsFile: other })).rejects.toThrow(
        `has CHANGED: it is now ${fingerprint()}, ${other}:1 has another`,
      );
      const fresh = join(dir, 'fresh', 'known_hosts');
      const none = join(dir, 'empty_known_hosts');
      expect(
        await attempt({ StrictHostKeyChecking: 'accept-new', UserKnownHostsFile: fresh, GlobalKnownHostsFile: none }),
      ).toEqual([1]);
      expect(readFileSync(fresh, 'utf8')).toContain(`[127.0.0.1]:${port} ssh-ed25519 `);
      expect(
        await attempt({ StrictHostKeyChecking: 'yes', UserKnownHostsFile: fresh, GlobalKnownHostsFile: none }),
      ).toEqual([1]);
    }, 60_000);
  });
});
