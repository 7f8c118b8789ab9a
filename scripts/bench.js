// `npm run bench`: speed figures as ratios measured in one run, printed as a table.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A runbook of `lines` lines shaped like the seed lifecycle, with varying values. */
function generateRunbook(lines) {
  const out = [];
  for (let i = 0; out.length < lines; i++) {
    const t = ((i * 2654435761) >>> 0).toString(16).toUpperCase().padStart(8, '0').repeat(5);
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
// BENCH_ONLY=cli measures the whole-process rows alone.
const only = process.env.BENCH_ONLY;
const n = Number(process.env.BENCH_RUNS ?? 15);
// Whole CLI processes in paired runs (scripts/bench-cli.js).
rows.push(...(await (await import('./bench-cli.js')).default({ root, runs: n })));

/** The in-process rows: lint, the seed lifecycle on the mock, the 100 x 100 organization. */
async function inProcessRows() {
  const out = [];
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
  out.push([
    `parse + bind + lint, generated 10,000-line runbook (${findings} findings)`,
    `${median(lintTimes).toFixed(1)} ms`,
    '',
    '< 300 ms',
  ]);

  // The mock against openssl processes, and the 100 x 100 organization (scripts/bench-seed.js, scripts/bench-org.js).
  const seedRuns = Math.max(5, Number(process.env.BENCH_SEED_RUNS ?? 7));
  out.push(...(await (await import('./bench-seed.js')).default({ root, median, runs: seedRuns })));
  out.push(...(await (await import('./bench-org.js')).default({ root, median })));
  return out;
}

if (only !== 'cli') {
  rows.push(...(await inProcessRows()));
  // Our parser vs pwsh's own ParseFile on PowerShell's and Pester's scripts (scripts/bench-parse.js).
  rows.push(...(await (await import('./bench-parse.js')).default({ root })));
  // The PowerShell session: warm session vs a process per call, transport overhead (scripts/bench-session.js).
  rows.push(...(await (await import('./bench-session.js')).default({ root })));
  // The transports: PSRP vs the text runner vs in-process, per call (scripts/bench-psrp.js).
  rows.push(...(await (await import('./bench-psrp.js')).default({ root })));
  // The simulated Exchange for real pwsh: engine round trip, seed lifecycle via sim (scripts/bench-sim.js).
  rows.push(...(await (await import('./bench-sim.js')).default({ root, median })));
}

const extra = process.env.BENCH_EXTRA ? await import(process.env.BENCH_EXTRA) : null;
if (extra) rows.push(...(await extra.default({ root, median })));

const widths = [0, 1, 2, 3].map((c) =>
  Math.max(...rows.map((r) => r[c].length), ['measure', 'time', 'ratio', 'goal'][c].length),
);
const line = (r) => `| ${r.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
console.log(line(['measure', 'time', 'ratio', 'goal']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
