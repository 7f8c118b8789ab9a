// `exchcert engine serve --state DIR`: the simulated Exchange's engine in the foreground, for the ExchcertSim module.
import { appendFileSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { resolveConfig } from '../../config/resolve-config.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { commandModule } from '../command-module.js';
import type { ConnectionHandover } from '../../backend/sim/engine-server.js';
import type { Frame } from '../forward/line-frames.js';
import type { RunCommandLine } from '../forward/serve-cli-request.js';

/** Where the engine's lines go: stderr, or appended to --log FILE (the module starts the engine with one). */
function logTo(file: string | undefined, io: CliIo): (line: string) => void {
  if (file === undefined) return (line) => io.stderr.write(`exchcert engine: ${line}\n`);
  return (line) => appendFileSync(file, `${new Date().toISOString()} ${line}\n`, { mode: 0o600 });
}

/** The key pool is topped up once no forwarded command line has run for this long (a burst of them never waits). */
export const REFILL_WHEN_IDLE_MS = 500;

/**
 * The engine's side of forwarded command lines (src/cli/forward/): a CLI process on the same state sends its command
 * line, which runs here with `runLine`, in the client's working folder; the key pool is topped up after each.
 */
async function commandLineHandover(
  io: CliIo,
  runLine: RunCommandLine,
  log: (line: string) => void,
): Promise<ConnectionHandover> {
  const { cliForwarding } = await import('../forward/cli-connection.js');
  const { isCliRequest } = await import('../forward/serve-cli-request.js');
  const { setKeyPoolRefillAfterUse } = await import('../../backend/mock/key-pool-refill.js');
  // States the forwarded commands open do not wait for new keys before they close; the engine refills after each.
  setKeyPoolRefillAfterUse(false);
  const forwarding = cliForwarding({ run: runLine, ...(io.chdir ? { chdir: (dir: string) => io.chdir!(dir) } : {}) });
  let refill: NodeJS.Timeout | undefined;
  return {
    take(socket, first, engine) {
      const frame = first as Frame;
      if (typeof first !== 'object' || first === null || !isCliRequest(frame)) return false;
      // The command's name only: its arguments may name secrets' sources.
      const started = performance.now();
      clearTimeout(refill);
      forwarding.serve(socket, frame, () => {
        log(`command line: ${frame.argv[0] ?? '(none)'} ${(performance.now() - started).toFixed(1)} ms`);
        clearTimeout(refill);
        refill = setTimeout(() => engine.refillKeys(), REFILL_WHEN_IDLE_MS);
        refill.unref();
      });
      return true;
    },
  };
}

/** `exchcert engine serve`; `runLine` runs a forwarded command line in this process (the CLI's own runCli). */
export function engineCommand(io: CliIo, done: (code: number) => void, runLine: RunCommandLine): CommandModule {
  return {
    command: 'engine <command>',
    describe: 'the simulated Exchange engine the ExchcertSim PowerShell module talks to',
    builder: (y) =>
      y
        .command(
          commandModule<{
            state: string | undefined;
            'idle-timeout': number | undefined;
            log: string | undefined;
            'warm-up': boolean;
          }>({
            command: 'serve',
            describe: 'serve the state folder on its socket (<state>/engine.sock, mode 0600) until stopped',
            builder: (b) =>
              b
                .option('state', {
                  type: 'string',
                  describe: 'state folder (default: EXCHCERT_STATE, config, ./.exchcert)',
                })
                .option('log', { type: 'string', describe: 'append the log lines to FILE instead of stderr' })
                .option('idle-timeout', {
                  type: 'number',
                  describe: 'stop after this many seconds without a call (default: never)',
                })
                .option('warm-up', {
                  type: 'boolean',
                  default: true,
                  describe:
                    'before listening, run the main job once on a throwaway copy of the state (--no-warm-up: skip)',
                }),
            handler: async (a) => {
              const { serveEngine, EngineRunningError } = await import('../../backend/sim/engine-server.js');
              const state = resolveConfig({ state: a.state, env: io.env, cwd: io.cwd }).state.value;
              const idle = a['idle-timeout'];
              if (idle !== undefined && !(idle > 0))
                throw new (await import('../../errors/validation-error.js')).ValidationError({
                  code: 'INVALID_OPTION',
                  parameter: 'idle-timeout',
                  value: String(idle),
                  allowed: 'a number of seconds above 0',
                  message: `--idle-timeout ${String(idle)} is not a number of seconds above 0.`,
                });
              try {
                const handover = await commandLineHandover(io, runLine, logTo(a.log, io));
                const { warmUp } = await import('../forward/warm-up.js');
                const engine = await serveEngine({
                  handover,
                  ...(a['warm-up'] ? { warmUp: () => warmUp(state, runLine, io) } : {}),
                  stateDir: state,
                  platform: io.platform ?? 'linux',
                  log: logTo(a.log, io),
                  ...(io.pid !== undefined ? { pid: io.pid } : {}),
                  ...(idle !== undefined ? { idleTimeoutMs: idle * 1000 } : {}),
                });
                await engine.stopped;
                done(EXIT.ok);
              } catch (error) {
                if (!(error instanceof EngineRunningError)) throw error;
                io.stderr.write(`exchcert engine: ${error.message}\n`);
                done(EXIT.failed);
              }
            },
          }),
        )
        .demandCommand(1, 'Name an engine command: serve.'),
    handler: () => undefined,
  };
}
