// A PacketChannel over a child process's stdio: `pwsh -NoLogo -NoProfile -s` (or powershell.exe -s for 5.1).
import { createInterface } from 'node:readline';
import { execa } from 'execa';
import { lineChannel } from './packet-channel.js';
import type { PacketChannel } from './packet-channel.js';

/** The child's pid and the channel. */
export interface ProcessChannel extends PacketChannel {
  readonly pid: number | undefined;
}

/** Options of the child process. */
export interface ProcessChannelOptions {
  /** stderr lines. */
  readonly log?: (line: string) => void;
  /** The child's working directory (default: this process's). */
  readonly cwd?: string;
}

/**
 * Starts `exe args` and speaks packets on its stdin/stdout; stderr lines go to `options.log`.
 * @example const ch = startProcessChannel('pwsh', ['-NoLogo', '-NoProfile', '-s']); const pool = new RunspacePool(ch);
 */
export function startProcessChannel(
  exe: string,
  args: readonly string[],
  options: ProcessChannelOptions = {},
): ProcessChannel {
  const { log, cwd } = options;
  const child = execa(exe, args, {
    stdin: 'pipe',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    ...(cwd !== undefined ? { cwd } : {}),
    env: { NO_COLOR: '1', TERM: 'dumb', POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off' },
  });
  const { channel, end } = lineChannel(
    child.stdout,
    (line) => child.stdin.write(line),
    async () => {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await child.catch(() => undefined);
      clearTimeout(timer);
    },
  );
  createInterface({ input: child.stderr }).on('line', (line) => log?.(`pwsh stderr: ${line}`));
  child.stdin.on('error', () => undefined);
  void child.then((r) => {
    const enoent = (r as { code?: string }).code === 'ENOENT';
    end(
      enoent
        ? `could not be started (${exe})`
        : r.signal
          ? `killed by ${r.signal}`
          : `exited with code ${String(r.exitCode)}`,
    );
  });
  return { pid: child.pid, ...channel };
}
