// `--servers A,B,C|@FILE` on a typed subcommand: the call once per server (pinned with -Server) on a throttled pool.
import { SingleBar } from 'cli-progress';
import type { BackendOptions } from '../backend/backend-options.js';
import { fanOut, parseServers } from '../backend/fan-out.js';
import type { ServerRunOutcome } from '../backend/fan-out.js';
import { backendEntry, createBackend } from '../backend/registry.js';
import { CmdletBuilder } from '../cmdlet/cmdlet-builder.js';
import { compile } from '../dialect/render.js';
import type { RenderOptions } from '../dialect/render-options.js';
import { ValidationError } from '../errors/validation-error.js';
import type { CmdletSpec } from '../spec/cmdlet-spec.js';
import type { ShellVersion } from '../spec/shell-version.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './cli-io.js';
import { answersOf } from './answers-of.js';
import { printRunResult, runResultJson } from './print-result.js';

/** Options of a many-server run. */
export interface ManyOptions {
  readonly backend: string;
  readonly servers: string;
  readonly throttle?: number | undefined;
  readonly json?: boolean | undefined;
  readonly answers?: readonly string[] | undefined;
}

/**
 * Runs one typed call per server; prints per-server results; exit 1 when any server failed. `variables` (the bytes
 * of `--file-data` read on this machine) are set in every server's session, as on the single-server path.
 */
export async function runMany(
  spec: CmdletSpec,
  builderOptions: Record<string, unknown>,
  render: RenderOptions,
  backendOptions: BackendOptions,
  out: ManyOptions,
  io: CliIo,
  variables: Readonly<Record<string, Uint8Array | string>> = {},
): Promise<number> {
  const servers = parseServers(out.servers);
  const throttle = out.throttle ?? 4;
  if (!Number.isInteger(throttle) || throttle < 1 || throttle > 64) {
    throw new ValidationError({
      code: 'INVALID_OPTION',
      parameter: 'throttle',
      value: String(out.throttle),
      allowed: '1 to 64',
      message: `--throttle '${String(out.throttle)}' is not a number of sessions from 1 to 64.`,
    });
  }
  // Every cmdlet pinned with -Server (the builder validates the name like any other value).
  const builders = new Map(servers.map((s) => [s, new CmdletBuilder(spec, { ...builderOptions, server: s } as never)]));
  const perEndpoint = out.backend === 'remote' && !backendOptions.remoteServer && !backendOptions.connectionUri;
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true && !out.json;
  const bar = tty
    ? new SingleBar({
        stream: io.stderr as never,
        format: 'servers [{bar}] {value}/{total} {server}',
        hideCursor: true,
      })
    : null;
  bar?.start(servers.length, 0, { server: '' });
  const shells = new Map<string, ShellVersion>();
  let outcomes: ServerRunOutcome[];
  try {
    outcomes = await fanOut(servers, {
      throttle,
      sessionPerServer: perEndpoint,
      shared: backendEntry(out.backend).shareable === true,
      open: (server) =>
        createBackend(out.backend, perEndpoint ? { ...backendOptions, remoteServer: server } : backendOptions),
      call: async (backend, server) => {
        const info = await backend.info();
        const compiled = compile(builders.get(server)!, {
          shell: info.shell,
          ...(info.exchange ? { exchange: info.exchange } : {}),
          ...render,
        });
        shells.set(server, compiled.shell);
        return backend.run(compiled, { answers: answersOf(out.answers), variables });
      },
      onDone: (o) => bar?.increment(1, { server: `${o.server} ${o.ok ? 'ok' : 'failed'}` }),
    });
  } finally {
    bar?.stop();
  }
  if (out.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          ok: outcomes.every((o) => o.ok),
          servers: outcomes.map((o) => ({
            server: o.server,
            ok: o.ok,
            error: o.error,
            result: o.result ? (JSON.parse(runResultJson(o.result)) as unknown) : null,
          })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    for (const o of outcomes) {
      io.stdout.write(`== ${o.server}: ${o.ok ? 'ok' : 'failed'} ==\n`);
      if (o.error) io.stderr.write(`exchcert: ${o.server}: ${o.error}\n`);
      if (o.result) printRunResult(o.result, shells.get(o.server) ?? '5.1', io);
    }
  }
  return outcomes.every((o) => o.ok) ? EXIT.ok : EXIT.failed;
}
