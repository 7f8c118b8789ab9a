import { mockBackend } from '../backend/mock/mock-backend.js';
import type { CompiledScript } from '../dialect/compiled-script.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './cli-io.js';
import { answersOf } from './commands/run.js';
import { printRunResult, runResultJson } from './print-result.js';
import type { OutputOptions } from './typed-run.js';

/** Runs a compiled command on the mock Exchange Management Shell and prints what it did. */
export async function runOnMock(compiled: CompiledScript, out: OutputOptions, io: CliIo, variables: Readonly<Record<string, unknown>> = {}): Promise<number> {
  const backend = mockBackend({ ...(out.state ? { state: out.state } : {}), ...(out.connect ? { connect: out.connect } : {}) });
  try {
    out.log?.info({ event: 'command', backend: 'mock', command: compiled.displayText }, 'executing');
    // File bytes read on this machine travel as variables beside the secrets, never in the text.
    const result = Object.keys(variables).length === 0
      ? await backend.run(compiled, { answers: answersOf(out.answers) })
      : { ...(await backend.runText(compiled.text, compiled.shell, { answers: answersOf(out.answers), variables: { ...variables, ...Object.fromEntries(compiled.secretVariables) } })), displayText: compiled.displayText };
    if (out.json) io.stdout.write(`${runResultJson(result)}\n`);
    else printRunResult(result, compiled.shell, io);
    return result.ok ? EXIT.ok : EXIT.failed;
  } finally {
    await backend.close();
  }
}
