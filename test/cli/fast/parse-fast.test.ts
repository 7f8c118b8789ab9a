// The fast path against yargs: over thousands of generated command lines, every line the fast path takes gives the
// handler exactly yargs' arguments, and running it prints the same output with the same exit code.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Argv, CommandModule } from 'yargs';
import { addServer } from '../../../src/engine/add-server.js';
import { openMockState } from '../../../src/backend/mock/mock-state.js';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { parseFast } from '../../../src/cli/fast/parse-fast.js';
import { recordCommand } from '../../../src/cli/fast/record-command.js';
import type { DeclaredOption, RecordedCommand } from '../../../src/cli/fast/record-command.js';
import { runFast } from '../../../src/cli/fast/run-fast.js';
import { cliCommands, runCli } from '../../../src/cli/run-cli.js';
import type { CliCommands } from '../../../src/cli/run-cli.js';
import { pooledKeys } from '../../engine/support/key-pool.js';
import { fakeIo } from '../../support/fake-io.js';

const T = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';
const work = mkdtempSync(join(tmpdir(), 'exchcert-fast-'));
const state = join(work, 'state');
const runbook = join(work, 'get.ps1');
const env = { PW: 'Pass1word' };
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  mkdirSync(state);
  writeFileSync(runbook, 'Get-ExchangeCertificate -Server EX1\n');
  const list = 'Get-ExchangeCertificate | Format-List Subject, Thumbprint\n$x = 1\nWrite-Host "x is $x"\n';
  writeFileSync(join(work, 'list.ps1'), list);
  writeFileSync(join(work, 'bad.ps1'), 'Get-ExchangeCertificate -Server NOPE\nGet-ExchangeCertificate -Bogus\n');
  writeFileSync(join(work, 'pw.txt'), 'Pass1word\n');
  const s = openMockState(state, { keyPoolSize: 0 });
  await addServer(s.store, { name: 'EX1', exchange: '2019-CU14' }, new Date('2024-03-01T00:00:00Z'), pooledKeys);
  await addServer(s.store, { name: 'EX2', exchange: '2010' }, new Date('2024-03-01T00:00:00Z'), pooledKeys);
  s.close();
}, 60_000);

/** A seeded generator (mulberry32), so every run checks the same lines. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  'plain',
  'a b',
  '123',
  '-dash',
  'C:\\a b\\c.pfx',
  '0x10',
  "O'Brien’s",
  '',
  'EX1',
  'IIS,SMTP',
  'true',
  '5.1',
  '7',
  'print',
  'mock',
];
const NUMBERS = ['5', '2048', '3000', 'abc', '-1', '1.5', '0x10', '007'];

/** Command-line pieces for one declared option: the exact shapes and the tricky ones. */
function optionPieces(flag: string, o: DeclaredOption, pick: <T>(xs: readonly T[]) => T): string[] {
  const values = o.choices ? [...o.choices.map(String), 'nope'] : o.type === 'number' ? NUMBERS : STRINGS;
  const v = pick(values);
  const f = `--${flag}`;
  if (o.type === 'boolean')
    return pick([[f], [`--no-${flag}`], [`${f}=true`], [`${f}=false`], [f, 'true'], [`${f}=yes`]]);
  if (o.array === true || o.type === 'array') return pick([[f, v], [`${f}=${v}`], [f, v, pick(values)], [f]]);
  return pick([[`--${flag}`, v], [`--${flag}=${v}`], [`--${flag}`], [`--${flag}`, v], [`--${flag}=${v}`]]);
}

const POSITIONALS: Readonly<Record<string, readonly string[]>> = {
  file: [runbook, join(work, 'list.ps1'), join(work, 'bad.ps1'), join(work, 'missing.ps1'), '-', '123'],
  request: ['C:\\install\\x.req', join(work, 'missing.req')],
  name: ['EX9', 'AMS-EXCH01', '42'],
  server: ['EX1', 'NOPE'],
  thumbprint: [T],
  on: ['on', 'off', 'maybe'],
  days: ['5', '30', '365', '-1', 'x'],
};

/** Random command lines for a recorded command (`prefix` = its words), valid and invalid alike. */
function generate(command: RecordedCommand, prefix: readonly string[], count: number, seed: number): string[][] {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const options = [...command.options.entries()];
  const lines: string[][] = [];
  for (let n = 0; n < count; n++) {
    const words: string[][] = [];
    for (const slot of command.slots) if (next() < 0.95) words.push([pick(POSITIONALS[slot.name] ?? ['x'])]);
    for (const [flag, o] of options) {
      if (o.demandOption && next() < 0.9) words.push([`--${flag}`, pick(['C:\\install\\x.cer', 'x'])]);
    }
    const extra = Math.floor(next() * 5);
    for (let k = 0; k < extra; k++) {
      const [flag, o] = pick(options);
      words.push(flag === 'state' ? ['--state', state] : optionPieces(flag, o, pick));
    }
    const odd = ['--help', '--version', '--bogus', '-x', '--', 'extra', '--privateKeyExportable'];
    if (next() < 0.05) words.push([pick(odd)]);
    // The positionals mostly come first, sometimes after an option.
    if (next() < 0.2) words.push(words.shift() ?? []);
    lines.push([...prefix, ...words.flat()]);
  }
  return lines;
}

