// Kills a state-writing child with SIGKILL at random points, over and over, and checks the state after each kill.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** One child run in a lane. */
export interface CrashRun {
  readonly lane: number;
  readonly run: number;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the harness killed it (false: it exited on its own). */
  readonly killed: boolean;
  readonly exitCode: number | null;
}

/** What to run and how to judge the state. */
export interface CrashHarnessOptions {
  /** Folder for the lanes' state folders (`<baseDir>/lane-<n>`). */
  readonly baseDir: string;
  /** Kills to perform in total (runs that end by themselves do not count). */
  readonly kills: number;
  /** Children running at once, each on its own state folder. */
  readonly lanes: number;
  /** The kill comes a random [min, max] ms after the ready line (or after spawn when readyLine is null). */
  readonly delayMs: readonly [number, number];
  /** The line the child prints once it works; null to time from spawn. */
  readonly readyLine: string | null;
  /** The command for run `run` on `stateDir`, e.g. `[process.execPath, ['bin/exchcert.js', 'run', '--state', stateDir, 'runbook.ps1']]`. */
  readonly command: (stateDir: string, run: number) => readonly [string, readonly string[]];
  /** Throws when the lane's state is wrong after its latest run; `runs` holds all the lane's runs so far, oldest first. */
  readonly check: (stateDir: string, runs: readonly CrashRun[]) => void;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** A run still alive after this long (no ready line, hung) is killed and fails the harness; default 30 s. */
  readonly runTimeoutMs?: number;
}

/** Totals of a harness run. */
export interface CrashReport {
  readonly kills: number;
  readonly runs: number;
  readonly ms: number;
}

/**
 * Runs `lanes` kill loops in parallel until `kills` children were killed, checking each lane's state after every run.
 * @example await runCrashHarness({ baseDir, kills: 200, lanes: 4, delayMs: [5, 150], readyLine: 'READY', command, check })
 */
export async function runCrashHarness(options: CrashHarnessOptions): Promise<CrashReport> {
  const started = performance.now();
  let kills = 0;
  let runs = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (index: number): Promise<void> => {
    const stateDir = join(options.baseDir, `lane-${index}`);
    mkdirSync(stateDir, { recursive: true });
    const history: CrashRun[] = [];
    while (kills < options.kills && failure === undefined) {
      const result = await runOnce(options, index, history.length, stateDir);
      runs += 1;
      if (result.killed) kills += 1;
      else if (result.exitCode !== 0)
        throw new Error(`lane ${index} run ${result.run} exited with ${result.exitCode}: ${result.stderr}`);
      history.push(result);
      options.check(stateDir, history);
    }
  };
  // A failing lane stops the others after their current run, so no child outlives the harness.
  await Promise.all(
    Array.from({ length: options.lanes }, (_, index) =>
      lane(index).catch((error: unknown) => void (failure ??= { error })),
    ),
  );
  if (failure !== undefined) throw failure.error;
  return { kills, runs, ms: performance.now() - started };
}

function runOnce(options: CrashHarnessOptions, lane: number, run: number, stateDir: string): Promise<CrashRun> {
  const [command, args] = options.command(stateDir, run);
  const [min, max] = options.delayMs;
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let killed = false;
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.runTimeoutMs ?? 30_000);
  const armKill = (): void => {
    timer ??= setTimeout(
      () => {
        killed = child.kill('SIGKILL');
      },
      min + Math.random() * (max - min),
    );
  };
  if (options.readyLine === null) armKill();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (timer === undefined && options.readyLine !== null && stdout.includes(`${options.readyLine}\n`)) armKill();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      clearTimeout(deadline);
      if (timedOut)
        reject(
          new Error(
            `lane ${lane} run ${run} did not finish in time; stdout ends: ${stdout.slice(-200)} stderr: ${stderr}`,
          ),
        );
      else resolve({ lane, run, stdout, stderr, killed: killed && signal === 'SIGKILL', exitCode });
    });
  });
}
