// The runspace pool against real pwsh -s: structured commands with typed parameters, streams, host calls, Stop.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { startProcessChannel } from '../../src/psrp/process-channel.js';
import { PsrpProtocolError } from '../../src/psrp/psrp-protocol-error.js';
import { NON_INTERACTIVE, RunspacePool } from '../../src/psrp/runspace-pool.js';
import { Secret } from '../../src/node/secret.js';
import { describeWithPwsh, pwshPath } from '../support/pwsh.js';

describeWithPwsh('RunspacePool over pwsh -s', () => {
  let pool: RunspacePool;
  beforeAll(async () => {
    pool = new RunspacePool(startProcessChannel(pwshPath()!, ['-NoLogo', '-NoProfile', '-s']));
    await pool.open();
  }, 120_000);
  afterAll(async () => {
    await pool?.close();
  });

  it('opens with the server protocol and runs a structured command with typed parameters', async () => {
    expect(pool.state).toBe('Opened');
    expect(pool.serverProtocol).toMatch(/^2\.\d+$/);
    const r = await pool.invoke([
      { name: 'Write-Output', args: [{ name: 'InputObject', value: [1, 'two', new Date('2024-01-02T00:00:00Z')] }] },
      { name: 'Measure-Object' },
    ]);
    expect(r.state).toBe('Completed');
    expect((r.output[0] as { Count: number }).Count).toBe(3);
  });

  it('keeps output, errors and warnings apart; a terminating error fails the pipeline', async () => {
    const r = await pool.invoke([
      { name: "'a'; Write-Warning 'w'; Get-Item -LiteralPath '/no/such/psrp'; 'b'", isScript: true },
    ]);
    expect(r.output).toEqual(['a', 'b']);
    expect(r.warnings.map((w) => w.InformationalRecord_Message)).toEqual(['w']);
    expect(r.errors.map((e) => e.FullyQualifiedErrorId)).toEqual([
      'PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand',
    ]);
    const t = await pool.invoke([{ name: "throw 'boom'", isScript: true }]);
    expect(t.state).toBe('Failed');
    expect(t.terminating?.FullyQualifiedErrorId).toBe('boom');
  });

  it('answers host calls; an unanswered prompt throws in the server instead of hanging, and the script goes on', async () => {
    const calls: string[] = [];
    const r = await pool.invoke([{ name: "Read-Host -Prompt 'Name'", isScript: true }], {
      host: (c) => {
        calls.push(c.method);
        return c.method === 'Prompt' ? { result: new Map([['Name', 'Zoë']]) } : null;
      },
    });
    expect(calls).toEqual(['Prompt']);
    expect(r.output).toEqual(['Zoë']);
    const u = await pool.invoke(
      [{ name: "Read-Host; try { Read-Host } catch { 'caught: ' + $_.Exception.Message }; 'after'", isScript: true }],
      { host: () => null },
    );
    expect(u.state).toBe('Completed');
    expect(u.errors.map((e) => e.FullyQualifiedErrorId)).toEqual([
      'System.Management.Automation.Host.PromptingException',
    ]);
    expect(u.output).toEqual([`caught: ${NON_INTERACTIVE}`, 'after']);
  });

  it('feeds a started pipeline input objects and streams its records; ending the input completes it', async () => {
    const seen: [string, unknown][] = [];
    const h = await pool.start([{ name: 'foreach ($x in $input) { $x * 2; Write-Warning "w$x" }', isScript: true }], {
      input: true,
      onRecord: (stream, value) =>
        seen.push([
          stream,
          stream === 'warnings' ? (value as Record<string, unknown>).InformationalRecord_Message : value,
        ]),
    });
    await h.input(1);
    await h.input(20);
    await h.endInput();
    const r = await h.finished;
    expect(r.state).toBe('Completed');
    expect(r.output).toEqual([]);
    expect(seen).toEqual([
      ['output', 2],
      ['warnings', 'w1'],
      ['output', 40],
      ['warnings', 'w20'],
    ]);
  });

  it('a Signal stops a long command within 1 s and the pool stays usable', async () => {
    const abort = new AbortController();
    const running = pool.invoke([{ name: 'while ($true) { Start-Sleep -Milliseconds 20 }', isScript: true }], {
      signal: abort.signal,
    });
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    abort.abort();
    const r = await running;
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.state).toBe('Stopped');
    expect((await pool.invoke([{ name: "'after'", isScript: true }])).output).toEqual(['after']);
  });

  it('a killed server rejects the running pipeline with a typed error', async () => {
    const channel = startProcessChannel(pwshPath()!, ['-NoLogo', '-NoProfile', '-s']);
    const p = new RunspacePool(channel);
    await p.open();
    const pid = (await p.invoke([{ name: '$PID', isScript: true }])).output[0] as number;
    const sleeping = p.invoke([{ name: 'Start-Sleep -Seconds 30', isScript: true }]);
    setTimeout(() => process.kill(pid, 'SIGKILL'), 300);
    await expect(sleeping).rejects.toThrow(PsrpProtocolError);
    await expect(p.invoke([{ name: '1', isScript: true }])).rejects.toThrow(/closed|Broken/);
    await p.close();
  }, 120_000);
});

// 2.4 peers (pwsh 7) take SecureStrings as base64 UTF-16 (the transport encrypts); announcing 2.3 makes pwsh 7.6.9
// act as Windows PowerShell 5.1 / Exchange do: our PUBLIC_KEY is answered with ENCRYPTED_SESSION_KEY, and every
// SecureString crosses AES-256-CBC encrypted under that key.
for (const version of ['2.3', '2.4'])
  describeWithPwsh(`SecureStrings over protocol ${version}`, () => {
    let pool: RunspacePool;
    beforeAll(async () => {
      pool = new RunspacePool(startProcessChannel(pwshPath()!, ['-NoLogo', '-NoProfile', '-s']), {
        protocolVersion: version,
      });
      await pool.open();
    }, 120_000);
    afterAll(async () => {
      await pool?.close();
    });

    it(version === '2.3' ? 'exchanges the session key at open' : 'needs no session key', () => {
      expect(pool.serverProtocol).toBe(version);
      expect(pool.usesSessionKey).toBe(version === '2.3');
      expect(pool.hasSessionKey).toBe(version === '2.3');
    });

    it('carries a SecureString both ways', async () => {
      const out = await pool.invoke([
        { name: "ConvertTo-SecureString 'Zoë-p@ss ✓' -AsPlainText -Force", isScript: true },
      ]);
      expect(out.output[0]).toBeInstanceOf(Secret);
      expect((out.output[0] as Secret).reveal()).toBe('Zoë-p@ss ✓');
      const back = await pool.invoke([
        {
          name: "param($s) $s.GetType().FullName; [System.Net.NetworkCredential]::new('', $s).Password",
          isScript: true,
          args: [{ value: new Secret('Pfx-Secret-7f3c9a!') }],
        },
      ]);
      expect(back.errors).toEqual([]);
      expect(back.output).toEqual(['System.Security.SecureString', 'Pfx-Secret-7f3c9a!']);
    });
  });
