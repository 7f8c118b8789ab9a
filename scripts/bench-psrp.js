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

async function insidePwsh(backend, command) {
  const r = await backend.run(`$null = ${command}; $w = [System.Diagnostics.Stopwatch]::StartNew()
foreach ($i in 1..${CALLS}) { $null = ${command} }
$w.Elapsed.TotalMilliseconds / ${CALLS}`);
  return Number(r.output[0]);
}

export default async function benchPsrp({ root }) {
  const { localBackend } = await import(join(root, 'dist', 'index.js'));
  const { powershellModule } = await import(join(root, 'dist', 'spec', 'powershell-module.js'));
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
      const inside = await insidePwsh(backends.runner, command);
      // Mean first, median in brackets: the tail (thread hand-offs in pwsh's server) moves the mean most.
      rows.push([
        `per call, ${label}: PSRP vs text runner vs in-process (${CALLS} calls each; mean (median))`,
        `${psrp.mean.toFixed(2)} (${psrp.median.toFixed(2)}) vs ${runner.mean.toFixed(2)} (${runner.median.toFixed(2)}) vs ${inside.toFixed(2)} ms`,
        `overhead ${(psrp.mean - inside).toFixed(2)} (${(psrp.median - inside).toFixed(2)}) vs ${(runner.mean - inside).toFixed(2)} (${(runner.median - inside).toFixed(2)}) ms`,
        'PSRP within 1 ms of in-process',
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
