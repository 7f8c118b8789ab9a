import type { CompiledScript } from '../../dialect/compiled-script.js';
import type { Backend, RunOptions, RunResult } from '../backend.js';

/**
 * The dry run: returns the script text and runs nothing (kysely's DummyDriver, for command lines).
 * @example (await printBackend().run(compile(getExchangeCertificate()))).text
 */
export function printBackend(): Backend {
  return {
    name: 'print',
    async run(script: CompiledScript, options: RunOptions = {}): Promise<RunResult> {
      const display = script.displayText.split('\n');
      return Object.freeze({
        backend: 'print',
        target: options.target ?? null,
        ok: true,
        text: script.text,
        displayText: script.displayText,
        statements: Object.freeze(display.map((text, i) => Object.freeze({ line: i + 1, text, output: [], errors: [], warnings: [] }))),
        output: Object.freeze([]),
        errors: Object.freeze([]),
        durationMs: 0,
      });
    },
    async close() {},
  };
}
