// Bench rows of the transports: per-command overhead over PSRP (pwsh -s) vs the text runner vs the same command
// invoked in-process inside pwsh, all measured in this one run against the stub module.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const THUMB = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';
const CALLS = 300;
// A long session's steady state, for both transports alike.
const WARM_UP = 1000;

/** Mean and median ms per call over CALLS calls, after WARM_UP calls (pwsh's tiered JIT settles in the first ~1,000). */
async function perCall(backend, command) {
  for (let i = 0; i < WARM_UP; i++) await backend.run(command);
  const times = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = process.hrtime.bigint();
    const r = await backend.run(command);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (!r.ok) throw new Error(`bench call failed: ${JSON.stringify(r.errors)}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { mean: times.reduce((a, b) => a + b, 0) / CALLS, median: sorted[CALLS >> 1] };
}

// In-process, inside pwsh: each command through PowerShell's own API as an in-process host invokes it (a fresh
// [powershell] on the current runspace, AddScript, Invoke), after the same warm-up; and, for reference, the statement
// alone in a compiled loop (no invoke per command at all).
async function insidePwsh(backend, psQuote, command) {
  const r = await backend.run(`$__t = ${psQuote(command)}; $__times = [double[]]::new(${CALLS})
foreach ($i in 1..${WARM_UP}) { $__p = [powershell]::Create('CurrentRunspace'); $null = $__p.AddScript($__t).Invoke(); $__p.Dispose() }
foreach ($i in 0..${CALLS - 1}) { $__w = [System.Diagnostics.Stopwatch]::StartNew(); $__p = [powershell]::Create('CurrentRunspace'); $null = $__p.AddScript($__t).Invoke(); $__p.Dispose(); $__times[$i] = $__w.Elapsed.TotalMilliseconds }
($__times | Measure-Object -Average).Average
($__times | Sort-Object)[${CALLS >> 1}]
$null = ${command}; $__w = [System.Diagnostics.Stopwatch]::StartNew()
foreach ($i in 1..${CALLS}) { $null = ${command} }
$__w.Elapsed.TotalMilliseconds / ${CALLS}`);
  const [mean, median, loop] = r.output.map(Number);
  return { mean, median, loop };
}

export default async function benchPsrp({ root }) {
  const { localBackend } = await import(join(root, 'dist', 'index.js'));
  const { powershellModule, psQuote } = await import(join(root, 'dist', 'spec', 'powershell-module.js'));
  const { findPwsh } = await import(join(root, 'dist', 'backend', 'session', 'find-pwsh.js'));
  const { RunspacePool } = await import(join(root, 'dist', 'psrp', 'runspace-pool.js'));
  const { startProcessChannel } = await import(join(root, 'dist', 'psrp', 'process-channel.js'));
  let pwsh;
  try {
    pwsh = findPwsh();
  } catch (e) {
    return [['PSRP transport rows', 'skipped', '', String(e.message)]];
  }
  const dir = mkdtempSync(join(tmpdir(), 'exchcert-bench-psrp-'));
  const module = join(dir, 'ExchcertStub.psm1');
  writeFileSync(module, powershellModule({ shell: '7' }));
  const commands = [
    ['scalar `1`', '1'],
    ['Get-ExchangeCertificate (stub)', `Get-ExchangeCertificate -Thumbprint '${THUMB}' -Server 'AMS-EXCH01'`],
  ];
  const rows = [];
  const backends = {
    psrp: localBackend({ transport: 'psrp', bootstrap: 'none', importModule: [module], pwsh }),
    runner: localBackend({ transport: 'runner', bootstrap: 'none', importModule: [module], pwsh }),
  };
  const pool = new RunspacePool(startProcessChannel(pwsh, ['-NoLogo', '-NoProfile', '-s']));
  try {
    await pool.open();
    for (const [label, command] of commands) {
      const psrp = await perCall(backends.psrp, command);
      const runner = await perCall(backends.runner, command);
      const inside = await insidePwsh(backends.runner, psQuote, command);
      const ms = (x) => `${x.mean.toFixed(2)} (${x.median.toFixed(2)})`;
      const over = (x) => `${(x.mean - inside.mean).toFixed(2)} (${(x.median - inside.median).toFixed(2)})`;
      // Mean first, median in brackets: the tail (thread hand-offs in pwsh's server) moves the mean most.
      rows.push([
        `per call, ${label}: PSRP vs text runner vs in-process invoke (${CALLS} calls each; mean (median))`,
        `${ms(psrp)} vs ${ms(runner)} vs ${ms(inside)} ms`,
        `overhead ${over(psrp)} vs ${over(runner)} ms`,
        'PSRP within 1 ms of in-process',
      ]);
      rows.push([
        `  the same statement in a compiled loop inside pwsh (no invoke per command; reference)`,
        `${inside.loop.toFixed(2)} ms`,
        `PSRP ${(psrp.mean - inside.loop).toFixed(2)} (${(psrp.median - inside.loop).toFixed(2)}) ms above it`,
        '',
      ]);
    }
    // The protocol alone: one structured command (no script text, no variables) straight on the pool.
    const raw = [{ name: 'Write-Output', args: [{ name: 'InputObject', value: 1 }] }];
    for (let i = 0; i < 100; i++) await pool.invoke(raw);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) await pool.invoke(raw);
    const rawMs = Number(process.hrtime.bigint() - t0) / 1e6 / CALLS;
    rows.push(['per call, structured `Write-Output 1` straight on a runspace pool', `${rawMs.toFixed(2)} ms`, '', '']);
  } finally {
    await pool.close();
    await backends.psrp.close();
    await backends.runner.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
