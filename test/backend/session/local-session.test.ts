// The local backend on a plain pwsh session (--bootstrap none) with the generated stub module: the transport's
// envelope, prompts, scopes, secrets and faults, judged by real PowerShell.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../../../src/backend/backend.js';
import { localBackend } from '../../../src/backend/session/local-backend.js';
import { PipelineStopped } from '../../../src/interpreter/pipeline-stopped.js';
import { sessionTransport } from '../../../src/backend/session/session-transport.js';
import { TRANSPORT_KINDS } from '../../../src/backend/session/transport-kind.js';
import { BootstrapError, SessionDiedError, SessionTimeoutError } from '../../../src/backend/session/session-errors.js';
import { connect } from '../../../src/connect.js';
import type { ExchcertSession } from '../../../src/connect.js';
import { compile } from '../../../src/dialect/render.js';
import { exportExchangeCertificate } from '../../../src/cmdlet/export-exchange-certificate.js';
import { getExchangeCertificate } from '../../../src/cmdlet/get-exchange-certificate.js';
import { importExchangeCertificate } from '../../../src/cmdlet/import-exchange-certificate.js';
import { fileBytes } from '../../../src/node/expression.js';
import { secret } from '../../../src/node/secret.js';
import { describeWithPwsh, pwshPath } from '../../support/pwsh.js';
import { writeStubModules } from './stub-modules.js';

const THUMB = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';
const PASSWORD = 'Pfx-Secret-7f3c9a!';

