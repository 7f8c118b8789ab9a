// Differential: every fixture runbook with a .expected.txt runs through the in-process mock (our interpreter) and
// through --backend sim (real pwsh + ExchcertSim) on copies of one state; outputs, error records, warnings and the final
// certificates must agree, except the runbooks listed in fixtures/runbooks/KNOWN-DIFFERENCES.md.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../../../src/backend/backend.js';
import { mockBackend } from '../../../src/backend/mock/mock-backend.js';
import { simBackend } from '../../../src/backend/sim/sim-backend.js';
import { root } from '../../e2e/support/mock-cli.js';
import { describeWithPwsh, pwshPath } from '../../support/pwsh.js';
import { seededState } from './sim-support.js';

const folder = join(root, 'fixtures', 'runbooks');
const runbooks = readdirSync(folder).filter(
  (f) => f.endsWith('.ps1') && existsSync(join(folder, f.replace(/\.ps1$/, '.expected.txt'))),
);
/** Runbooks real pwsh on Linux cannot run as the EMS does: `- name.ps1: reason` lines. */
const known = new Set(
  existsSync(join(folder, 'KNOWN-DIFFERENCES.md'))
    ? [...readFileSync(join(folder, 'KNOWN-DIFFERENCES.md'), 'utf8').matchAll(/^- `?([\w.-]+\.ps1)`?:/gm)].map(
        (m) => m[1]!,
      )
    : [],
);
const FINAL =
  'foreach ($s in @("AMS-EXCH01", "RESEXCH01")) { Get-ExchangeCertificate -Server $s | ForEach-Object { "$s $($_.Thumbprint) $($_.Subject) $($_.Services) $($_.Status)" } }';

/** A result reduced to what both sides must agree on; thumbprints, serials and request ids renamed in order of appearance. */
function comparable(result: RunResult): string {
  const plain = (value: unknown): unknown => {
    if (value instanceof Date) return value.toISOString().slice(0, 16);
    if (value instanceof Uint8Array) return `bytes(${value.length > 0 ? 'some' : 'none'})`;
    if (Array.isArray(value)) return value.map(plain);
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>).filter(
        ([k]) => k !== 'RawData' && k !== 'Handle',
      );
      return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, plain(v)]));
    }
    return typeof value === 'object' || typeof value === 'string' ? value : String(value);
  };
  const data = {
    output: plain(result.output),
    errors: result.errors.map((e) => ({ message: e.message, category: e.category, id: e.fullyQualifiedErrorId })),
    warnings: result.statements.flatMap((s) => s.warnings),
  };
  const names = new Map<string, string>();
  return JSON.stringify(data, null, 1)
    .replace(/RequestId=[0-9a-f-]+,TimeStamp=[^\]]+/g, 'RequestId=R,TimeStamp=T')
    .replace(/\b[0-9A-F]{40}\b|\b[0-9A-F]{32}\b/g, (hex) => {
      if (!names.has(hex)) names.set(hex, `${hex.length === 40 ? 'T' : 'S'}${names.size}`);
      return names.get(hex)!;
    });
}

describeWithPwsh('differential: the mock interpreter against real pwsh (sim)', () => {
  let base: string;
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'diff-'));
    await seededState(join(base, 'state'));
  }, 120_000);
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('picks up every fixture runbook with expected output', () => {
    expect(runbooks.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of runbooks) {
    const test = known.has(file) ? it.skip : it;
    test(`${file} agrees`, async () => {
      const text = readFileSync(join(folder, file), 'utf8');
      const dir = mkdtempSync(join(base, 'run-'));
      cpSync(join(base, 'state'), join(dir, 'mock'), { recursive: true });
      cpSync(join(base, 'state'), join(dir, 'sim'), { recursive: true });
      const mock = mockBackend({ state: join(dir, 'mock') });
      // pwsh works in the run's own folder: what a runbook writes through .NET on a Windows path lands there.
      const sim = simBackend({ state: join(dir, 'sim'), pwsh: pwshPath()!, cwd: dir });
      try {
        const viaMock = await mock.runText(text, '7', { scriptPath: join(folder, file) });
        const viaSim = await sim.run(text, { scriptPath: join(folder, file) });
        expect(comparable(viaSim)).toBe(comparable(viaMock));
        expect(comparable(await sim.run(FINAL))).toBe(comparable(await mock.runText(FINAL, '7')));
      } finally {
        await sim.close();
        await mock.close();
      }
    }, 180_000);
  }
});
