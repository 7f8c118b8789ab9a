import { mockBackend } from '../backend/mock/mock-backend.js';
import type { CompiledScript } from '../dialect/compiled-script.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './cli-io.js';
import { answersOf } from './commands/run.js';
import { printRunResult, runResultJson } from './print-result.js';
import type { OutputOptions } from './output-options.js';

/** Runs a compiled command on the mock Exchange Management Shell and prints what it did. */
export async function runOnMock(compiled: CompiledScript, out: OutputOptions, io: CliIo): Promise<number> {
  const backend = mockBackend({ ...(out.state ? { state: out.state } : {}), ...(out.connect ? { connect: out.connect } : {}) });
  try {
    const result = await backend.run(compiled, { answers: answersOf(out.answers) });
    if (out.json) io.stdout.write(`${runResultJson(result)}\n`);
    else printRunResult(result, compiled.shell, io);
    return result.ok ? EXIT.ok : EXIT.failed;
  } finally {
    await backend.close();
  }
}
