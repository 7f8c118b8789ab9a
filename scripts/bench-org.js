// Bench rows: a mock of 100 servers x 100 real certificates (Get by thumbprint, opening the state) and the store-level figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVERS = 100;
const CERTIFICATES = 100;
const KEYS = 10;
const GETS = 400;
const OPENS = 15;

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

/** Servers as setup leaves them, then the same 100 vendor-issued certificates installed on each through the store. */
async function fillState(root, dir) {
  const dist = (path) => import(join(root, 'dist', path));
  const { openMockState, vendorCa } = await dist('backend/mock/mock-state.js');
  const { addServer } = await dist('engine/add-server.js');
  const { createCertificateRequest, exportPrivateKeyPkcs8, generateRsaKeyPair } = await dist('pki/index.js');
  const keys = await Promise.all(Array.from({ length: KEYS }, () => generateRsaKeyPair(2048)));
  let next = 0;
  const keySource = async () => keys[next++ % KEYS];
  const state = openMockState(dir, { keyPoolSize: 0 });
  const now = new Date();
  const servers = [];
  for (let s = 0; s < SERVERS; s++) {
    const server = await addServer(
      state.store,
      { name: `EX${String(s).padStart(3, '0')}`, exchange: ['2013', '2016-CU23', '2019-CU14'][s % 3] },
      now,
      keySource,
    );
    servers.push(server.name);
  }
  const ca = await vendorCa(state);
  const certificates = [];
  for (let i = 0; i < CERTIFICATES; i++) {
    const key = keys[i % KEYS];
    const csr = await createCertificateRequest({
      subject: `C=NL, O=Contoso, CN=mail${i}.contoso.com`,
      dnsNames: [`mail${i}.contoso.com`, `autodiscover${i}.contoso.com`],
      key,
    });
    const issued = await ca.issue(csr, { days: 365, now });
    certificates.push({
      der: issued.der,
      thumbprint: issued.certificate.thumbprint,
      privateKey: exportPrivateKeyPkcs8(key),
      friendlyName: `mail${i}`,
    });
  }
  state.store.write((tx) => {
    for (const server of servers) {
      for (const c of certificates) {
        tx.putCertificate({
          server,
          thumbprint: c.thumbprint,
          der: c.der,
          privateKey: c.privateKey,
          exportable: true,
          friendlyName: c.friendlyName,
          rootCaType: 'ThirdParty',
          createdAt: now.toISOString(),
        });
      }
    }
  });
  state.close();
  return { servers, thumbprints: certificates.map((c) => c.thumbprint), openMockState };
}

/** Rows for the 100 x 100 mock: Get-ExchangeCertificate -Server -Thumbprint through MockExchange.invoke, openMockState, and benchStore. */
export default async function orgRows({ root, median }) {
  const base = mkdtempSync(join(tmpdir(), 'exchcert-bench-org-'));
  try {
    const dir = join(base, 'state');
    const { servers, thumbprints, openMockState } = await fillState(root, dir);
    const state = openMockState(dir);
    const answers = { answer: () => null };
    const get = async (server, thumbprint) => {
      const call = {
        cmdlet: 'Get-ExchangeCertificate',
        parameterSet: 'Thumbprint',
        parameters: { server, thumbprint },
        connectedServer: server,
        shell: '5.1',
        line: 1,
        column: 1,
      };
      const started = performance.now();
      const out = await state.exchange.invoke(call, answers);
      const ms = performance.now() - started;
      if (out.errors.length > 0 || out.output.length !== 1 || out.output[0].Thumbprint !== thumbprint)
        throw new Error(`Get ${server} ${thumbprint} failed: ${out.errors[0]?.message}`);
      return ms;
    };
    const pick = (list) => list[Math.floor(Math.random() * list.length)];
    for (let i = 0; i < 50; i++) await get(pick(servers), pick(thumbprints));
    const gets = [];
    for (let i = 0; i < GETS; i++) gets.push(await get(pick(servers), pick(thumbprints)));
    state.close();
    const opens = [];
    for (let i = 0; i <= OPENS; i++) {
      const started = performance.now();
      const opened = openMockState(dir);
      const ms = performance.now() - started;
      opened.close();
      if (i > 0) opens.push(ms);
    }
    const { benchStore } = await import(join(root, 'dist', 'engine', 'store', 'bench-store.js'));
    const store = await benchStore(join(base, 'store'));
    return [
      [
        `100 servers x 100 certificates: Get-ExchangeCertificate -Server -Thumbprint (invoke, median of ${GETS})`,
        `${median(gets).toFixed(3)} ms (p95 ${quantile(gets, 0.95).toFixed(3)})`,
        '',
        '< 1 ms',
      ],
      [
        `100 servers x 100 certificates: openMockState (the CLI's open path, median of ${OPENS})`,
        `${median(opens).toFixed(2)} ms`,
        '',
        '< 100 ms',
      ],
      [
        'store only, 100 x 100 fake records: getCertificate in its own read transaction',
        `${store.getByThumbprintMs.toFixed(3)} ms`,
        '',
        '< 1 ms',
      ],
      ['store only, 100 x 100 fake records: openSqliteStateStore', `${store.openMs.toFixed(2)} ms`, '', '< 100 ms'],
    ];
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
