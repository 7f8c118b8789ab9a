// SIGKILL at random points of a write loop, 200+ times: the state always opens intact with exactly the committed transactions.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleChildScript, childEnv, nodeCommand } from './support/child-script.js';
import { runCrashHarness } from './support/crash-harness.js';
import { createChurnChecker } from './support/writer-state-check.js';

const KILLS = 200;

describe('sqlite state store under SIGKILL', () => {
  it(`survives ${KILLS} kills of a writing process`, async () => {
    const baseDir = mkdtempSync(join(tmpdir(), 'exchcert-crash-'));
    try {
      const script = await bundleChildScript('store-writer.ts', baseDir);
      const report = await runCrashHarness({
        baseDir,
        kills: KILLS,
        lanes: 4,
        delayMs: [5, 150],
        readyLine: 'READY',
        env: childEnv(),
        command: (stateDir) => nodeCommand(script, [stateDir, 'w', 'churn']),
        check: createChurnChecker(),
      });
      process.stdout.write(`crash: ${report.kills} kills in ${report.runs} runs, ${Math.round(report.ms)} ms\n`);
      expect(report.kills).toBeGreaterThanOrEqual(KILLS);
    } finally {
      rmSync(baseDir, { recursive: true, force: true });
    }
  });
});
