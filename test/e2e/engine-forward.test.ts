// CLI processes on a state that `exchcert engine serve` serves run their command lines in it: the seed lifecycle gives
// the same output, files and certificates as without the engine, with relative paths and the key pool topped up.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bin, cliEnv, root, seedCaIssueArgs, tempDir } from './support/mock-cli.js';
import { spawnSync } from 'node:child_process';

const dir = tempDir('exchcert-engine-fwd-');
const PART_ONE = join(root, 'fixtures', 'runbooks', 'seed-part-one.ps1');
const PART_TWO = join(root, 'fixtures', 'runbooks', 'seed-part-two.ps1');

/** `node bin/exchcert.js ...` in `cwd`, with `env` added. */
function cli(args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...cliEnv(), ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The seed lifecycle as three CLI processes in `cwd` on the state folder `state` (relative to cwd). */
function lifecycle(cwd: string, state: string, env: Record<string, string> = {}) {
  return [
    cli(['run', PART_ONE, '--backend', 'mock', '--state', state], cwd, env),
    cli(seedCaIssueArgs(state), cwd, env),
    cli(['run', PART_TWO, '--state', state, '--json'], cwd, env),
  ];
}

/** Waits (polling) until `file` exists. */
async function appears(file: string): Promise<void> {
  for (let i = 0; i < 600 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
  if (!existsSync(file)) throw new Error(`${file} did not appear`);
}

describe('exchcert engine serve runs the command lines of CLI processes on its state', () => {
  let engine: ChildProcess;
  const served = join(dir, 'work', 'served');
  const alone = join(dir, 'work', 'alone');
  const log = join(dir, 'engine.log');

  beforeAll(async () => {
    const template = join(dir, 'template');
    for (const [name, exchange] of [
      ['AMS-EXCH01', '2013'],
      ['RESEXCH01', '2010'],
    ] as const) {
      expect(cli(['mock', 'add-server', name, '--exchange', exchange, '--state', template], dir).code).toBe(0);
    }
    mkdirSync(join(template, 'fs', 'C', 'install'), { recursive: true });
    cpSync(template, served, { recursive: true });
    cpSync(template, alone, { recursive: true });
    engine = spawn(process.execPath, [bin, 'engine', 'serve', '--state', served, '--log', log], {
      cwd: root,
      env: cliEnv(),
      stdio: 'ignore',
    });
    await appears(join(served, 'engine.sock'));
  }, 120_000);

  afterAll(() => {
    engine.kill();
  });

  it('gives the same output and exit codes as processes that run alone (relative --state)', () => {
    const work = join(dir, 'work');
    const viaEngine = lifecycle(work, 'served');
    const here = lifecycle(work, 'alone', { EXCHCERT_NO_ENGINE: '1' });
    const shape = (r: { code: number | null; out: string; err: string }) => ({
      code: r.code,
      err: r.err,
      out: r.out
        .replace(/\b(served|alone)\b/g, 'STATE')
        .replace(/"(base64|SerialNumber)": "[^"]+"/g, '"$1": "RANDOM"')
        .replace(/"Handle": \d+/g, '"Handle": 0')
        .replace(/[0-9A-F]{40}/g, 'THUMBPRINT')
        .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME'),
    });
    expect(viaEngine.map(shape)).toEqual(here.map(shape));
    expect(viaEngine.map((r) => r.code)).toEqual([0, 0, 0]);
    // The engine ran them (its log names each command, never its arguments) and the files are in its state.
    const lines = readFileSync(log, 'utf8');
    expect(lines.match(/command line: (run|ca)/g)).toEqual([
      'command line: run',
      'command line: ca',
      'command line: run',
    ]);
    expect(lines).not.toContain('Pass1word');
    expect(existsSync(join(served, 'fs', 'C', 'Install', 'webmail_exchangefun_nl.pfx'))).toBe(
      existsSync(join(alone, 'fs', 'C', 'Install', 'webmail_exchangefun_nl.pfx')),
    );
  }, 120_000);

  it('reads standard input on the client side and keeps usage errors as they are', () => {
    const work = join(dir, 'work');
    writeFileSync(join(work, 'note.txt'), 'x');
    const piped = spawnSync(process.execPath, [bin, 'run', '-', '--state', 'served'], {
      cwd: work,
      encoding: 'utf8',
      input: "'from stdin'\n",
      env: cliEnv(),
    });
    expect({ code: piped.status, out: piped.stdout, err: piped.stderr }).toEqual({
      code: 0,
      out: 'from stdin\n',
      err: '',
    });
    const bad = cli(['get', '--state', 'served', '--no-such-option'], work);
    const badHere = cli(['get', '--state', 'served', '--no-such-option'], work, { EXCHCERT_NO_ENGINE: '1' });
    expect(bad).toEqual(badHere);
    expect(bad.code).toBe(2);
  }, 60_000);
});
