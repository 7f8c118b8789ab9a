// `npm run bench` row: our parser vs PowerShell's own Parser.ParseFile on the .ps1/.psm1 files shipped with
// PowerShell 7.6.9 and Pester 6.2.0 (the real-script comparison's files); pwsh's time is measured inside pwsh.
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

function findPwsh() {
  const candidates = [process.env.PWSH, join(homedir(), '.dotnet', 'tools', 'pwsh')];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir) candidates.push(join(dir, 'pwsh'));
  return candidates.find((c) => {
    if (!c) return false;
    try {
      accessSync(c, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function scriptsUnder(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...scriptsUnder(path));
    else if (/\.(ps1|psm1)$/i.test(name)) out.push(path);
  }
  return out;
}

/** The text as ParseFile reads it: BOM-detected UTF-16 or UTF-8. */
function readScript(path) {
  const buf = readFileSync(path);
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export default async function parseRows({ root }) {
  const pwsh = findPwsh();
  const store = [
    pwsh ? join(dirname(realpathSync(pwsh)), '.store', 'powershell', '7.6.9') : '',
    join(homedir(), '.dotnet', 'tools', '.store', 'powershell', '7.6.9'),
  ].find((c) => c && existsSync(c));
  const pester = join(process.env.NUGET_PACKAGES ?? join(homedir(), '.nuget', 'packages'), 'pester', '6.2.0');
  const files = [...(store ? scriptsUnder(store) : []), ...scriptsUnder(pester)];
  const title = 'parse PowerShell 7.6.9 + Pester 6.2.0 scripts: ours vs pwsh ParseFile';
  if (!pwsh || files.length === 0) return [[title, 'skipped: pwsh or the scripts not found', '', '<= 1.0x']];
  const { parse } = await import(join(root, 'dist', 'index.js'));
  const rounds = Number(process.env.BENCH_PARSE_ROUNDS ?? 10);
  let lines = 0;
  for (const f of files) lines += parse(readScript(f)).extent.endLine;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) for (const f of files) parse(readScript(f));
  const ours = Number(process.hrtime.bigint() - t0) / 1e6 / rounds;

  const dir = mkdtempSync(join(tmpdir(), 'exchcert-bench-'));
  try {
    const list = join(dir, 'files.txt');
    writeFileSync(list, files.join('\n'));
    const dump = join(root, 'test', 'parser', 'real-scripts', 'pwsh-ast-dump.ps1');
    const r = spawnSync(
      pwsh,
      ['-NoProfile', '-NonInteractive', '-File', dump, '-ListFile', list, '-Repeat', String(rounds)],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`pwsh failed: ${r.stderr}`);
    const theirs = JSON.parse(r.stdout).ms / rounds;
    return [
      [
        `${title} (${files.length} files, ${lines} lines)`,
        `${ours.toFixed(1)} ms vs ${theirs.toFixed(1)} ms`,
        `${(ours / theirs).toFixed(2)}x`,
        '<= 1.0x',
      ],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
