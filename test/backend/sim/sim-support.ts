// Helpers for the ExchcertSim tests: run pwsh scripts with the module, find and stop the engines the module started.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openMockState } from '../../../src/backend/mock/mock-state.js';
import { connectEngine } from '../../../src/backend/sim/engine-client.js';
import { cliEnv, exchcert } from '../../e2e/support/mock-cli.js';
import { pwshPath } from '../../support/pwsh.js';

/** The module folder as `exchcert sim module-path` prints it. */
export function modulePath(): string {
  const r = exchcert(['sim', 'module-path']);
  if (r.code !== 0) throw new Error(r.err);
  return r.out.trim();
}

/** What one pwsh run gave back. */
export interface PwshRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Runs a script in a fresh `pwsh -NonInteractive` (the module imported first) in `cwd`, with extra environment. */
export function runPwsh(script: string, cwd: string, env: Record<string, string> = {}): Promise<PwshRun> {
  const text = `$ErrorActionPreference = 'Continue'\n$PSStyle.OutputRendering = 'PlainText'\nImport-Module -Name '${modulePath()}'\n${script}`;
  const file = join(mkdtempSync(join(tmpdir(), 'sim-script-')), 'script.ps1');
  writeFileSync(file, text);
  return new Promise((resolve) => {
    const child = spawn(pwshPath()!, ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', file], {
      cwd,
      env: { ...cliEnv(), ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      rmSync(dirname(file), { recursive: true, force: true });
      resolve({ code, out, err });
    });
  });
}

/** The pid of the engine serving `state` (null when none answers). */
export async function enginePid(state: string): Promise<number | null> {
  const socket = join(state, 'engine.sock');
  if (!existsSync(socket)) return null;
  try {
    const client = await connectEngine(socket);
    const hello = await client.call({ op: 'hello' });
    client.close();
    return hello.kind === 'done' ? (hello.pid ?? null) : null;
  } catch {
    return null;
  }
}

/** Stops the engine serving `state`, if one runs (tests clean up the engines the module started). */
export async function stopEngine(state: string): Promise<number | null> {
  const pid = await enginePid(state);
  if (pid !== null) process.kill(pid, 'SIGKILL');
  return pid;
}

/** A state folder with the reference organization created (copied by tests that compare two backends). */
export async function seededState(path: string): Promise<string> {
  const state = openMockState(path);
  await state.exchange.defaultServer();
  await state.settled();
  state.close();
  return path;
}
