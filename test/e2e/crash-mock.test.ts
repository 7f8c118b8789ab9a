// A crash test kills `exchcert run` with SIGKILL at random points of a write-heavy runbook (at least 200 times) and
// 20 concurrent processes import into one state; after each, the state opens cleanly and holds exactly the committed
// certificates.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CertificateRecord } from '../../src/engine/org-state.js';
import { openSqliteStateStore, STATE_DB_FILE } from '../../src/engine/store/sqlite-state-store.js';
import { createSelfSignedCertificate, generateRsaKeyPair, writePfx } from '../../src/pki/index.js';
import { runCrashHarness } from '../engine/store/support/crash-harness.js';
import type { CrashRun } from '../engine/store/support/crash-harness.js';
import { bin, cliEnv, exchcert, root, tempDir } from './support/mock-cli.js';

const KILLS = 200;
const LANES = Math.max(2, Math.min(4, availableParallelism()));
const PFX_COUNT = 40;
const CONCURRENT = 20;
const PASSWORD = 'Pass1word';
const SERVER = 'AMS-EXCH01';

/** A PFX file the runbooks import: its file name under C:\certs, the certificate's thumbprint and DER. */
interface Pfx {
  readonly file: string;
  readonly thumbprint: string;
  readonly der: Uint8Array;
}

const work = tempDir('exchcert-crash-e2e-');
const template = join(work, 'template');
const pfxs: Pfx[] = [];
const byThumbprint = new Map<string, Pfx>();
/** The certificates AMS-EXCH01 has before any import (setup's own). */
let setupThumbprints: string[] = [];

const sha1Hex = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex').toUpperCase();

function importLines(p: Pfx): string {
  return (
    `$c = Import-ExchangeCertificate -Server ${SERVER} -FileData ([Byte[]](Get-Content -Path C:\\certs\\${p.file} -Encoding Byte -ReadCount 0)) -Password $pw\n` +
    'Write-Host "COMMITTED $($c.Thumbprint)"\n'
  );
}

function removeLines(p: Pfx): string {
  return `Remove-ExchangeCertificate -Server ${SERVER} -Thumbprint ${p.thumbprint} -Confirm:$false\nWrite-Host "REMOVED ${p.thumbprint}"\n`;
}

const header = `$pw = ConvertTo-SecureString -String '${PASSWORD}' -AsPlainText -Force\n`;

/** Everything the state holds, read through the store (throws when it does not open or a record does not decode). */
function readWholeState(state: string): { certificates: Map<string, readonly CertificateRecord[]> } {
  const store = openSqliteStateStore(state);
  try {
    return store.read((tx) => {
      const certificates = new Map<string, readonly CertificateRecord[]>();
      for (const s of tx.listServers()) {
        certificates.set(s.name, tx.listCertificates(s.name));
        tx.listRequests(s.name);
        tx.getServerConfig(s.name);
      }
      tx.getOrgConfig();
      tx.getValue('vendorCa');
      return { certificates };
    });
  } finally {
    store.close();
  }
}