/** Wraps every handler (nested ones too) so that it records its arguments instead of running. */
function recording(commands: CliCommands, record: (args: Record<string, unknown>) => void): CliCommands {
  const wrap = (m: CommandModule): CommandModule => ({
    ...m,
    builder: typeof m.builder === 'function' ? (y: Argv) => (m.builder as (y: Argv) => Argv)(intercept(y)) : m.builder,
    handler: (args) => record(args as Record<string, unknown>),
  });
  const intercept = (y: Argv): Argv => {
    const proxy: Argv = new Proxy(y, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const given = key === 'command' && typeof args[0] === 'object' ? [wrap(args[0] as CommandModule)] : args;
          const r = (value as (...a: unknown[]) => unknown).apply(target, given);
          return r === target ? proxy : r;
        };
      },
    });
    return proxy;
  };
  return (io, done) => commands(io, done).map(wrap);
}

/** The arguments yargs hands the handler for `argv`, or null when yargs refuses the line. */
async function yargsArgs(argv: readonly string[]): Promise<Record<string, unknown> | null> {
  let seen: Record<string, unknown> | null = null;
  await runCli(
    argv,
    fakeIo({ env }),
    recording(cliCommands, (a) => {
      seen = { ...a };
    }),
  );
  return seen;
}

const FAST_COMMANDS = [
  'run',
  'ca',
  'mock',
  'new-request',
  'new-selfsigned',
  'import',
  'enable',
  'export',
  'get',
  'remove',
];

/** The leaf commands the fast bundles serve, each with the words that reach it. */
function leaves(): { command: RecordedCommand; prefix: string[] }[] {
  const io = fakeIo();
  const out: { command: RecordedCommand; prefix: string[] }[] = [];
  for (const m of cliCommands(io, () => undefined)) {
    const r = recordCommand(m);
    if (!FAST_COMMANDS.includes(r.name)) continue;
    if (r.subcommands.length === 0) out.push({ command: r, prefix: [r.name] });
    for (const s of r.subcommands) out.push({ command: s, prefix: [r.name, s.name] });
  }
  return out;
}

describe('parseFast gives the handler what yargs gives it', () => {
  it.each(leaves().map((l, i) => [l.prefix.join(' '), l, i] as const))(
    '%s',
    async (_name, leaf, i) => {
      expect(leaf.command.supported).toBe(true);
      const variadic = leaf.command.slots.some((s) => s.variadic);
      const modules = cliCommands(fakeIo(), () => undefined);
      const top = recordCommand(modules.find((m) => String(m.command).split(' ')[0] === leaf.prefix[0])!);
      let taken = 0;
      const lines = generate(leaf.command, leaf.prefix, 100, 1000 + i);
      for (const argv of lines) {
        const fast = parseFast([top], argv);
        if (!fast) continue;
        taken++;
        const slow = await yargsArgs(argv);
        expect({ argv, args: slow }).toEqual({ argv, args: fast.args });
      }
      // Generated lines are often malformed on purpose; still a good share must take the fast path.
      if (variadic) expect(taken).toBe(0);
      else expect(taken).toBeGreaterThan(lines.length / 6);
    },
    120_000,
  );
});

/** Output with the per-call request id and time stamp of Exchange errors blanked. */
const stable = (text: string): string =>
  text.replace(/RequestId=[0-9a-f-]+,TimeStamp=[^\]]+/g, 'RequestId=*,TimeStamp=*');

/** Runs argv through the fast path and, when it took the line, through runCli; both results on fake io. */
async function both(argv: readonly string[], ioOptions: Parameters<typeof fakeIo>[0] = { env }) {
  const fastIo = fakeIo(ioOptions);
  const fast = runFast(cliCommands, argv, fastIo);
  const fastCode = fast === null ? null : await fast;
  if (fastCode === null) return { fast: { code: null, out: '', err: '' }, slow: null };
  const slowIo = fakeIo(ioOptions);
  const slowCode = await runCli(argv, slowIo);
  return {
    fast: { code: fastCode, out: stable(fastIo.out()), err: stable(fastIo.err()) },
    slow: { code: slowCode, out: stable(slowIo.out()), err: stable(slowIo.err()) },
  };
}

