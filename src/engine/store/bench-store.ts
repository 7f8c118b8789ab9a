// Micro-benchmark of the SQLite state: opening it and Get by thumbprint on 100 servers x 100 certificates.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fakeCertificateRecord, fakeServerRecord } from './fake-records.js';
import { openSqliteStateStore, STATE_DB_FILE } from './sqlite-state-store.js';

/** Medians in milliseconds. */
export interface StoreBenchResult {
  /** openSqliteStateStore on the filled state (median of OPEN_RUNS). */
  readonly openMs: number;
  /** One `store.read((tx) => tx.getCertificate(server, thumbprint))`, its own transaction included (median of LOOKUPS). */
  readonly getByThumbprintMs: number;
}

const SERVERS = 100;
const CERTIFICATES_PER_SERVER = 100;
const OPEN_RUNS = 15;
const LOOKUPS = 1000;

/**
 * Fills a new state in `dir` (which must hold none yet) with 100 servers x 100 certificates, closes it, then times
 * opening it and looking certificates up by (lower-case) thumbprint.
 * @example const { openMs, getByThumbprintMs } = await benchStore(mkdtempSync(join(tmpdir(), 'bench-')));
 */
export async function benchStore(dir: string): Promise<StoreBenchResult> {
  if (existsSync(join(dir, STATE_DB_FILE)))
    throw new Error(`benchStore needs a folder without a state: '${dir}' has one.`);
  const targets: [string, string][] = [];
  const filling = openSqliteStateStore(dir);
  filling.write((tx) => {
    for (let s = 0; s < SERVERS; s += 1) {
      const server = fakeServerRecord(`EX${String(s).padStart(3, '0')}`);
      tx.putServer(server);
      for (let c = 0; c < CERTIFICATES_PER_SERVER; c += 1) {
        const cert = fakeCertificateRecord(server.name);
        tx.putCertificate(cert);
        targets.push([server.name, cert.thumbprint]);
      }
    }
  });
  filling.close();

  const openTimes: number[] = [];
  for (let run = 0; run < OPEN_RUNS; run += 1) {
    const started = performance.now();
    const store = openSqliteStateStore(dir);
    openTimes.push(performance.now() - started);
    store.close();
  }

  const store = openSqliteStateStore(dir);
  const lookupTimes: number[] = [];
  try {
    for (let i = 0; i < LOOKUPS; i += 1) {
      const [server, thumbprint] = targets[Math.floor(Math.random() * targets.length)]!;
      const wanted = thumbprint.toLowerCase();
      const started = performance.now();
      const found = store.read((tx) => tx.getCertificate(server, wanted));
      lookupTimes.push(performance.now() - started);
      if (found?.thumbprint !== thumbprint) throw new Error(`benchStore: ${thumbprint} on ${server} was not found.`);
    }
  } finally {
    store.close();
  }
  return { openMs: median(openTimes), getByThumbprintMs: median(lookupTimes) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
