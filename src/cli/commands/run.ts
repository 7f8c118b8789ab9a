import type { CommandModule } from 'yargs';
import { ValidationError } from '../../errors/validation-error.js';
import type { StatementResult } from '../../backend/backend.js';
import { mockBackend } from '../../backend/mock/mock-backend.js';
import { parseAnswer } from '../../backend/mock/scripted-answers.js';
import type { Answer } from '../../backend/mock/scripted-answers.js';
import { parseShellVersion } from '../../spec/shell-version.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { cliContext } from '../cli-context.js';
import { withMockOptions } from '../mock-options.js';
import { printEcho, printLooseErrors, printStatementResult, runResultJson } from '../print-result.js';
import { isStdin, readInput } from '../read-input.js';

/** Reads `--answer Y --answer N` into answers, refusing anything else. */
export function answersOf(values: unknown): Answer[] {
  const list = values === undefined ? [] : (Array.isArray(values) ? values : [values]).map(String);
  return list.map((v) => {
    const a = parseAnswer(v);
    if (a === null) throw new ValidationError({ code: 'INVALID_ANSWER', parameter: 'answer', value: v, allowed: 'Y, A, N, L', message: `--answer '${v}' is not a prompt answer. Allowed: Y (yes), A (yes to all), N (no), L (no to all).` });
    return a;
  });
}

/** `exchcert run FILE|- --backend mock`: runs a runbook in the simulated Exchange Management Shell. */
export function runCommand(io: CliIo, done: (code: number) => void): CommandModule {
  return {
    command: 'run <file>',
    describe: 'run a runbook against the mock Exchange Management Shell',
    builder: (y) => withMockOptions(y
      .positional('file', { type: 'string', describe: 'runbook file, or - for standard input', demandOption: true })
      .option('backend', { type: 'string', describe: 'mock (the only runnable backend in this build; default, else EXCHCERT_BACKEND, then the config file)' })
      .option('shell', { type: 'string', describe: 'run as PowerShell 2.0, 5.1 (default) or 7' })
      .option('json', { type: 'boolean', describe: 'print one JSON document with every output object and error record' })
      .option('echo', { type: 'boolean', describe: 'show each statement before its result' })
      .option('answer', { type: 'string', array: true, describe: 'answers to prompts in order (Y, A, N, L); unanswered prompts fail as in a non-interactive host' })),
    handler: async (args) => {
      const a = args as Record<string, unknown>;
      const { config, log } = await cliContext(a, io);
      const backendName = config.backend.value;
      if (backendName !== 'mock') {
        throw new ValidationError({ code: 'UNKNOWN_BACKEND', parameter: 'backend', value: backendName, allowed: 'mock', message: `--backend '${backendName}' cannot run scripts in this build. Allowed: mock.` });
      }
      const file = String(a.file ?? '');
      const text = await readInput(isStdin(file) ? '-' : file, io);
      const shell = parseShellVersion(a.shell as string | undefined);
      const answers = answersOf(a.answer);
      // Text mode prints each statement as it finishes (and Write-Host text as it is written), as a console does.
      const echo = a.echo === true;
      const host = a.json ? undefined : {
        write: (t: string) => io.stdout.write(t),
        statementStarting: (t: string) => (echo ? printEcho(t, io) : undefined),
        statementDone: (s: StatementResult) => printStatementResult(s, shell, io),
      };
      const backend = mockBackend({ state: config.state.value, ...(config.connect ? { connect: config.connect.value } : {}), ...(host ? { host } : {}) });
      try {
        const result = await backend.runText(text, shell, { answers });
        for (const s of result.statements) log.info({ event: 'command', backend: 'mock', line: s.line, command: s.text, ok: s.errors.length === 0 }, 'executed');
        if (a.json) io.stdout.write(`${runResultJson(result)}\n`);
        else printLooseErrors(result, io);
        done(result.ok ? EXIT.ok : EXIT.failed);
      } finally {
        await backend.close();
      }
    },
  };
}