// Command lines the fast path must take, printing exactly what yargs prints.
const SAME = [
  [
    'new-request',
    '--server',
    'AMS-EXCH01',
    '--subject-name',
    'CN=a.contoso.com',
    '--domain-name',
    'a.contoso.com,b.contoso.com',
    '--private-key-exportable',
    '--print',
  ],
  [
    'new-request',
    '--subject-name=CN=a.contoso.com',
    '--domain-name',
    'a.contoso.com',
    '--domain-name',
    'b.contoso.com',
    '--key-size',
    '4096',
    '--print',
    '--shell',
    '7',
  ],
  ['new-selfsigned', '--services', 'IIS,SMTP', '--force', '--friendly-name', "O'Brien’s", '--backend', 'print'],
  ['enable', '--thumbprint', T, '--services', 'IIS', '--no-force', '--print', '--exchange', '2010'],
  ['enable', '--thumbprint', T, '--services', 'IIS', '--force=false', '--print'],
  [
    'export',
    '--thumbprint',
    T,
    '--binary-encoded',
    '--password-env',
    'PW',
    '--print',
    '--secrets',
    'inline',
    '--shell',
    '2.0',
  ],
  ['import', '--file-data', 'c:\\x.pfx', '--password-env', 'PW', '--print', '--bytes', 'dotnet', '--quoting', 'ascii'],
  ['import', '--file-data', 'c:\\x.pfx', '--password-file', join(work, 'pw.txt'), '--print', '--secrets', 'inline'],
  ['get', '--print'],
  ['get'],
  ['remove', '--thumbprint', T, '--no-confirm', '--print'],
  ['new-selfsigned', '--key-size', '3000', '--print'],
  ['export', '--thumbprint', T, '--file-name', 'C:\\a.pfx', '--print', '--exchange', '2019-CU14'],
  ['export', '--thumbprint', T, '--password-env', 'NOPE', '--print'],
  ['get', '--backend', 'mock', '--state', state, '--server', 'EX1'],
  ['get', '--backend', 'mock', '--state', state, '--server', 'EX2', '--json'],
  ['get', '--backend', 'mock', '--state', state, '--connect', 'EX2'],
  ['get', '--backend', 'nope', '--state', state],
  ['run', runbook, '--backend', 'mock', '--state', state],
  ['run', runbook, '--state', state, '--json'],
  ['run', join(work, 'list.ps1'), '--state', state, '--echo', '--shell', '7'],
  ['run', join(work, 'bad.ps1'), '--state', state],
  ['run', join(work, 'bad.ps1'), '--state', state, '--json', '--connect', 'EX2'],
  ['run', join(work, 'missing.ps1'), '--state', state],
  ['run', runbook, '--state', state, '--backend', 'print'],
  ['run', runbook, '--state', state, '--answer', 'Y', '--answer', 'N'],
  ['run', runbook, '--state', state, '--answer', 'maybe'],
  ['run', runbook, '--state', state, '--shell', '3'],
  ['run', runbook, '--state', state, '--connect', 'NOPE'],
  ['mock', 'list-servers', '--state', state],
];

// Shapes the fast path must leave to yargs.
const DEFERRED = [
  ['new-request', '--help'],
  ['--help'],
  ['--version'],
  ['get', '--bogus', '--print'],
  ['new-request', '--domain-name', 'a.b', 'c.d', '--print'],
  ['export', '--thumbprint', T, '--password', 'x', '--print'],
  ['enable', '--force', 'true', '--thumbprint', T, '--services', 'IIS', '--print'],
  ['run'],
  ['run', runbook, 'extra'],
  ['run', runbook, '--state'],
  ['run', runbook, '-s', state],
  ['run', runbook, '--state', state, '--state', state],
  ['run', runbook, '--answer', 'Y', 'N'],
  ['run', '--', runbook],
  ['run', '007'],
  ['ca'],
  ['ca', 'issue', 'x.req'],
  ['ca', 'frob'],
  ['mock', 'set-accepted-domains', 'a.com', 'b.com'],
  ['mock', 'set-require-ssl', 'EX1', 'maybe'],
  ['mock', 'advance-clock', '-3'],
];

describe('runFast runs the command as runCli does', () => {
  it.each(SAME.map((a) => [a.join(' '), a] as const))(
    'same output and exit code: %s',
    async (_name, argv) => {
      const r = await both(argv);
      expect(r.fast.code).not.toBeNull();
      expect(r.fast).toEqual(r.slow);
    },
    60_000,
  );

  it('same output and exit code over generated typed and run command lines', async () => {
    let taken = 0;
    const typed = leaves().filter((l) => ['get', 'enable', 'export', 'run'].includes(l.prefix[0]!));
    for (const [i, leaf] of typed.entries()) {
      for (const argv of generate(leaf.command, leaf.prefix, 60, 5000 + i)) {
        // Generated typed lines print (or fail) without touching the state; runbooks only read it.
        const line = leaf.prefix[0] === 'run' ? [...argv, '--state', state] : argv;
        const r = await both(line);
        if (r.fast.code === null) continue;
        taken++;
        expect({ line, ...r.fast }).toEqual({ line, ...r.slow });
      }
    }
    expect(taken).toBeGreaterThan(40);
  }, 300_000);

  it.each(DEFERRED.map((a) => [a.join(' '), a] as const))('defers to yargs: %s', (_name, argv) => {
    expect(runFast(cliCommands, argv, fakeIo() as CliIo)).toBeNull();
  });
});
