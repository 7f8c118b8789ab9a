// The PSRP call loop against real pwsh -s: many calls on one pipeline, with each call's semantics kept.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { PsrpCallLoop } from '../../../src/backend/session/psrp-call-loop.js';
import { PsrpTransport } from '../../../src/backend/session/psrp-transport.js';
import { Secret } from '../../../src/node/secret.js';
import { startProcessChannel } from '../../../src/psrp/process-channel.js';
import { RunspacePool } from '../../../src/psrp/runspace-pool.js';
import { describeWithPwsh, pwshPath } from '../../support/pwsh.js';

describeWithPwsh('PsrpCallLoop over pwsh -s', () => {
  let pool: RunspacePool;
  let loop: PsrpCallLoop;
  const written: string[] = [];
  const received: string[] = [];
  beforeAll(async () => {
    const channel = startProcessChannel(pwshPath()!, ['-NoLogo', '-NoProfile', '-s']);
    channel.onLine((line) => received.push(line));
    const write = channel.write.bind(channel);
    channel.write = (line: string) => {
      written.push(line);
      write(line);
    };
    pool = new RunspacePool(channel);
    await pool.open();
    loop = new PsrpCallLoop(pool);
  }, 120_000);
  afterAll(async () => {
    await loop?.end();
    await pool?.close();
  });

  it('runs many calls on one pipeline; variables stay at the global scope between calls', async () => {
    const commands = () => written.filter((l) => l.startsWith('<Command ')).length;
    const before = commands();
    await loop.call({ text: '$kept = 41' });
    for (let i = 0; i < 20; i++) expect((await loop.call({ text: '$kept + 1' })).output).toEqual([42]);
    expect(commands() - before).toBeLessThanOrEqual(1);
    expect(loop.running).toBe(true);
  });

  it('keeps statement-terminating errors per statement: the rest of the call runs', async () => {
    const r = await loop.call({ text: "Get-Item -LiteralPath '/no/such/loop'; [int]::Parse('x'); 'after'" });
    expect(r.state).toBe('Completed');
    expect(r.output).toEqual(['after']);
    expect(r.errors.map((e) => e.FullyQualifiedErrorId)).toEqual([
      'PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand',
      'FormatException',
    ]);
  });

  it('a throw or a parse error ends the call as Failed; the next call starts a new loop with the globals kept', async () => {
    await loop.call({ text: "$survivor = 'yes'" });
    const t = await loop.call({ text: "throw 'boom'; 'never'" });
    expect(t.state).toBe('Failed');
    expect(t.output).toEqual([]);
    expect(t.terminating?.FullyQualifiedErrorId).toBe('boom');
    expect(loop.running).toBe(false);
    const p = await loop.call({ text: "'unclosed" });
    expect(p.state).toBe('Failed');
    expect(String(p.terminating?.FullyQualifiedErrorId)).toMatch(/TerminatorExpectedAtEndOfString|ParseException/);
    expect((await loop.call({ text: '$survivor' })).output).toEqual(['yes']);
  });

  it("sends a call's output as one message however many objects it writes, in order and typed", async () => {
    const before = received.filter((l) => l.startsWith('<Data ')).length;
    const r = await loop.call({ text: "1..500; 'x'; [pscustomobject]@{ A = 1 }; $null; ,@(2, 3)" });
    // The input's DataAck, then one Data packet: the 504 objects and the marker together.
    expect(received.filter((l) => l.startsWith('<Data ')).length - before).toBe(1);
    expect(r.output).toHaveLength(504);
    expect(r.output.slice(0, 3)).toEqual([1, 2, 3]);
    expect(r.output.slice(499)).toEqual([500, 'x', { A: 1 }, null, [2, 3]]);
  });

  it('keeps the output, Format-* lines included, a call wrote before it ended the loop', async () => {
    const t = await loop.call({ text: "'before'; [pscustomobject]@{ Name = 'n1' } | Format-Table; throw 'late'" });
    expect(t.state).toBe('Failed');
    expect(t.output).toEqual(['before', '', 'Name', '----', 'n1', '']);
    const abort = new AbortController();
    const pending = loop.call({ text: "'started'; 1..3; Start-Sleep -Seconds 60" }, { signal: abort.signal });
    await new Promise((r) => setTimeout(r, 300));
    abort.abort();
    const s = await pending;
    expect(s.state).toBe('Stopped');
    expect(s.output).toEqual(['started', 1, 2, 3]);
    expect((await loop.call({ text: "'next'" })).output).toEqual(['next']);
  });

  it("sets a call's variables and secrets for it alone", async () => {
    const r = await loop.call({
      text: '$Plain1; $Secret1.GetType().Name; $Secret1.IsReadOnly()',
      variables: { Plain1: 'x y' },
      secrets: new Map([['Secret1', new Secret('pw')]]),
    });
    expect(r.output).toEqual(['x y', 'SecureString', true]);
    expect((await loop.call({ text: '(Test-Path variable:Plain1), (Test-Path variable:Secret1)' })).output).toEqual([
      false,
      false,
    ]);
  });

  it('runs a file as that script: its own scope and $PSScriptRoot', async () => {
    const r = await loop.call({ text: '$local = 1; $PSScriptRoot', scriptPath: '/tmp/x/run.ps1' });
    expect(r.output).toEqual(['/tmp/x']);
    expect((await loop.call({ text: 'Test-Path variable:local' })).output).toEqual([false]);
  });

  it('a top-level break, continue, return or exit ends that call only', async () => {
    for (const word of ['break', 'continue', 'return', 'exit']) {
      const r = await loop.call({ text: `'before ${word}'; ${word}; 'never'` });
      expect(r.output).toEqual([`before ${word}`]);
      expect((await loop.call({ text: "'next'" })).output).toEqual(['next']);
      expect((await loop.call({ text: `${word}`, scriptPath: '/tmp/x/word.ps1' })).output).toEqual([]);
    }
  });

  it('a stop during a long call returns within 1 s and the next call works', async () => {
    const abort = new AbortController();
    const pending = loop.call({ text: 'Start-Sleep -Seconds 60' }, { signal: abort.signal });
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    abort.abort();
    expect((await pending).state).toBe('Stopped');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect((await loop.call({ text: "'alive'" })).output).toEqual(['alive']);
  });
});

describeWithPwsh('PsrpTransport: a call that ends the loop', () => {
  const t = new PsrpTransport({ pwsh: pwshPath()! });
  afterAll(() => t.close());

  it('still removes its variables', async () => {
    const e = await t.invoke({ text: 'throw $Left', variables: { Left: 'gone after' } });
    expect(e.errors[0]!.message).toBe('gone after');
    expect((await t.invoke({ text: 'Test-Path variable:Left' })).output).toEqual([false]);
  });
});