/** SQLite's own check of the database file (with its WAL) after a crash. */
function integrity(state: string): string {
  const db = new Database(join(state, STATE_DB_FILE), { fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** The imported (test) certificates on AMS-EXCH01, each checked to be a complete record; and the others' thumbprints. */
function importedOn(state: string): { imported: Set<string>; others: string[] } {
  const whole = readWholeState(state);
  expect(integrity(state)).toBe('ok');
  const records = whole.certificates.get(SERVER) ?? [];
  const imported = new Set<string>();
  const others: string[] = [];
  for (const r of records) {
    const p = byThumbprint.get(r.thumbprint);
    if (!p) {
      others.push(r.thumbprint);
      continue;
    }
    expect(imported.has(r.thumbprint)).toBe(false);
    imported.add(r.thumbprint);
    // Present ⇒ complete: the certificate bytes, its key, its thumbprint.
    expect(sha1Hex(r.der)).toBe(r.thumbprint);
    expect(Buffer.from(r.der).equals(Buffer.from(p.der))).toBe(true);
    expect(r.privateKey).not.toBeNull();
    expect(r.privateKey!.length).toBeGreaterThan(100);
    expect(r.server).toBe(SERVER);
  }
  return { imported, others: others.sort() };
}

/** The `COMMITTED`/`REMOVED` thumbprints a run printed (whole lines only: a cut line is still in flight). */
function reported(stdout: string, word: 'COMMITTED' | 'REMOVED'): string[] {
  const lines = stdout.split('\n').slice(0, -1);
  return lines
    .map((l) => new RegExp(`^${word} ([0-9A-F]{40})$`).exec(l)?.[1])
    .filter((t): t is string => t !== undefined);
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

beforeAll(async () => {
  // The organization exists before any crash (the first run creates it), and the PFX files wait in C:\certs.
  const created = exchcert(['run', '-', '--state', template], '$x = 1\n');
  expect(created).toMatchObject({ code: 0, err: '' });
  const certs = join(template, 'fs', 'C', 'certs');
  mkdirSync(certs, { recursive: true });
  const keys = [await generateRsaKeyPair(2048), await generateRsaKeyPair(2048)];
  for (let i = 0; i < PFX_COUNT; i++) {
    const key = keys[i % keys.length]!;
    const name = `crash-${String(i).padStart(2, '0')}.contoso.com`;
    const cert = await createSelfSignedCertificate({ key, subject: `CN=${name}`, dnsNames: [name] });
    const file = `${name}.pfx`;
    writeFileSync(join(certs, file), writePfx({ key, certificate: cert.der, password: PASSWORD }));
    const p = { file, thumbprint: cert.thumbprint, der: cert.der };
    pfxs.push(p);
    byThumbprint.set(p.thumbprint, p);
  }
  expect(byThumbprint.size).toBe(PFX_COUNT);
  const initial = importedOn(template);
  expect(initial.imported.size).toBe(0);
  setupThumbprints = initial.others;
  expect(setupThumbprints.length).toBeGreaterThanOrEqual(2);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Milliseconds from the start of an unkilled import run of every PFX (on a scratch copy) to its first commit. */
async function firstCommitMs(lane: number): Promise<number> {
  const scratch = join(work, `calibration-${lane}`);
  cpSync(template, scratch, { recursive: true });
  const file = join(work, `calibration-${lane}.ps1`);
  writeFileSync(file, header + pfxs.map(importLines).join(''));
  const started = performance.now();
  let first = 0;
  const child = spawn(process.execPath, [bin, 'run', file, '--state', scratch], { cwd: root, env: cliEnv() });
  child.stdout.on('data', (chunk: Buffer) => {
    if (first === 0 && chunk.toString().includes('COMMITTED')) first = performance.now() - started;
  });
  await new Promise((resolve) => child.on('close', resolve));
  rmSync(scratch, { recursive: true, force: true });
  return first;
}

/**
 * When kills land: from a little before the first import commits to well after it, as timed on this machine now with
 * every lane running at once, so a loaded machine still gets kills among the writes.
 */
async function killWindow(): Promise<[number, number]> {
  const first = Math.max(...(await Promise.all(Array.from({ length: LANES }, (_, lane) => firstCommitMs(lane)))));
  return [Math.round(Math.max(50, first * 0.8)), Math.round(Math.max(800, first * 1.2 + 300))];
}

/** What a lane's current run does, and what the state held before it. */
interface LanePlan {
  phase: 'import' | 'remove';
  order: Pfx[];
  before: Set<string>;
}

describe('exchcert run on the mock under SIGKILL and concurrency', () => {
  it(`keeps exactly the committed certificates across ${KILLS}+ random SIGKILLs of a write-heavy runbook`, async () => {
    const baseDir = join(work, 'lanes');
    const runbooks = join(work, 'runbooks');
    mkdirSync(runbooks, { recursive: true });
    for (let i = 0; i < LANES; i++) cpSync(template, join(baseDir, `lane-${i}`), { recursive: true });
    const present = new Map<string, Set<string>>();
    const plans = new Map<string, LanePlan>();
    const phases = new Map<string, 'import' | 'remove'>();
    let unkilledImports = 0;
    let unkilledRemoves = 0;
    let committedTotal = 0;
    let removedTotal = 0;
    let inFlightLanded = 0;
    let midRunKills = 0;

    const report = await runCrashHarness({
      baseDir,
      kills: KILLS,
      lanes: LANES,
      delayMs: await killWindow(),
      readyLine: null,
      env: cliEnv(),
      cwd: root,
      runTimeoutMs: 60_000,
      // Each run imports the PFX files the state lacks, one by one; once all are in, runs remove them one by one.
      command: (stateDir, run) => {
        const have = present.get(stateDir) ?? new Set<string>();
        let phase = phases.get(stateDir) ?? 'import';
        if (phase === 'import' && have.size === PFX_COUNT) phase = 'remove';
        if (phase === 'remove' && have.size === 0) phase = 'import';
        phases.set(stateDir, phase);
        const order = shuffled(pfxs.filter((p) => (phase === 'import') !== have.has(p.thumbprint)));
        plans.set(stateDir, { phase, order, before: new Set(have) });
        const file = join(runbooks, `${basename(stateDir)}-run-${run}.ps1`);
        writeFileSync(file, header + order.map(phase === 'import' ? importLines : removeLines).join(''));
        return [process.execPath, [bin, 'run', file, '--state', stateDir]];
      },
      check: (stateDir: string, runs: readonly CrashRun[]) => {
        const last = runs[runs.length - 1]!;
        const plan = plans.get(stateDir)!;
        const done = reported(last.stdout, plan.phase === 'import' ? 'COMMITTED' : 'REMOVED');
        // Reported in runbook order; the next one (if any) was in flight when the kill came.
        expect(done).toEqual(plan.order.slice(0, done.length).map((p) => p.thumbprint));
        if (!last.killed) {
          expect(last.stderr).toBe('');
          expect(done).toHaveLength(plan.order.length);
        }
        const inFlight = plan.order[done.length]?.thumbprint;
        const { imported, others } = importedOn(stateDir);
        expect(others).toEqual(setupThumbprints);
        const expected = new Set(plan.before);
        for (const t of done) {
          if (plan.phase === 'import') expected.add(t);
          else expected.delete(t);
        }
        const alternative = new Set(expected);
        if (inFlight !== undefined) {
          if (plan.phase === 'import') alternative.add(inFlight);
          else alternative.delete(inFlight);
        }
        const actual = [...imported].sort();
        const withoutInFlight = [...expected].sort();
        const withInFlight = [...alternative].sort();
        if (JSON.stringify(actual) !== JSON.stringify(withoutInFlight)) {
          expect(actual).toEqual(withInFlight);
          inFlightLanded += 1;
        }
        if (last.killed && done.length > 0 && done.length < plan.order.length) midRunKills += 1;
        if (plan.phase === 'import') committedTotal += done.length;
        else removedTotal += done.length;
        if (!last.killed && plan.phase === 'import') unkilledImports += 1;
        if (!last.killed && plan.phase === 'remove') unkilledRemoves += 1;
        present.set(stateDir, imported);
      },
    });
    process.stdout.write(
      `e2e crash: ${report.kills} kills in ${report.runs} runs on ${LANES} lanes, ${Math.round(report.ms)} ms; ${midRunKills} kills between two writes; ` +
        `${committedTotal} imports and ${removedTotal} removals reported, ${inFlightLanded} in-flight commits found after the kill, ` +
        `${unkilledImports} import runs and ${unkilledRemoves} removal runs finished\n`,
    );
    expect(report.kills).toBeGreaterThanOrEqual(KILLS);
    // Kills landed among the writes, not only before the first one (how many depends on the machine's load).
    expect(midRunKills).toBeGreaterThan(0);
    expect(committedTotal + removedTotal).toBeGreaterThan(0);
  }, 420_000);

  it(`lets ${CONCURRENT} processes import into one state at once: every import lands exactly once, no SQLITE_BUSY`, async () => {
    const state = join(work, 'concurrent');
    cpSync(template, state, { recursive: true });
    const runbooks = join(work, 'concurrent-runbooks');
    mkdirSync(runbooks, { recursive: true });
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) => {
        const mine = pfxs.slice(2 * i, 2 * i + 2);
        const file = join(runbooks, `p${i}.ps1`);
        writeFileSync(file, header + mine.map(importLines).join(''));
        return new Promise<{ code: number | null; out: string; err: string; mine: Pfx[] }>((resolve, reject) => {
          const child = spawn(process.execPath, [bin, 'run', file, '--state', state], {
            cwd: root,
            env: cliEnv(),
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          let err = '';
          child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
          child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
          child.on('error', reject);
          child.on('close', (code) => resolve({ code, out, err, mine }));
        });
      }),
    );
    const ms = Math.round(performance.now() - started);
    for (const r of results) {
      expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
      expect(r.err).not.toMatch(/SQLITE_BUSY|database is locked/i);
      expect(reported(r.out, 'COMMITTED')).toEqual(r.mine.map((p) => p.thumbprint));
    }
    const { imported, others } = importedOn(state);
    expect([...imported].sort()).toEqual(pfxs.map((p) => p.thumbprint).sort());
    expect(others).toEqual(setupThumbprints);
    const store = openSqliteStateStore(state);
    try {
      const all = store.read((tx) => tx.listCertificates(SERVER)).map((c) => c.thumbprint);
      expect(new Set(all).size).toBe(all.length);
      expect(all).toHaveLength(PFX_COUNT + setupThumbprints.length);
    } finally {
      store.close();
    }
    process.stdout.write(`e2e concurrency: ${CONCURRENT} processes, ${PFX_COUNT} imports, ${ms} ms\n`);
  }, 120_000);
});
