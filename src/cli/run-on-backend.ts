import type { Backend, RunResult } from '../backend/backend.js';
import type { BackendOptions } from '../backend/backend-options.js';
import { createBackend } from '../backend/registry.js';
import { compile } from '../dialect/render.js';
import type { RenderOptions } from '../dialect/render-options.js';
import type { Renderable } from '../dialect/render.js';
import type { ShellVersion } from '../spec/shell-version.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './cli-io.js';
import { answersOf } from './answers-of.js';
import { printRunResult, runResultJson } from './print-result.js';
import type { OutputOptions } from './output-options.js';

/** Prints what the session itself reports (a restarted session) on stderr. */
export function printNotices(result: RunResult, io: CliIo): void {
  for (const n of result.notices ?? []) io.stderr.write(`exchcert: ${n}\n`);
}

/** Opens a backend from the registry, runs fn, and closes it whatever happens. */
export async function withBackend<T>(
  name: string,
  options: BackendOptions,
  fn: (backend: Backend) => Promise<T>,
): Promise<T> {
  const backend = await createBackend(name, options);
  try {
    return await fn(backend);
  } finally {
    await backend.close();
  }
}

/**
 * Compiles a typed call for the session's shell and Exchange build (unless --shell/--exchange say otherwise), runs it
 * on the named backend and prints what it did.
 */
export async function runOnBackend(
  name: string,
  x: Renderable,
  render: RenderOptions,
  options: BackendOptions,
  out: { json?: boolean | undefined; answers?: readonly string[] | undefined; log?: OutputOptions['log'] },
  io: CliIo,
  variables: Readonly<Record<string, Uint8Array | string>> = {},
): Promise<number> {
  return withBackend(name, options, async (backend) => {
    const info = await backend.info();
    const compiled = compile(x, {
      shell: info.shell,
      ...(info.exchange ? { exchange: info.exchange } : {}),
      ...render,
    });
    out.log?.info({ event: 'command', backend: name, command: compiled.displayText }, 'executing');
    // File bytes read on this machine travel as variables beside the secrets, never in the text.
    const result = await backend.run(compiled, { answers: answersOf(out.answers), variables });
    printNotices(result, io);
    if (out.json) io.stdout.write(`${runResultJson(result)}\n`);
    else {
      if (result.hostText) io.stdout.write(result.hostText);
      printRunResult(result, compiled.shell as ShellVersion, io);
    }
    return result.ok ? EXIT.ok : EXIT.failed;
  });
}
