// Checks a state store-writer.ts children wrote into: intact database, all committed certificates, no torn transaction.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openSqliteStateStore, STATE_DB_FILE } from '../../../../../src/backend/mock/store/sqlite-state-store.js';
import type { CrashRun } from './crash-harness.js';
import { WRITER_SERVER, writerCertificateProblem } from './writer-records.js';

/** `PRAGMA integrity_check` of the state database ('ok' when intact). */
export function integrityCheck(stateDir: string): string {
  const db = new Database(join(stateDir, STATE_DB_FILE));
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/** Thumbprints on lines `<word> <thumbprint>` of `stdout`. */
export function linesOf(stdout: string, word: 'BEGIN' | 'COMMITTED'): string[] {
  return [...stdout.matchAll(new RegExp(`^${word} ([0-9A-F]{40})$`, 'gm'))].map((m) => m[1]!);
}

/**
 * Opens the state as the next process would and checks it against what the writers printed: every COMMITTED
 * certificate is there, nothing that was never begun is, at most one unreported commit per killed run,
 * every record matches its DER, and each transaction's other writes (kv entries, counters) are all there or all absent.
 */
export function checkWriterState(stateDir: string, runs: readonly Pick<CrashRun, 'stdout' | 'killed'>[], labels: readonly string[]): void {
  const store = openSqliteStateStore(stateDir);
  try {
    const integrity = integrityCheck(stateDir);
    if (integrity !== 'ok') throw new Error(`integrity_check: ${integrity}`);
    const committed = new Set(runs.flatMap((run) => linesOf(run.stdout, 'COMMITTED')));
    const begun = new Set(runs.flatMap((run) => linesOf(run.stdout, 'BEGIN')));
    store.read((tx) => {
      const certs = tx.listCertificates(WRITER_SERVER);
      const present = new Set(certs.map((cert) => cert.thumbprint));
      for (const cert of certs) {
        const problem = writerCertificateProblem(cert);
        if (problem !== null) throw new Error(problem);
        if (!begun.has(cert.thumbprint)) throw new Error(`${cert.thumbprint} is in the state but was never written`);
        if (tx.getValue(`cert:${cert.thumbprint}`) !== cert.friendlyName) throw new Error(`the kv entry of ${cert.thumbprint} is missing`);
      }
      for (const thumbprint of committed) if (!present.has(thumbprint)) throw new Error(`committed ${thumbprint} is missing`);
      for (const thumbprint of begun) {
        if (!present.has(thumbprint) && tx.getValue(`cert:${thumbprint}`) !== undefined) throw new Error(`half a transaction of ${thumbprint} is there`);
      }
      const unreported = certs.length - committed.size;
      const killed = runs.filter((run) => run.killed).length;
      if (unreported > killed) throw new Error(`${unreported} unreported certificates after ${killed} kills`);
      const counted = labels.reduce((sum, label) => sum + ((tx.getValue(`count:${label}`) as number | undefined) ?? 0), 0);
      if (counted !== certs.length) throw new Error(`the counters say ${counted} certificates, the state holds ${certs.length}`);
    });
  } finally {
    store.close();
  }
}
