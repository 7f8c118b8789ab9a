// Checks states store-writer.ts children wrote: intact database, exactly the committed transactions, none torn.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { StateTransaction } from '../../../../src/engine/org-state.js';
import { openSqliteStateStore, STATE_DB_FILE } from '../../../../src/engine/store/sqlite-state-store.js';
import type { CrashRun } from './crash-harness.js';
import { CHURN_KEEP, WRITER_SERVER, writerCertificateProblem } from './writer-records.js';

/** `PRAGMA integrity_check` of the state database ('ok' when intact). */
export function integrityCheck(stateDir: string): string {
  const db = new Database(join(stateDir, STATE_DB_FILE));
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/** What a writer printed: thumbprints it began to add, and its committed transactions, in order. */
export interface WriterOutput {
  readonly begun: readonly string[];
  readonly committed: readonly { readonly added: string; readonly dropped: string | null }[];
}

/** Parses store-writer.ts output (a torn last line, cut by SIGKILL, is ignored). */
export function parseWriterOutput(stdout: string): WriterOutput {
  const begun = [...stdout.matchAll(/^BEGIN ([0-9A-F]{40})\n/gm)].map((m) => m[1]!);
  const committed = [...stdout.matchAll(/^COMMITTED ([0-9A-F]{40}) ([0-9A-F]{40}|-)\n/gm)].map((m) => ({
    added: m[1]!,
    dropped: m[2] === '-' ? null : m[2]!,
  }));
  return { begun, committed };
}

/** Opens the state as the next process would, checks its integrity, and runs `fn` in a read transaction. */
function inspect<T>(stateDir: string, fn: (tx: StateTransaction) => T): T {
  const store = openSqliteStateStore(stateDir);
  try {
    const integrity = integrityCheck(stateDir);
    if (integrity !== 'ok') throw new Error(`integrity_check: ${integrity}`);
    return store.read(fn);
  } finally {
    store.close();
  }
}

function checkRecords(tx: StateTransaction): string[] {
  const certs = tx.listCertificates(WRITER_SERVER);
  for (const cert of certs) {
    const problem = writerCertificateProblem(cert);
    if (problem !== null) throw new Error(problem);
    if (tx.getValue(`cert:${cert.thumbprint}`) !== cert.friendlyName)
      throw new Error(`the kv entry of ${cert.thumbprint} is missing`);
  }
  return certs.map((cert) => cert.thumbprint);
}

/**
 * After append-mode writers all exited: every committed certificate is there, nothing else, each record and its
 * kv entry intact, and the per-writer counters add up.
 */
export function checkAppendedState(stateDir: string, stdouts: readonly string[], labels: readonly string[]): void {
  const committed = stdouts.flatMap((stdout) => parseWriterOutput(stdout).committed.map((c) => c.added));
  inspect(stateDir, (tx) => {
    const present = checkRecords(tx);
    if ([...present].sort().join() !== [...committed].sort().join())
      throw new Error(`the state holds ${present.length} certificates, ${committed.length} were committed`);
    const counted = labels.reduce(
      (sum, label) => sum + ((tx.getValue(`count:${label}`) as number | undefined) ?? 0),
      0,
    );
    if (counted !== present.length) throw new Error(`the counters say ${counted}, the state holds ${present.length}`);
  });
}

/**
 * A check for runCrashHarness with churn-mode writers (label `w`). It keeps an exact model per state folder:
 * committed transactions are replayed; a killed run's unfinished transaction counts when its certificate is
 * there, and then its drop must have happened too. The state must then equal the model exactly, in order.
 */
export function createChurnChecker(): (stateDir: string, runs: readonly CrashRun[]) => void {
  const models = new Map<string, { certs: string[]; puts: number; runs: number }>();
  return (stateDir, runs) => {
    const model = models.get(stateDir) ?? { certs: [], puts: 0, runs: 0 };
    models.set(stateDir, model);
    if (runs.length !== model.runs + 1) throw new Error('the churn checker must see every run');
    model.runs += 1;
    const run = runs[runs.length - 1]!;
    const output = parseWriterOutput(run.stdout);
    const gone: string[] = [];
    const apply = (added: string): string | null => {
      model.certs.push(added);
      model.puts += 1;
      const dropped = model.certs.length > CHURN_KEEP ? model.certs.shift()! : null;
      if (dropped !== null) gone.push(dropped);
      return dropped;
    };
    output.committed.forEach(({ added, dropped }, i) => {
      if (output.begun[i] !== added) throw new Error(`COMMITTED ${added} without its BEGIN`);
      const expected = apply(added);
      if (expected !== dropped) throw new Error(`${added} dropped ${dropped}, expected ${expected}`);
    });
    const unfinished = output.begun.length > output.committed.length ? output.begun[output.committed.length]! : null;
    if (output.begun.length > output.committed.length + 1) throw new Error('more than one transaction in flight');
    if (unfinished !== null && !run.killed)
      throw new Error(`${unfinished} began but the writer exited without committing it`);
    inspect(stateDir, (tx) => {
      if (unfinished !== null && tx.getCertificate(WRITER_SERVER, unfinished) !== undefined) apply(unfinished);
      else if (unfinished !== null && tx.getValue(`cert:${unfinished}`) !== undefined)
        throw new Error(`half of ${unfinished}'s transaction is there`);
      const present = checkRecords(tx);
      if (present.join() !== model.certs.join())
        throw new Error(`the state holds [${present.join(', ')}], expected [${model.certs.join(', ')}]`);
      for (const thumbprint of gone)
        if (tx.getValue(`cert:${thumbprint}`) !== undefined) throw new Error(`dropped ${thumbprint} left its kv entry`);
      if ((tx.getValue('count:w') ?? 0) !== model.puts)
        throw new Error(`count:w is ${String(tx.getValue('count:w'))}, expected ${model.puts}`);
      if (model.puts > 0 && tx.getServerConfig(WRITER_SERVER).networkServiceAcl.join() !== model.certs.join())
        throw new Error('networkServiceAcl does not list the certificates');
    });
  };
}
