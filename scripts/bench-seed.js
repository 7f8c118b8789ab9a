// Bench rows: the seed lifecycle on the mock (warm and cold key pool) against the same PKI steps as openssl processes.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PASSWORD = 'Pass1word';
const SUBJECT = '/C=NL/ST=Flevoland/L=Emmeloord/O=Exchangefun bv/OU=RND/CN=webmail.exchangefun.nl';
const SAN = 'subjectAltName=DNS:webmail.exchangefun.nl,DNS:autodiscover.exchangefun.nl';

function openssl(dir, args) {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** A root and an issuing CA made with openssl once (what the vendor CA is in the mock state). */
function opensslCa(dir) {
  writeFileSync(join(dir, 'ca.ext'), 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n');
  writeFileSync(join(dir, 'leaf.ext'), `keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n${SAN}\n`);
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-subj', '/O=Vendor/CN=Vendor Root CA', '-days', '7300']);
  openssl(dir, ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'inter.key', '-out', 'inter.csr', '-subj', '/O=Vendor/CN=Vendor TLS Issuing CA']);
  openssl(dir, ['x509', '-req', '-in', 'inter.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-set_serial', '0x1001', '-out', 'inter.pem', '-days', '3650', '-extfile', 'ca.ext']);
}

/** The lifecycle's PKI steps as openssl processes (no shell): key, request, request check, issue, chain check, PFX out and in, thumbprint. */
function opensslLifecycle(dir, serial) {
  openssl(dir, ['genrsa', '-out', 'key.pem', '2048']);
  openssl(dir, ['req', '-new', '-key', 'key.pem', '-out', 'req.pem', '-subj', SUBJECT, '-addext', SAN]);
  openssl(dir, ['req', '-verify', '-noout', '-in', 'req.pem']);
  openssl(dir, ['x509', '-req', '-in', 'req.pem', '-CA', 'inter.pem', '-CAkey', 'inter.key', '-set_serial', `0x${serial}`, '-days', '365', '-extfile', 'leaf.ext', '-out', 'cert.pem']);
  openssl(dir, ['verify', '-CAfile', 'root.pem', '-untrusted', 'inter.pem', 'cert.pem']);
  openssl(dir, ['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-name', 'Microsoft Exchange', '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES',
    '-macalg', 'sha1', '-iter', '2000', '-passout', `pass:${PASSWORD}`, '-out', 'cert.pfx']);
  openssl(dir, ['pkcs12', '-in', 'cert.pfx', '-passin', `pass:${PASSWORD}`, '-nodes', '-out', 'all.pem']);
  return openssl(dir, ['x509', '-noout', '-fingerprint', '-sha1', '-in', 'cert.pem']);
}

/**
 * Rows comparing the mock's seed lifecycle (servers and vendor CA prepared beforehand, a fresh state each run) with
 * openssl doing the same PKI steps; the three are measured in turn, `runs` times after one warm-up round.
 */
export default async function seedRows({ root, median, runs }) {
  const dist = (path) => import(join(root, 'dist', path));
  const { openMockState, vendorCa } = await dist('backend/mock/mock-state.js');
  const { mockBackend } = await dist('backend/mock/mock-backend.js');
  const { runSeedOnMock } = await dist('examples/seed-on-mock.js');
  const base = mkdtempSync(join(tmpdir(), 'exchcert-bench-seed-'));
  try {
    // The organization and its vendor CA, made once and copied: every run gets a fresh state with its own pooled keys.
    const template = join(base, 'template');
    const made = openMockState(template, { keyPoolSize: 0 });
    await made.exchange.defaultServer();
    await vendorCa(made);
    made.close();
    const ossl = join(base, 'openssl');
    cpSync(template, ossl, { recursive: true });
    opensslCa(ossl);

    const seed = async (i, warm) => {
      const dir = join(base, `run-${i}-${warm ? 'warm' : 'cold'}`);
      cpSync(template, dir, { recursive: true });
      const state = openMockState(dir);
      if (warm) {
        state.keyPool.refill();
        await state.settled(); // the pool full, as a previous New leaves it
      }
      const started = performance.now();
      const run = await runSeedOnMock(mockBackend({ state }), '5.1');
      const ms = performance.now() - started;
      if (!run.partOne.ok || !run.partTwo.ok) throw new Error(`seed lifecycle failed: ${JSON.stringify([...run.partOne.errors, ...run.partTwo.errors])}`);
      await state.settled(); // the refill started by New finishes before the next measurement
      state.close();
      return ms;
    };
    const warm = [];
    const cold = [];
    const proc = [];
    for (let i = 0; i <= runs; i++) {
      const w = await seed(i, true);
      const c = await seed(i, false);
      const started = performance.now();
      opensslLifecycle(ossl, (0x2000 + i).toString(16));
      const o = performance.now() - started;
      if (i > 0) warm.push(w), cold.push(c), proc.push(o);
    }
    const o = median(proc);
    const w = median(warm);
    const c = median(cold);
    return [
      ['seed lifecycle: mock, key pool warm vs openssl processes', `${w.toFixed(1)} ms vs ${o.toFixed(1)} ms`, `${(w / o).toFixed(2)}x`, '<= 0.2x'],
      ['seed lifecycle: mock, key pool cold (key made in New) vs openssl', `${c.toFixed(1)} ms vs ${o.toFixed(1)} ms`, `${(c / o).toFixed(2)}x`, '(reference)'],
    ];
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
