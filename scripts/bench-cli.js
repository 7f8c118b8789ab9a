// Bench rows for whole CLI processes, each against its reference in paired runs (A then B, n times, after a
// warm-up pair): `--print`, `run` of a one-line runbook and a typed `get` on the mock against `node -e 0`, and the
// seed lifecycle as three CLI processes against the same PKI steps as openssl processes. Ratio = median A / median B;
// the spread is the 10th-90th percentile of the per-pair ratios.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { opensslCa, opensslLifecycle } from './bench-openssl.js';

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

/** Wall time of one process in ms; throws when it fails. */
function timed(file, args, cwd) {
  return timedEnv(file, args, cwd, { ...process.env, NODE_OPTIONS: '' });
}

/** Wall time of one process in ms in the environment `env`; throws when it fails. */
function timedEnv(file, args, cwd, env) {
  const started = process.hrtime.bigint();
  const r = spawnSync(file, args, { cwd, encoding: 'utf8', env });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

/** Runs a() and b() alternately `runs` times after one warm-up pair; a row with medians, ratio and spread. */
function paired(label, goal, runs, a, b) {
  a();
  b();
  const as = [];
  const bs = [];
  for (let i = 0; i < runs; i++) {
    as.push(a());
    bs.push(b());
  }
  const ratios = as.map((t, i) => t / bs[i]);
  const ma = quantile(as, 0.5);
  const mb = quantile(bs, 0.5);
  const spread = `${quantile(ratios, 0.1).toFixed(2)}-${quantile(ratios, 0.9).toFixed(2)}`;
  return [label, `${ma.toFixed(1)} ms vs ${mb.toFixed(1)} ms`, `${(ma / mb).toFixed(2)}x (${spread})`, goal];
}

/** Blocks until `file` exists (the engine makes its socket once it is ready), at most 30 s. */
function waitFor(file) {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; !existsSync(file); waited += 5) {
    if (waited > 30_000) throw new Error(`${file} did not appear`);
    Atomics.wait(pause, 0, 0, 5);
  }
}

// The seed runbook split at the vendor step, as an admin would keep it (fixtures/runbooks/).
const PART_ONE = join('fixtures', 'runbooks', 'seed-part-one.ps1');
const PART_TWO = join('fixtures', 'runbooks', 'seed-part-two.ps1');

