import type { CompiledScript } from '../../dialect/compiled-script.js';
import { isCompiledScript } from '../backend.js';
import type { Backend, RunOptions, RunResult, SessionInfo } from '../backend.js';

/**
 * The dry run: returns the script text and runs nothing (kysely's DummyDriver, for command lines).
 * @example (await printBackend().run(compile(getExchangeCertificate()))).text
 */
export function printBackend(): Backend {
  return {
    name: 'print',
    async run(given: CompiledScript | string, options: RunOptions = {}): Promise<RunResult> {
      const script = isCompiledScript(given) ? given : { text: given, displayText: given };
      const display = script.displayText.split('\n');
      return Object.freeze({
        backend: 'print',
        target: options.target ?? null,
        ok: true,
        text: script.text,
        displayText: script.displayText,
        statements: Object.freeze(
          display.map((text, i) => Object.freeze({ line: i + 1, text, output: [], errors: [], warnings: [] })),
        ),
        output: Object.freeze([]),
        errors: Object.freeze([]),
        durationMs: 0,
      });
    },
    async info(): Promise<SessionInfo> {
      return { shell: '5.1', shellVersion: '5.1', exchange: undefined, exchangeVersion: null };
    },
    async close() {},
  };
}