// The contract: every test below runs against both transports.
for (const transport of TRANSPORT_KINDS) {
  describeWithPwsh(`local backend over ${transport}: a persistent pwsh session with the stub module`, () => {
    let dir: string;
    let session: ExchcertSession;
    let backend: Backend;
    const log: string[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'exchcert-session-'));
      const modules = writeStubModules(dir);
      session = await connect({
        backend: 'local',
        bootstrap: 'none',
        importModule: modules,
        answers: [],
        backendOptions: {
          transport,
          pwsh: pwshPath()!,
          log: (l) => log.push(l),
          readHost: (p) => (p === 'Your name' ? 'Zoë ✓' : null),
        },
      });
      backend = session.backend;
    }, 120_000);
    afterAll(async () => {
      await session?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('learns the shell on connect and keeps variables across calls (one runspace)', async () => {
      const info = await session.info();
      expect(info.shell).toBe('7');
      expect(info.shellVersion).toMatch(/^7\./);
      expect(info.exchange).toBeUndefined();
      await session.run('$exchcertTestValue = 41');
      expect((await session.run('$exchcertTestValue + 1')).output).toEqual([42]);
    });

    // Both keep one pipeline for all calls (the runner its thread, PSRP its call loop): no thread started per call.
    it('runs every call on the same pipeline thread (no thread started per call)', async () => {
      const threadId = '[System.Threading.Thread]::CurrentThread.ManagedThreadId';
      const ids: unknown[] = [];
      for (let i = 0; i < 3; i++) ids.push((await session.run(threadId)).output[0]);
      expect(typeof ids[0]).toBe('number');
      expect(new Set(ids).size).toBe(1);
    });

    it("renders Format-* output as the console's lines and streams host text with its newlines", async () => {
      const seen: string[] = [];
      const r = await session.run(
        "Write-Host 'a' -NoNewline; Write-Host 'b'; [pscustomobject]@{ Name = 'n1'; Mode = 'm1' } | Format-Table Name, Mode; 'x'; [pscustomobject]@{ Name = 'n2' } | Format-List",
        { host: { write: (t) => seen.push(t) } },
      );
      expect(seen).toEqual(['a', 'b\n']);
      expect(r.output).toEqual(['', 'Name Mode', '---- ----', 'n1   m1', '', 'x', '', 'Name : n2', '']);
    });

    it('keeps the output a call wrote before a script-terminating error, Format-* lines included', async () => {
      const r = await session.run("'before'; [pscustomobject]@{ Name = 'n1' } | Format-Table; throw 'late'");
      expect(r.ok).toBe(false);
      expect(r.output).toEqual(['before', '', 'Name', '----', 'n1', '']);
      expect(r.errors.map((e) => [e.message, e.terminating])).toEqual([['late', true]]);
    });

    // The runner's JSON stops two levels down; an Oid and an extension are written whole at any depth.
    if (transport === 'runner')
      it("writes a certificate's extensions and public key with their Oids, two levels down", async () => {
        const r = await session.run(`$k = [System.Security.Cryptography.ECDsa]::Create()
$q = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=t', $k, 'SHA256')
$q.CertificateExtensions.Add([System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension]::new($true, $false, 0, $true))
$c = $q.CreateSelfSigned([datetime]::UtcNow, [datetime]::UtcNow.AddDays(1))
[pscustomobject]@{ Extensions = $c.Extensions; PublicKey = $c.PublicKey }`);
        const o = r.output[0] as { Extensions: unknown; PublicKey: { Oid: unknown } };
        expect(o.Extensions).toEqual([
          { Oid: { FriendlyName: expect.stringMatching(/Basic Constraints/), Value: '2.5.29.19' }, Critical: true },
        ]);
        expect(o.PublicKey.Oid).toEqual({ FriendlyName: 'ECC', Value: '1.2.840.10045.2.1' });
      });

    it('invoke() compiles a builder for the session and returns certificates validated by the output schema', async () => {
      const r = await session.invoke(getExchangeCertificate({ thumbprint: THUMB, server: 'AMS-EXCH01' }));
      expect(r.ok).toBe(true);
      expect(r.result.text).toBe(`Get-ExchangeCertificate -Thumbprint '${THUMB}' -Server 'AMS-EXCH01'`);
      expect(r.certificates).toHaveLength(1);
      const c = r.certificates[0]!;
      expect(c.Thumbprint).toBe(THUMB);
      expect(c.Services).toBe('IMAP, POP, IIS, SMTP');
      expect(c.CertificateDomains).toEqual(['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl']);
      expect(c.NotAfter).toBeInstanceOf(Date);
      expect(c.RawData).toBeInstanceOf(Uint8Array);
      const bound = await session.run('$global:ExchcertRecords[-1]');
      expect(JSON.parse(String(bound.output[0]))).toMatchObject({
        cmdlet: 'Get-ExchangeCertificate',
        parameters: { Thumbprint: THUMB, Server: 'AMS-EXCH01' },
      });
    });

    it('returns ErrorRecords with category, FullyQualifiedErrorId, target and line; run() does not throw for them', async () => {
      const r = await session.run("'before'\nGet-Item -LiteralPath '/no/such/exchcert'\n'after'");
      expect(r.ok).toBe(false);
      expect(r.output).toEqual(['before', 'after']);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({
        category: 'ObjectNotFound',
        errorId: 'PathNotFound',
        command: 'Get-Item',
        fullyQualifiedErrorId: 'PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand',
        line: 2,
        terminating: false,
        targetObject: '/no/such/exchcert',
      });
      const t = await session.run(
        "$ErrorActionPreference = 'Stop'; try { Get-Item -LiteralPath '/no/such' } finally { $ErrorActionPreference = 'Continue' }",
      );
      expect(t.errors[0]).toMatchObject({ terminating: true, errorId: 'PathNotFound' });
      // A statement-terminating error ends its statement only; the next call still runs after a script-terminating one.
      const s = await session.run("[int]::Parse('x'); 'after'");
      expect(s.output).toEqual(['after']);
      expect(s.errors.map((e) => e.errorId)).toEqual(['FormatException']);
      expect((await session.run("throw 'stop here'; 'never'")).output).toEqual([]);
      expect((await session.run("'next call'")).output).toEqual(['next call']);
    });

    it('keeps warnings, verbose, information and host text apart', async () => {
      const r = await session.run(
        "Write-Warning 'w1'; Write-Verbose 'v1' -Verbose; Write-Information 'i1'; Write-Host 'h1'; 'o1'",
      );
      expect(r.output).toEqual(['o1']);
      expect(r.statements[0]!.warnings).toEqual(['w1']);
      expect(r.hostText).toBe('h1\n');
    });

    it('asks ShouldProcess and Read-Host through the answer providers; an unanswered prompt fails instead of hanging', async () => {
      await backend.run(
        "function Test-ExchcertConfirm { [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')] param() " +
          "if ($PSCmdlet.ShouldProcess('target')) { if ($PSCmdlet.ShouldContinue('Overwrite?', 'SMTP')) { 'done' } } }",
      );
      const remove = 'Test-ExchcertConfirm';
      const yes = await backend.run(remove, { answers: ['Y', 'Y'] });
      expect(yes.errors).toEqual([]);
      expect(yes.output).toEqual(['done']);
      const no = await backend.run(remove, { answers: ['Y', 'N'] });
      expect(no.output).toEqual([]);
      const nobody = await backend.run(remove);
      expect(nobody.ok).toBe(false);
      expect(nobody.errors[0]!.message).toContain('NonInteractive');
      const read = await backend.run("Read-Host -Prompt 'Your name'");
      expect(read.output).toEqual(['Zoë ✓']);
      const unanswered = await backend.run("Read-Host -Prompt 'Something else'");
      expect(unanswered.ok).toBe(false);
      // Only the prompting command fails (as in a non-interactive console): the rest of the text runs.
      const goesOn = await backend.run("$x = Read-Host -Prompt 'Again'; 'after'; Test-ExchcertConfirm; 'end'");
      expect(goesOn.output).toEqual(['after', 'end']);
      expect(goesOn.errors.map((e) => /NonInteractive/.test(e.message))).toEqual([true, true]);
    });

    it('runs a file as that script (script scope, $PSScriptRoot); text at the global scope', async () => {
      const path = join(dir, 'renew.ps1');
      const r = await backend.run('$exchcertScriptOnly = 1\n"$PSScriptRoot|$PSCommandPath"', { scriptPath: path });
      expect(r.output).toEqual([`${dir}|${path}`]);
      expect((await backend.run('$null -eq $exchcertScriptOnly')).output).toEqual([true]);
      await backend.run('$exchcertGlobal = 1');
      expect((await backend.run('$exchcertGlobal')).output).toEqual([1]);
    });

    it('carries non-ASCII text both ways and 1 MB of output', async () => {
      const text = 'Zoë — ✓ 𝄞 日本語';
      const r = await backend.run(`'${text}'; "$([char]0xD800)"`);
      expect(r.output).toEqual([text, '\uD800']);
      const big = await backend.run(
        "'x' * 1MB; 1..20000 | ForEach-Object { [pscustomobject]@{ N = $_ } } | Measure-Object | Select-Object -ExpandProperty Count",
      );
      expect((big.output[0] as string).length).toBe(1024 * 1024);
      expect(big.output[1]).toBe(20000);
    });

    it('ignores output written to the frame stream after a command finished, and the next call works', async () => {
      const late = join(dir, 'late.sh');
      writeFileSync(late, '#!/bin/sh\nsleep 0.3\necho exchcert-late-output\n', { mode: 0o755 });
      // The child inherits pwsh's stdout, the frame stream, and writes there after the call's result went out.
      const r = await backend.run(`Start-Process -FilePath '${late}' -NoNewWindow; 'started'`);
      expect(r.output).toEqual(['started']);
      await new Promise((res) => setTimeout(res, 1500));
      expect((await backend.run("'next'")).output).toEqual(['next']);
      expect(log.some((l) => l.includes('exchcert-late-output'))).toBe(true);
    });

    it('secrets reach the session as SecureStrings: never in argv, logs, errors or a transcript; the import succeeds', async () => {
      const transcript = join(dir, 'transcript.txt');
      const pfx = join(dir, 'cert.pfx');
      writeFileSync(pfx, Buffer.from([0x30, 0x82, 0x01, 0x02]));
      await backend.run(`$null = Start-Transcript -LiteralPath '${transcript}'`);
      const pid = (await backend.run('$PID')).output[0];
      const argv = readFileSync(`/proc/${String(pid)}/cmdline`, 'utf8');
      const compiled = compile(
        importExchangeCertificate({ fileData: fileBytes(pfx), password: secret(PASSWORD), server: 'AMS-EXCH01' }),
        { shell: '7' },
      );
      expect(compiled.text).not.toContain(PASSWORD);
      const r = await backend.run(compiled);
      expect(r.errors).toEqual([]);
      expect(r.output).toHaveLength(1);
      const failing = await backend.run(
        compile(exportExchangeCertificate({ thumbprint: THUMB, binaryEncoded: true, password: secret(PASSWORD) }), {
          shell: '7',
        }).text.replace('-BinaryEncoded', '-NoSuchParameter'),
        { secrets: new Map([['ExchcertPassword', secret(PASSWORD)]]) },
      );
      expect(failing.errors[0]!.errorId).toBe('NamedParameterNotFound');
      // The secret variable is gone after the call.
      expect((await backend.run('Get-Variable -Name ExchcertPassword -ValueOnly -ErrorAction Stop')).ok).toBe(false);
      await backend.run('Stop-Transcript');
      // The stub recorded what it was given (outside the transcript): a SecureString holding the password.
      const record = JSON.parse(String((await backend.run('$global:ExchcertRecords[-1]')).output[0])) as {
        parameters: Record<string, unknown>;
      };
      expect(record.parameters.Password).toEqual({ secret: PASSWORD });
      const visible = [
        argv,
        log.join('\n'),
        JSON.stringify(r),
        JSON.stringify(failing),
        readFileSync(transcript, 'utf8'),
      ];
      for (const v of visible) expect(v).not.toContain(PASSWORD);
    });
  });

  describeWithPwsh(`local backend faults over ${transport}`, () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'exchcert-faults-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('stops a command that never returns, names it, and the session lives on; a killed pwsh gives a typed error and a fresh session', async () => {
      const log: string[] = [];
      const b = localBackend({
        transport,
        bootstrap: 'none',
        timeoutMs: 2000,
        pwsh: pwshPath()!,
        log: (l) => log.push(l),
      });
      try {
        await b.run('$exchcertKept = 7');
        await expect(b.run('while ($true) { Start-Sleep -Milliseconds 20 }')).rejects.toThrow(SessionTimeoutError);
        await expect(b.run('while ($true) { Start-Sleep -Milliseconds 20 }')).rejects.toThrow(
          /while \(\$true\).*did not finish within 2 s/,
        );
        const kept = await b.run('$exchcertKept');
        expect(kept.output).toEqual([7]);
        expect(kept.notices).toBeUndefined();
        const pid = Number((await b.run('$PID')).output[0]);
        const sleeping = b.run('Start-Sleep -Seconds 1; Start-Sleep -Seconds 30');
        setTimeout(() => process.kill(pid, 'SIGKILL'), 500);
        await expect(sleeping).rejects.toThrow(SessionDiedError);
        const next = await b.run('$null -eq $exchcertKept');
        expect(next.output).toEqual([true]);
        expect(next.notices?.[0]).toMatch(
          /previous PowerShell session ended \((killed by SIGKILL|exited with code 137)\).*fresh session/,
        );
      } finally {
        await b.close();
      }
    }, 240_000);

    it('an aborted signal stops the running command within 1 s with PipelineStopped; the session lives on', async () => {
      const b = localBackend({ transport, bootstrap: 'none', pwsh: pwshPath()! });
      try {
        await b.run('$exchcertKeptToo = 8');
        const abort = new AbortController();
        const running = b.run('Start-Sleep -Seconds 60', { signal: abort.signal });
        await new Promise((r) => setTimeout(r, 500));
        const t0 = Date.now();
        abort.abort();
        await expect(running).rejects.toThrow(PipelineStopped);
        expect(Date.now() - t0).toBeLessThan(1000);
        await expect(b.run("'never'", { signal: abort.signal })).rejects.toThrow(PipelineStopped);
        expect((await b.run('$exchcertKeptToo')).output).toEqual([8]);
      } finally {
        await b.close();
      }
    }, 120_000);

    it("starts in the transport's cwd: the session's location and relative .NET paths are there", async () => {
      const t = sessionTransport(transport, { pwsh: pwshPath()!, cwd: dir });
      try {
        const e = await t.invoke({
          text: "(Get-Location).ProviderPath; [System.IO.Directory]::GetCurrentDirectory(); Set-Content -LiteralPath 'relative.txt' -Value 'here'",
        });
        expect(e.output).toEqual([realpathSync(dir), realpathSync(dir)]);
        expect(readFileSync(join(dir, 'relative.txt'), 'utf8').trim()).toBe('here');
      } finally {
        await t.close();
        rmSync(join(dir, 'relative.txt'), { force: true });
      }
    }, 120_000);

    it('a broken bootstrap is one clear error; a backend with a good one works', async () => {
      const broken = join(dir, 'broken.ps1');
      writeFileSync(broken, "Write-Output 'connecting'\nthrow 'exchcert-test: the endpoint refused the connection'\n");
      const b = localBackend({ transport, bootstrap: broken, pwsh: pwshPath()! });
      const failed = b.run("'x'");
      await expect(failed).rejects.toThrow(BootstrapError);
      await expect(failed).rejects.toThrow(/bootstrap failed.*the endpoint refused the connection/);
      await b.close();
      const good = join(dir, 'good.ps1');
      writeFileSync(good, '$global:exchcertConnected = $true\n');
      const g = localBackend({ transport, bootstrap: good, pwsh: pwshPath()! });
      try {
        expect((await g.run('$exchcertConnected')).output).toEqual([true]);
      } finally {
        await g.close();
      }
    }, 240_000);
  });
}
