// Child process for the concurrency and crash tests: write transactions into a state, reported on stdout.
// Usage (bundled by child-script.ts): node store-writer.ts <stateDir> <label> append <count>   (adds <count> certificates)
//        node store-writer.ts <stateDir> <label> churn            (forever: add one, drop the oldest beyond CHURN_KEEP)
// Prints READY after opening, `BEGIN <added>` before each transaction and `COMMITTED <added> <dropped|->` after it returned.
import { writeSync } from 'node:fs';
import type { CertificateRecord, StateTransaction } from '../../../../src/engine/org-state.js';
import { openSqliteStateStore } from '../../../../src/engine/store/sqlite-state-store.js';
import { CHURN_KEEP, WRITER_SERVER, writerCertificate } from './writer-records.js';

const [stateDir, label, mode, countText] = process.argv.slice(2);
if (stateDir === undefined || label === undefined || (mode !== 'append' && mode !== 'churn')) {
  throw new Error('usage: store-writer <stateDir> <label> append <count> | churn');
}
const count = mode === 'churn' ? Infinity : Number(countText);

/** Writes a whole line to fd 1 synchronously, waiting while a full pipe says EAGAIN. */
function say(line: string): void {
  const data = Buffer.from(`${line}\n`);
  for (let offset = 0; offset < data.length;) {
    try {
      offset += writeSync(1, data, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

function transaction(tx: StateTransaction, cert: CertificateRecord): string | null {
  if (tx.getServer(WRITER_SERVER) === undefined) {
    tx.putServer({
      name: WRITER_SERVER,
      fqdn: 'ex01.contoso.com',
      major: '2019',
      cu: 15,
      roles: ['Mailbox'],
      createdAt: cert.createdAt,
    });
  }
  tx.putCertificate(cert);
  tx.putValue(`cert:${cert.thumbprint}`, cert.friendlyName);
  const counter = tx.getValue(`count:${label}`);
  tx.putValue(`count:${label}`, (typeof counter === 'number' ? counter : 0) + 1);
  let dropped: string | null = null;
  if (mode === 'churn') {
    const present = tx.listCertificates(WRITER_SERVER);
    if (present.length > CHURN_KEEP) {
      dropped = present[0]!.thumbprint;
      tx.deleteCertificate(WRITER_SERVER, dropped);
      tx.putValue(`cert:${dropped}`, undefined);
    }
    const config = tx.getServerConfig(WRITER_SERVER);
    tx.putServerConfig(WRITER_SERVER, {
      ...config,
      networkServiceAcl: tx.listCertificates(WRITER_SERVER).map((c) => c.thumbprint),
    });
  }
  return dropped;
}

const store = openSqliteStateStore(stateDir);
say('READY');
for (let i = 0; i < count; i += 1) {
  const cert = writerCertificate(label, i);
  say(`BEGIN ${cert.thumbprint}`);
  const dropped = store.write((tx) => transaction(tx, cert));
  say(`COMMITTED ${cert.thumbprint} ${dropped ?? '-'}`);
}
store.close();
