// Bench rows of the persistent PowerShell session: 100 Get-ExchangeCertificate calls through one warm session against
// a `pwsh -Command` process per call, and the transport's overhead per call beyond the same command inside pwsh.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const THUMB = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';

export default async function benchSession({ root }) {
  const { localBackend } = await import(join(root, 'dist', 'index.js'));
  const { powershellModule } = await import(join(root, 'dist', 'spec', 'powershell-module.js'));
  const { findPwsh } = await import(join(root, 'dist', 'backend', 'session', 'find-pwsh.js'));
  let pwsh;
  try {
    pwsh = findPwsh();
  } catch (e) {
    return [['PowerShell session rows', 'skipped', '', String(e.message)]];
  }
  const dir = mkdtempSync(join(tmpdir(), 'exchcert-bench-'));
  const module = join(dir, 'ExchcertStub.psm1');
  writeFileSync(module, powershellModule({ shell: '7' }));
  const command = `Get-ExchangeCertificate -Thumbprint '${THUMB}' -Server 'AMS-EXCH01'`;
  const backend = localBackend({ bootstrap: 'none', importModule: [module], pwsh });
  try {
    // Warm-up long enough for .NET's tiered JIT and PowerShell's compile-after-N-runs to settle on the runner's path,
    // as they have for the loop timed inside pwsh (which runs after it); 10 calls left the transport half-warm.
    for (let i = 0; i < 100; i++) await backend.run(command);
    const calls = 100;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) {
      const r = await backend.run(command);
      if (!r.ok || r.output.length !== 1) throw new Error(`bench call failed: ${JSON.stringify(r.errors)}`);
    }
    const warm = Number(process.hrtime.bigint() - t0) / 1e6 / calls;
    const inside = await backend.run(`$null = ${command}; $w = [System.Diagnostics.Stopwatch]::StartNew()
foreach ($i in 1..${calls}) { $null = ${command} }
$w.Elapsed.TotalMilliseconds / ${calls}`);
    const insideMs = Number(inside.output[0]);
    // The same for a scalar result: the framing alone, without serializing an X509Certificate2 by property name.
    for (let i = 0; i < 100; i++) await backend.run('1');
    const s0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) await backend.run('1');
    const scalar = Number(process.hrtime.bigint() - s0) / 1e6 / calls;
    const scalarInside = Number(
      (
        await backend.run(
          `$w = [System.Diagnostics.Stopwatch]::StartNew(); foreach ($i in 1..${calls}) { $null = 1 }; $w.Elapsed.TotalMilliseconds / ${calls}`,
        )
      ).output[0],
    );
    const processRuns = 5;
    const times = [];
    for (let i = 0; i < processRuns; i++) {
      const s0 = process.hrtime.bigint();
      const r = spawnSync(
        pwsh,
        ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', `Import-Module '${module}'; ${command} | Out-Null`],
        { encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(`pwsh -Command failed: ${r.stderr}`);
      times.push(Number(process.hrtime.bigint() - s0) / 1e6);
    }
    const perProcess = times.reduce((a, b) => a + b, 0) / times.length;
    return [
      [
        `100 Get-ExchangeCertificate (stub module): one warm session vs pwsh -Command per call (${processRuns} runs)`,
        `${warm.toFixed(2)} ms vs ${perProcess.toFixed(0)} ms`,
        `${(perProcess / warm).toFixed(0)}x`,
        '>= 50x',
      ],
      [
        'session transport overhead per call beyond the same command inside pwsh',
        `${(warm - insideMs).toFixed(2)} ms (${warm.toFixed(2)} - ${insideMs.toFixed(2)})`,
        '',
        '<= 3 ms',
      ],
      [
        'session transport overhead per call, scalar output (`1`)',
        `${(scalar - scalarInside).toFixed(2)} ms (${scalar.toFixed(2)} - ${scalarInside.toFixed(2)})`,
        '',
        '<= 3 ms',
      ],
    ];
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
