import type { CommandModule } from 'yargs';
import { ValidationError } from '../../errors/validation-error.js';
import type { StatementResult } from '../../backend/backend.js';
import { mockBackend } from '../../backend/mock/mock-backend.js';
import { parseAnswer } from '../../backend/mock/scripted-answers.js';
import type { Answer } from '../../backend/mock/scripted-answers.js';
import { parseShellVersion } from '../../spec/shell-version.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { withMockOptions } from '../mock-options.js';
import { printEcho, printLooseErrors, printStatementResult, runResultJson } from '../print-result.js';
import { isStdin, readRunbook } from '../read-input.js';
import { parseCodePage } from '../runbook-encoding.js';
import { maskForScript, safeIo } from '../safe-io.js';
import { onSecretSeen } from '../../backend/mock/interpreter/seen-secrets.js';

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
      .option('backend', { type: 'string', describe: 'mock (the only runnable backend in this build)', default: 'mock' })
      .option('shell', { type: 'string', describe: 'run as PowerShell 2.0, 5.1 (default) or 7' })
      .option('json', { type: 'boolean', describe: 'print one JSON document with every output object and error record' })
      .option('echo', { type: 'boolean', describe: 'show each statement before its result' })
      .option('codepage', { type: 'string', describe: 'ANSI code page Windows PowerShell 2.0/5.1 read a BOM-less file in (default 1252)' })
      .option('answer', { type: 'string', array: true, describe: 'answers to prompts in order (Y, A, N, L); unanswered prompts fail as in a non-interactive host' })),
    handler: async (args) => {
      const a = args as Record<string, unknown>;
      if (a.backend !== 'mock') {
        throw new ValidationError({ code: 'UNKNOWN_BACKEND', parameter: 'backend', value: String(a.backend), allowed: 'mock', message: `--backend '${String(a.backend)}' cannot run scripts in this build. Allowed: mock.` });
      }
      const file = String(a.file ?? '');
      const text = await readRunbook(isStdin(file) ? '-' : file, io, parseShellVersion(a.shell as string | undefined), parseCodePage(a.codepage));
      // Passwords the runbook writes, or turns into SecureStrings as it runs, are masked in all output.
      const mask = await maskForScript(text);
      const stopMasking = onSecretSeen((p) => mask.add(p));
      const out = safeIo(io, mask, a.json ? 'json' : 'stderr');
      const shell = parseShellVersion(a.shell as string | undefined);
      const answers = answersOf(a.answer);
      // Text mode prints each statement as it finishes (and Write-Host text as it is written), as a console does.
      const echo = a.echo === true;
      const host = a.json ? undefined : {
        write: (t: string) => out.stdout.write(t),
        statementStarting: (t: string) => (echo ? printEcho(t, out) : undefined),
        statementDone: (s: StatementResult) => printStatementResult(s, shell, out),
      };
      const backend = mockBackend({ ...(a.state ? { state: String(a.state) } : {}), ...(a.connect ? { connect: String(a.connect) } : {}), ...(host ? { host } : {}) });
      try {
        const result = await backend.runText(text, shell, { answers });
        if (a.json) out.stdout.write(`${runResultJson(result)}\n`);
        else printLooseErrors(result, out);
        done(result.ok ? EXIT.ok : EXIT.failed);
      } finally {
        stopMasking();
        await backend.close();
      }
    },
  };
}
