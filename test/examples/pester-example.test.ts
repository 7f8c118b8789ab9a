// examples/pester: the renewal runbook's Pester suite runs green with Pester 6.2.0 (NuGet) against ExchcertSim.
import { afterAll, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEnv, root } from '../e2e/support/mock-cli.js';
import { describeWithPwsh, pwshPath } from '../support/pwsh.js';
import { modulePath, stopEngine } from '../backend/sim/sim-support.js';

const pester = join(
  process.env.NUGET_PACKAGES ?? join(homedir(), '.nuget', 'packages'),
  'pester',
  '6.2.0',
  'tools',
  'Pester.psd1',
);
const dir = mkdtempSync(join(tmpdir(), 'pester-'));
const state = join(dir, 'state');
afterAll(async () => {
  await stopEngine(state);
  rmSync(dir, { recursive: true, force: true });
});

describeWithPwsh('examples/pester with Pester 6.2.0', () => {
  it('passes every test of Renewal.Tests.ps1 against the simulated Exchange', () => {
    expect(existsSync(pester)).toBe(true);
    const script = `Import-Module -Name '${pester}'
$r = Invoke-Pester -Path '${join(root, 'examples', 'pester')}' -PassThru -Output None
"passed=$($r.PassedCount) failed=$($r.FailedCount)"
exit $r.FailedCount`;
    const r = spawnSync(pwshPath()!, ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', script], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...cliEnv(), EXCHCERT_SIM_MODULE: modulePath(), EXCHCERT_PESTER_STATE: state },
      timeout: 300_000,
    });
    expect(r.stdout.trim()).toBe('passed=3 failed=0');
    expect(r.status).toBe(0);
  }, 320_000);
});
