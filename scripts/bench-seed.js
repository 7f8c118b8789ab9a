// Bench rows: the seed lifecycle on the mock (warm and cold key pool) against the same PKI steps as openssl processes.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { opensslCa, opensslLifecycle } from './bench-openssl.js';

/**
 * Rows comparing the mock's seed lifecycle (servers and vendor CA prepared beforehand, a fresh state each run) with
 * openssl doing the same PKI steps; the three are measured in turn, `runs` times after one warm-up round.
 */
export default async function seedRows({ root, median, runs }) {
  const dist = (path) => import(join(root, 'dist', path));
  const { openMockState, vendorCa } = await dist('backend/mock/mock-state.js');
  const { mockBackend } = await dist('backend/mock/mock-backend.js');
  const { runSeedOnMock } = await dist('examples/seed-on-mock.js');
  const base = mkdtempSync(join(tmpdir(), 'exchcert-bench-seed-'));
  try {
    // The organization and its vendor CA, made once and copied: every run gets a fresh state with its own pooled keys.
    const template = join(base, 'template');
    const made = openMockState(template, { keyPoolSize: 0 });
    await made.exchange.defaultServer();
    await vendorCa(made);
    made.close();
    const ossl = join(base, 'openssl');
    cpSync(template, ossl, { recursive: true });
    opensslCa(ossl);

    const seed = async (i, warm) => {
      const dir = join(base, `run-${i}-${warm ? 'warm' : 'cold'}`);
      cpSync(template, dir, { recursive: true });
      const state = openMockState(dir);
      if (warm) {
        state.keyPool.refill();
        await state.settled(); // the pool full, as a previous New leaves it
      }
      const started = performance.now();
      const run = await runSeedOnMock(mockBackend({ state }), '5.1');
      const ms = performance.now() - started;
      if (!run.partOne.ok || !run.partTwo.ok)
        throw new Error(`seed lifecycle failed: ${JSON.stringify([...run.partOne.errors, ...run.partTwo.errors])}`);
      await state.settled(); // the refill started by New finishes before the next measurement
      state.close();
      return ms;
    };
    const warm = [];
    const cold = [];
    const proc = [];
    for (let i = 0; i <= runs; i++) {
      const w = await seed(i, true);
      const c = await seed(i, false);
      const started = performance.now();
      opensslLifecycle(ossl, (0x2000 + i).toString(16));
      const o = performance.now() - started;
      if (i > 0) {
        warm.push(w);
        cold.push(c);
        proc.push(o);
      }
    }
    const o = median(proc);
    const w = median(warm);
    const c = median(cold);
    return [
      [
        'seed lifecycle: mock, key pool warm vs openssl processes',
        `${w.toFixed(1)} ms vs ${o.toFixed(1)} ms`,
        `${(w / o).toFixed(2)}x`,
        '<= 0.2x',
      ],
      [
        'seed lifecycle: mock, key pool cold (key made in New) vs openssl',
        `${c.toFixed(1)} ms vs ${o.toFixed(1)} ms`,
        `${(c / o).toFixed(2)}x`,
        '(reference)',
      ],
    ];
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
