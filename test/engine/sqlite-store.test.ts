// The engine against the SQLite state store and the host virtual file system (what `exchcert mock` runs on).
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStateStore } from '../../src/engine/store/sqlite-state-store.js';
import { createHostVirtualFs } from '../../src/engine/store/host-virtual-fs.js';
import { addServer, createMockExchange } from '../../src/engine/index.js';
import { secret } from '../../src/node/secret.js';
import { pooledKeys } from './support/key-pool.js';

describe('with the SQLite store', () => {
  it('creates, exports (a missing folder is the .NET write error), lists and requests through SQLite and the host file system', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exch-sqlite-'));
    const store = openSqliteStateStore(dir);
    const fs = createHostVirtualFs(dir);
    await addServer(
      store,
      { name: 'AMS-EXCH01', fqdn: 'AMS-EXCH01.labs.local', exchange: '2013' },
      new Date('2024-03-01T00:00:00Z'),
      pooledKeys,
    );
    const ex = createMockExchange({ store, fs, keys: pooledKeys, clock: () => new Date('2024-03-02T00:00:00Z') });
    const call = (cmdlet: string, parameters: Record<string, unknown>) =>
      ex.invoke(
        { cmdlet, parameterSet: '', parameters, connectedServer: 'AMS-EXCH01', shell: '5.1', line: 1, column: 1 },
        { answer: () => 'Y' },
      );
    const n = await call('New-ExchangeCertificate', {
      domainName: ['mail.contoso.com'],
      privateKeyExportable: true,
      services: ['IIS', 'SMTP'],
    });
    expect(n.errors).toEqual([]);
    const t = (n.output[0] as { Thumbprint: string }).Thumbprint;
    const e = await call('Export-ExchangeCertificate', {
      thumbprint: t,
      binaryEncoded: true,
      password: secret('pw'),
      fileName: 'C:\\out\\x.pfx',
    });
    expect(e.errors.map((x) => x.message)).toEqual([
      "The exported data couldn't be written to the file. Could not find a part of the path 'C:\\out\\x.pfx'.",
    ]);
    expect(e.output).toHaveLength(1);
    const e2 = await call('Export-ExchangeCertificate', {
      thumbprint: t,
      binaryEncoded: true,
      password: secret('pw'),
      fileName: 'C:\\x.pfx',
    });
    expect(e2.errors).toEqual([]);
    expect(fs.readFile('C:\\x.pfx')).toEqual((e2.output[0] as { FileData: Uint8Array }).FileData);
    const g = await call('Get-ExchangeCertificate', {});
    expect(g.output.length).toBe(4);
    const r = await call('New-ExchangeCertificate', {
      generateRequest: true,
      subjectName: 'CN=a.contoso.com',
      requestFile: 'C:\\a',
    });
    expect(r.errors.map((x) => x.message)).toEqual([]);
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
