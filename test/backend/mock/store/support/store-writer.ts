// Child process for the concurrency and crash tests: writes certificates into a state, one transaction each.
// Usage: node --import tsx store-writer.ts <stateDir> <label> <count|forever>
// Prints READY after opening, `BEGIN <thumbprint>` before each write and `COMMITTED <thumbprint>` after it returned.
import { writeSync } from 'node:fs';
import { openSqliteStateStore } from '../../../../../src/backend/mock/store/sqlite-state-store.js';
import { writerCertificate } from './writer-records.js';

const [stateDir, label, countText] = process.argv.slice(2);
if (stateDir === undefined || label === undefined || countText === undefined) throw new Error('usage: store-writer <stateDir> <label> <count|forever>');
const count = countText === 'forever' ? Infinity : Number(countText);

const say = (line: string): void => void writeSync(1, `${line}\n`);
const store = openSqliteStateStore(stateDir);
say('READY');
for (let i = 0; i < count; i += 1) {
  const cert = writerCertificate(label, i);
  say(`BEGIN ${cert.thumbprint}`);
  store.write((tx) => {
    if (tx.getServer(cert.server) === undefined) {
      tx.putServer({ name: cert.server, fqdn: `${cert.server}.contoso.com`, major: '2019', cu: 15, roles: ['Mailbox'], createdAt: cert.createdAt });
    }
    tx.putCertificate(cert);
    tx.putValue(`cert:${cert.thumbprint}`, cert.friendlyName);
    const counter = tx.getValue(`count:${label}`);
    tx.putValue(`count:${label}`, (typeof counter === 'number' ? counter : 0) + 1);
  });
  say(`COMMITTED ${cert.thumbprint}`);
}
store.close();
