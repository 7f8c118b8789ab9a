// The default backend: runs scripts in the in-process simulated Exchange Management Shell.
import type { CompiledScript } from '../../dialect/compiled-script.js';
import { basename } from 'node:path';
import type { ShellVersion } from '../../spec/shell-version.js';
import { ValidationError } from '../../errors/validation-error.js';
import { isCompiledScript } from '../backend.js';
import type { Backend, ErrorRecord, RunOptions, RunResult, SessionInfo } from '../backend.js';
import type { AnswerProvider } from '../../engine/mock-exchange.js';
import { advanceClock } from '../../engine/org-admin.js';
import { serverTarget } from '../../engine/org-state.js';
import { interpret } from '../../interpreter/interpret.js';
import type { InterpreterHost } from '../../interpreter/interpreter-env.js';
import { openMockState } from './mock-state.js';
import type { MockState } from './mock-state.js';
import { scriptedAnswers } from './scripted-answers.js';

/** The session's current location (the interpreter's default). */
const DEFAULT_LOCATION = 'C:\\Users\\Administrator';

/** Options of the mock backend. */
export interface MockBackendOptions {
  /** State folder (default `./.exchcert`), or an already open state. */
  readonly state?: string | MockState;
  /** Server the shell is connected to (default: the state's first server; an empty state gets the reference organization). */
  readonly connect?: string;
  /** Answers prompts when RunOptions.answers is not given. */
  readonly answers?: AnswerProvider;
  /** Answers Read-Host; null: nobody can (non-interactive). */
  readonly readHost?: (prompt: string, secure: boolean) => string | null;
  readonly host?: InterpreterHost;
}

/** The mock backend plus its state (for `exchcert mock`/`ca` commands and tests). */
export interface MockBackend extends Backend {
  readonly state: MockState;
  /** Runs script text as the given dialect (what `exchcert run FILE` does). */
  runText(
    text: string,
    shell: ShellVersion,
    options?: Omit<RunOptions, 'variables'> & { readonly variables?: Readonly<Record<string, unknown>> },
  ): Promise<RunResult>;
}

/**
 * Opens the mock backend on a state folder.
 * @example const mock = mockBackend({ state: '.exchcert' }); const r = await mock.run(compile(getExchangeCertificate())); mock.close();
 */
export function mockBackend(options: MockBackendOptions = {}): MockBackend {
  const state = typeof options.state === 'object' ? options.state : openMockState(options.state);
  const owned = typeof options.state !== 'object';
  let connected: string | undefined = options.connect;
  let connecting: Promise<string> | undefined;
  // Concurrent first calls share one defaultServer() (it creates the reference organization in an empty state).
  const connectedServer = (): Promise<string> =>
    connected !== undefined
      ? Promise.resolve(connected)
      : (connecting ??= state.exchange.defaultServer().then((s) => (connected ??= s)));

  async function runText(
    text: string,
    shell: ShellVersion,
    run: Omit<RunOptions, 'variables'> & { readonly variables?: Readonly<Record<string, unknown>> } = {},
  ): Promise<RunResult> {
    const started = performance.now();
    const current = await connectedServer();
    const answers = run.answers ? scriptedAnswers(run.answers) : (options.answers ?? scriptedAnswers());
    // The session's cmdlets are those of the connected server's Exchange version (as EMS proxy functions are).
    const server = run.target ?? current;
    const record = state.store.read((tx) => tx.getServer(server));
    if (!record)
      throw new ValidationError({
        code: 'UNKNOWN_SERVER',
        parameter: 'connect',
        value: server,
        allowed: state.store.read((tx) =>
          tx
            .listServers()
            .map((s) => s.name)
            .join(', '),
        ),
        message: `The mock organization has no server '${server}' to connect to. Servers: ${state.store.read((tx) =>
          tx
            .listServers()
            .map((s) => s.name)
            .join(', '),
        )}.`,
      });
    const exchangeTarget = serverTarget(record);
    const result = await interpret(text, {
      exchange: state.exchange,
      fs: state.fs,
      shell,
      connectedServer: record.name,
      answers,
      exchangeTarget,
      // A file runs as `.\<file>` typed in the session's current location: script scope, $PSScriptRoot; other text
      // runs at the prompt's (global) scope.
      ...(run.scriptPath !== undefined
        ? { scope: 'script' as const, scriptPath: `${DEFAULT_LOCATION}\\${basename(run.scriptPath)}` }
        : { scope: 'global' as const }),
      ...(run.variables ? { variables: run.variables } : {}),
      ...(options.readHost ? { readHost: options.readHost } : {}),
      sleep: (ms: number) => advanceClock(state.store, ms),
      ...(run.signal ? { cancelled: () => run.signal!.aborted } : {}),
      ...((run.host ?? options.host) ? { host: run.host ?? options.host } : {}),
    });
    const errors: readonly ErrorRecord[] = result.errors;
    return Object.freeze({
      backend: 'mock',
      target: run.target ?? current,
      ok: errors.length === 0 && result.terminated === null,
      text,
      displayText: text,
      statements: result.statements,
      output: result.output,
      errors,
      durationMs: performance.now() - started,
    });
  }

  return {
    name: 'mock',
    state,
    runText,
    async run(script: CompiledScript | string, run: RunOptions = {}): Promise<RunResult> {
      // Secrets travel as variables, never in the text (variable mode).
      const secrets = new Map([...(run.secrets ?? []), ...(isCompiledScript(script) ? script.secretVariables : [])]);
      const variables: Record<string, unknown> = { ...run.variables, ...Object.fromEntries(secrets) };
      if (!isCompiledScript(script)) return runText(script, run.shell ?? '5.1', { ...run, variables });
      const r = await runText(script.text, script.shell, { ...run, variables });
      return Object.freeze({ ...r, displayText: script.displayText });
    },
    async info(): Promise<SessionInfo> {
      const current = await connectedServer();
      const record = state.store.read((tx) => tx.getServer(current));
      const exchange = record ? serverTarget(record) : undefined;
      return {
        shell: '5.1',
        shellVersion: '5.1',
        exchange,
        exchangeVersion: exchange ? `Exchange ${exchange.label}` : null,
      };
    },
    async close() {
      if (!owned) return;
      await state.settled(); // a key pool refill started by this run is stored before the state closes
      state.close();
    },
  };
}
