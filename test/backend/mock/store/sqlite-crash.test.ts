// SIGKILL at random points of a write loop, 200+ times: the state always opens intact with exactly the committed certificates.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runCrashHarness } from './support/crash-harness.js';
import { childEnv, REPO_ROOT, supportScript, tsxCommand } from './support/tsx-child.js';
import { checkWriterState } from './support/writer-state-check.js';
import { join } from 'node:path';

const KILLS = 200;

describe('sqlite state store under SIGKILL', () => {
  it(`survives ${KILLS} kills of a writing process`, async () => {
    const baseDir = mkdtempSync(join(tmpdir(), 'exchcert-crash-'));
    try {
      const report = await runCrashHarness({
        baseDir,
        kills: KILLS,
        lanes: 4,
        delayMs: [5, 150],
        readyLine: 'READY',
        cwd: REPO_ROOT,
        env: childEnv(),
        command: (stateDir) => tsxCommand(supportScript('store-writer.ts'), [stateDir, 'w', 'forever']),
        check: (stateDir, runs) => checkWriterState(stateDir, runs, ['w']),
      });
      process.stdout.write(`crash: ${report.kills} kills in ${report.runs} runs, ${Math.round(report.ms)} ms\n`);
      expect(report.kills).toBeGreaterThanOrEqual(KILLS);
    } finally {
      rmSync(baseDir, { recursive: true, force: true });
    }
  });
});
