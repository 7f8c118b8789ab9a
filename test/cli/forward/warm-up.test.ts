// The engine's warm-up runs the main job on a throwaway copy: every step succeeds, the real state is untouched.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { WARM_UP_PREFIX, warmUp } from '../../../src/cli/forward/warm-up.js';
import { runCli, runCommandLine } from '../../../src/cli/run-cli.js';
import { openSqliteStateStore } from '../../../src/engine/store/sqlite-state-store.js';
import { fakeIo } from '../../support/fake-io.js';

const base = mkdtempSync(join(tmpdir(), 'exchcert-warm-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The certificates of every server, as the state holds them. */
function snapshot(state: string): unknown {
  const store = openSqliteStateStore(state, { readonly: true });
  try {
    return store.read((tx) => tx.listServers().map((s) => [s.name, tx.listCertificates(s.name).length]));
  } finally {
    store.close();
  }
}

describe('warmUp', () => {
  it('runs run, ca issue, run and get on a copy with the state’s servers, all exit 0, and removes the copy', async () => {
    const state = join(base, 'two');
    for (const [name, version] of [
      ['AMS-EXCH01', '2019'],
      ['RESEXCH01', '2010'],
    ] as const)
      expect(await runCli(['mock', 'add-server', name, '--exchange', version, '--state', state], fakeIo())).toBe(0);
    const before = snapshot(state);
    const lines: string[][] = [];
    const io = fakeIo();
    const codes = await warmUp(state, (argv, lineIo) => (lines.push([...argv]), runCommandLine(argv, lineIo)), io);
    expect(codes).toEqual([0, 0, 0, 0]);
    expect(lines.map((l) => l[0])).toEqual(['run', 'ca', 'run', 'get']);
    expect(lines.every((l) => l.includes('--state') && !l.includes(state))).toBe(true);
    expect(snapshot(state)).toEqual(before);
    expect(readdirSync(state).filter((f) => f.startsWith(WARM_UP_PREFIX))).toEqual([]);
    expect(io.out() + io.err()).toBe('');
  });
  it('leaves a state with no server (or none at all) alone and removes the copy even when a step throws', async () => {
    const state = join(base, 'empty');
    openSqliteStateStore(state).close();
    let calls = 0;
    expect(await warmUp(state, () => Promise.resolve(++calls), fakeIo())).toEqual([]);
    expect(await warmUp(join(base, 'none'), () => Promise.resolve(++calls), fakeIo())).toEqual([]);
    expect(calls).toBe(0);
    const busy = join(base, 'throws');
    expect(await runCli(['mock', 'add-server', 'EX1', '--exchange', '2019', '--state', busy], fakeIo())).toBe(0);
    await expect(warmUp(busy, () => Promise.reject(new Error('boom')), fakeIo())).rejects.toThrow('boom');
    expect(readdirSync(busy).filter((f) => f.startsWith(WARM_UP_PREFIX))).toEqual([]);
  });
});
