// `npm run bench`: speed figures as ratios measured in one run, printed as a table.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time of a command, median of n runs (after one warm-up). */
function timeCommand(args, n) {
  spawnSync(process.execPath, args, { cwd: root });
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  }
  return median(times);
}

/** A runbook of `lines` lines shaped like the seed lifecycle, with varying values. */
function generateRunbook(lines) {
  const out = [];
  for (let i = 0; out.length < lines; i++) {
    const t = (i * 2654435761 >>> 0).toString(16).toUpperCase().padStart(8, '0').repeat(5);
    out.push(
      `$RequestData${i} = New-ExchangeCertificate -GenerateRequest -Server AMS-EXCH${i % 50} -SubjectName "c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail${i}.exchangefun.nl" -DomainName webmail${i}.exchangefun.nl, autodiscover.exchangefun.nl -PrivateKeyExportable $true`,
      `Set-Content -path "C:\\install\\ssl-request${i}.req" -value $RequestData${i}`,
      `$Data = [Byte[]]$(Get-Content -Path "c:\\install\\webmail_${i}.cer" -Encoding byte -ReadCount 0)`,
      `Import-ExchangeCertificate -Server AMS-EXCH01 -FileData $Data`,
      `Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${t} | Enable-ExchangeCertificate -Server AMS-EXCH01 -Services IIS`,
      `Export-ExchangeCertificate -Thumbprint ${t} -FileName "C:\\Install\\webmail_${i}.pfx" -BinaryEncoded -Password (ConvertTo-SecureString -String 'Pass1word' -AsPlainText -Force)`,
      `Import-ExchangeCertificate -Server RESEXCH01 -FileData ([Byte[]]$(Get-Content -Path c:\\install\\webmail_${i}.pfx -Encoding byte -ReadCount 0)) -Password (ConvertTo-SecureString -String 'Pass1word' -AsPlainText -Force)`,
    );
  }
  return out.slice(0, lines).join('\n');
}

const rows = [];
const n = Number(process.env.BENCH_RUNS ?? 15);
const baseline = timeCommand(['-e', '0'], n);
const cli = timeCommand([join(root, 'bin', 'exchcert.js'), 'new-request', '--server', 'AMS-EXCH01', '--subject-name', 'CN=webmail.exchangefun.nl',
  '--domain-name', 'webmail.exchangefun.nl,autodiscover.exchangefun.nl', '--private-key-exportable', '--print'], n);
rows.push(['CLI cold start: exchcert new-request ... --print vs node -e 0', `${cli.toFixed(1)} ms vs ${baseline.toFixed(1)} ms`, `${(cli / baseline).toFixed(2)}x`, '<= 1.5x']);

const { lint } = await import(join(root, 'dist', 'index.js'));
const text = generateRunbook(10000);
lint(generateRunbook(200), { exchange: '2019-CU14', shell: '5.1' });
const lintTimes = [];
let findings = 0;
for (let i = 0; i < 5; i++) {
  const t0 = process.hrtime.bigint();
  findings = lint(text, { exchange: '2019-CU14', shell: '5.1' }).length;
  lintTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
rows.push([`parse + bind + lint, generated 10,000-line runbook (${findings} findings)`, `${median(lintTimes).toFixed(1)} ms`, '', '< 300 ms']);

// Our parser vs pwsh's own ParseFile on PowerShell's and Pester's scripts (scripts/bench-parse.js).
rows.push(...(await (await import('./bench-parse.js')).default({ root })));

// The mock against openssl processes, and the 100 x 100 organization (scripts/bench-seed.js, scripts/bench-org.js).
const seedRuns = Math.max(5, Number(process.env.BENCH_SEED_RUNS ?? 7));
rows.push(...(await (await import('./bench-seed.js')).default({ root, median, runs: seedRuns })));
rows.push(...(await (await import('./bench-org.js')).default({ root, median })));
rows.push(...(await (await import('./bench-session.js')).default({ root })));

const extra = process.env.BENCH_EXTRA ? await import(process.env.BENCH_EXTRA) : null;
if (extra) rows.push(...(await extra.default({ root, median })));

const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length), ['measure', 'time', 'ratio', 'goal'][c].length));
const line = (r) => `| ${r.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
console.log(line(['measure', 'time', 'ratio', 'goal']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
