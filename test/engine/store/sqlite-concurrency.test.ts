// 20 processes write into one new state at once; nothing is lost and the schema is created once.
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStateStore } from '../../../src/engine/store/sqlite-state-store.js';
import { bundleChildScript, childEnv, nodeCommand } from './support/child-script.js';
import { WRITER_SERVER } from './support/writer-records.js';
import { checkAppendedState, parseWriterOutput } from './support/writer-state-check.js';

const PROCESSES = 20;
const PER_PROCESS = 50;

function runWriter(
  script: string,
  stateDir: string,
  label: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [command, args] = nodeCommand(script, [stateDir, label, 'append', String(PER_PROCESS)]);
  const child = spawn(command, args, { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('sqlite state store under concurrent processes', () => {
  it(`keeps all ${PROCESSES} x ${PER_PROCESS} certificates written at once into a new state`, async () => {
    const base = mkdtempSync(join(tmpdir(), 'exchcert-concurrent-'));
    const stateDir = join(base, '.exchcert');
    try {
      const script = await bundleChildScript('store-writer.ts', base);
      const started = performance.now();
      const labels = Array.from({ length: PROCESSES }, (_, i) => `w${i}`);
      const results = await Promise.all(labels.map((label) => runWriter(script, stateDir, label)));
      process.stdout.write(
        `concurrency: ${PROCESSES} processes x ${PER_PROCESS} writes in ${Math.round(performance.now() - started)} ms\n`,
      );
      for (const result of results)
        expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      const committed = results.flatMap((result) => parseWriterOutput(result.stdout).committed);
      expect(new Set(committed.map((c) => c.added)).size).toBe(PROCESSES * PER_PROCESS);
      checkAppendedState(
        stateDir,
        results.map((result) => result.stdout),
        labels,
      );
      const store = openSqliteStateStore(stateDir, { readonly: true });
      expect(store.read((tx) => tx.listCertificates(WRITER_SERVER)).length).toBe(PROCESSES * PER_PROCESS);
      expect(store.read((tx) => tx.listServers()).length).toBe(1);
      store.close();
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