/** The whole-process rows; `runs` pairs each. */
export default async function cliRows({ root, runs }) {
  const node = process.execPath;
  const bin = join(root, 'bin', 'exchcert.js');
  const base = mkdtempSync(join(tmpdir(), 'exchcert-bench-cli-'));
  const cli = (args) => () => timed(node, [bin, ...args], base);
  const nodeBaseline = () => timed(node, ['-e', '0'], base);
  try {
    // A state as `mock add-server` leaves it (its key pool and vendor CA ready), servers as in the seed runbook.
    const template = join(base, 'template');
    for (const [name, exchange] of [
      ['AMS-EXCH01', '2013'],
      ['RESEXCH01', '2010'],
    ]) {
      cli(['mock', 'add-server', name, '--fqdn', `${name}.labs.local`, '--exchange', exchange, '--state', template])();
    }
    mkdirSync(join(template, 'fs', 'C', 'install'), { recursive: true });
    writeFileSync(join(base, 'get.ps1'), 'Get-ExchangeCertificate -Server AMS-EXCH01\n');
    const rows = [];
    const print = [
      'new-request',
      '--server',
      'AMS-EXCH01',
      '--subject-name',
      'CN=webmail.exchangefun.nl',
      '--domain-name',
      'webmail.exchangefun.nl,autodiscover.exchangefun.nl',
      '--private-key-exportable',
      '--print',
    ];
    const start = 'CLI cold start: exchcert new-request ... --print vs node -e 0';
    rows.push(paired(start, '<= 1.5x', runs, cli(print), nodeBaseline));
    rows.push(
      paired(
        'exchcert run (one line, Get-ExchangeCertificate) on the mock vs node -e 0',
        '<= 2x',
        runs,
        cli(['run', join(base, 'get.ps1'), '--backend', 'mock', '--state', template]),
        nodeBaseline,
      ),
    );
    rows.push(
      paired(
        'exchcert get --server AMS-EXCH01 --backend mock vs node -e 0',
        '<= 2x',
        runs,
        cli(['get', '--server', 'AMS-EXCH01', '--backend', 'mock', '--state', template]),
        nodeBaseline,
      ),
    );

    // The lifecycle: a fresh copy of the prepared state each time (not timed), then three CLI processes.
    const ossl = join(base, 'openssl');
    mkdirSync(ossl);
    opensslCa(ossl);
    let n = 0;
    const lifecycle = () => {
      const state = join(base, `seed-${n++}`);
      cpSync(template, state, { recursive: true });
      const install = join(state, 'fs', 'C', 'install');
      const cer = join(install, 'webmail_exchangefun_nl.cer');
      const issue = ['ca', 'issue', join(install, 'ssl-request.req'), '--out', cer];
      return (
        timed(node, [bin, 'run', join(root, PART_ONE), '--backend', 'mock', '--state', state], base) +
        timed(node, [bin, ...issue, '--state', state], base) +
        timed(node, [bin, 'run', join(root, PART_TWO), '--backend', 'mock', '--state', state], base)
      );
    };
    // The same three processes while an engine serves the state (started before and stopped after, not timed): each
    // process forwards its command line to it and relays the output.
    const withEngine = () => {
      const state = join(base, `seed-${n++}`);
      cpSync(template, state, { recursive: true });
      const engine = spawn(node, [bin, 'engine', 'serve', '--state', state], {
        cwd: base,
        stdio: 'ignore',
        env: { ...process.env, NODE_OPTIONS: '' },
      });
      try {
        waitFor(join(state, 'engine.sock'));
        const install = join(state, 'fs', 'C', 'install');
        const cer = join(install, 'webmail_exchangefun_nl.cer');
        const issue = ['ca', 'issue', join(install, 'ssl-request.req'), '--out', cer];
        return (
          timed(node, [bin, 'run', join(root, PART_ONE), '--backend', 'mock', '--state', state], base) +
          timed(node, [bin, ...issue, '--state', state], base) +
          timed(node, [bin, 'run', join(root, PART_TWO), '--backend', 'mock', '--state', state], base)
        );
      } finally {
        engine.kill();
      }
    };
    let serial = 0x3000;
    const openssl = () => {
      const started = performance.now();
      opensslLifecycle(ossl, (serial++).toString(16));
      return performance.now() - started;
    };
    const seed = 'seed lifecycle: 3 CLI processes (run, ca issue, run) vs openssl processes';
    rows.push(paired(seed, '<= 0.7x', runs, lifecycle, openssl));
    const served = 'seed lifecycle: the same 3 CLI processes, an engine serving the state vs openssl processes';
    rows.push(paired(served, '<= 0.7x', runs, withEngine, openssl));
    // The floor of any lifecycle made of three Node processes: three that do nothing.
    const floor = () => nodeBaseline() + nodeBaseline() + nodeBaseline();
    rows.push(paired('floor: 3 x node -e 0 vs the openssl processes', '(reference)', runs, floor, openssl));
    // Node reads the whole bundle named by NODE_EXTRA_CA_CERTS at every start, when the environment sets it.
    if (process.env.NODE_EXTRA_CA_CERTS) {
      const bare = () =>
        timedEnv(node, ['-e', '0'], base, { ...process.env, NODE_OPTIONS: '', NODE_EXTRA_CA_CERTS: '' });
      const label = `node -e 0 with NODE_EXTRA_CA_CERTS=${process.env.NODE_EXTRA_CA_CERTS} vs without`;
      rows.push(paired(label, '(reference)', runs, nodeBaseline, bare));
    }
    return rows;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
