import type { CommandModule } from 'yargs';
import { ValidationError } from '../../errors/validation-error.js';
import type { SessionInfo, StatementResult } from '../../backend/backend.js';
import { resolve } from 'node:path';
import { parseShellVersion } from '../../spec/shell-version.js';
import { commandModule } from '../command-module.js';
import { EXIT } from '../cli-io.js';
import { answersOf } from '../answers-of.js';
import type { CliIo } from '../cli-io.js';
import { cliContext } from '../cli-context.js';
import { withMockOptions } from '../mock-options.js';
import type { MockArgs } from '../mock-options.js';
import { backendOptionsOf, withBackendFlags } from '../backend-flags.js';
import type { BackendFlagArgs } from '../backend-flags.js';
import { printEcho, printLooseErrors, printStatementResult, runResultJson } from '../print-result.js';
import { isStdin, readRunbook } from '../read-input.js';
import { parseCodePage } from '../runbook-encoding.js';
import { maskForScript, safeIo } from '../safe-io.js';
import { onSecretSeen } from '../../interpreter/seen-secrets.js';

/** The arguments of `exchcert run`. */
type RunArgs = BackendFlagArgs &
  MockArgs & {
    file: string;
    backend?: string | undefined;
    shell?: string | undefined;
    json?: boolean | undefined;
    echo?: boolean | undefined;
    codepage?: string | undefined;
    answer?: string[] | undefined;
  };

/** `exchcert run FILE|- --backend NAME`: runs a runbook on a backend (default: the simulated Exchange Management Shell). */
export function runCommand(io: CliIo, done: (code: number) => void): CommandModule {
  return commandModule<RunArgs>({
    command: 'run <file>',
    describe: 'run a runbook on the mock Exchange Management Shell or a real PowerShell session',
    builder: (y) =>
      withBackendFlags(
        withMockOptions(
          y
            .positional('file', {
              type: 'string',
              describe: 'runbook file, or - for standard input',
              demandOption: true,
            })
            .option('backend', {
              type: 'string',
              describe: 'mock (default), local, remote or ssh; else EXCHCERT_BACKEND, then the config file',
            })
            .option('shell', {
              type: 'string',
              describe: "the runbook's dialect: 2.0, 5.1 or 7 (mock default 5.1; real sessions: their own)",
            })
            .option('json', {
              type: 'boolean',
              describe: 'print one JSON document with every output object and error record',
            })
            .option('echo', { type: 'boolean', describe: 'show each statement before its result' })
            .option('codepage', {
              type: 'string',
              describe: 'ANSI code page Windows PowerShell 2.0/5.1 read a BOM-less file in (default 1252)',
            })
            .option('answer', {
              type: 'string',
              array: true,
              describe:
                'answers to prompts in order (Y, A, N, L); unanswered prompts fail as in a non-interactive host',
            }),
        ),
      ),
    handler: async (a) => {
      const { config, log } = await cliContext(a, io);
      const name = config.backend.value;
      if (a.servers !== undefined) {
        throw new ValidationError({
          code: 'INVALID_OPTION',
          parameter: 'servers',
          value: a.servers,
          allowed: 'typed subcommands (get, enable, ...)',
          message:
            '--servers runs typed subcommands once per server (each pinned with -Server); a runbook names its servers itself, so run it with --connect or -Server.',
        });
      }
      const { backendEntry } = await import('../../backend/registry.js');
      backendEntry(name); // an unknown backend fails before anything is read
      const file = a.file;
      const given = a.shell;
      const answers = answersOf(a.answer);
      const { withBackend, printNotices } = await import('../run-on-backend.js');
      const options = {
        ...backendOptionsOf(a),
        state: config.state.value,
        ...(config.connect ? { connect: config.connect.value } : {}),
      };
      await withBackend(name, options, async (backend) => {
        const info = name === 'mock' || name === 'print' ? undefined : await backend.info();
        const shell = parseShellVersion(given ?? info?.shell);
        // Decoded as that shell reads a file (BOM first; else ANSI for 2.0/5.1, UTF-8 for 7).
        const text = await readRunbook(isStdin(file) ? '-' : file, io, shell, parseCodePage(a.codepage));
        // Passwords the runbook writes, or turns into SecureStrings as it runs, are masked in all output.
        const mask = await maskForScript(text);
        const stopMasking = onSecretSeen((p) => mask.add(p));
        const out = safeIo(io, mask, a.json ? 'json' : 'stderr');
        try {
          if (info) await lintForSession(text, info, file, out);
          // Text mode prints each statement as it finishes (and Write-Host text as it is written), as a console does.
          const echo = a.echo === true;
          const host = a.json
            ? undefined
            : {
                write: (t: string) => out.stdout.write(t),
                statementStarting: (t: string) => (echo ? printEcho(t, out) : undefined),
                statementDone: (st: StatementResult) => printStatementResult(st, shell, out),
              };
          const result = await backend.run(text, {
            shell,
            answers,
            ...(host ? { host } : {}),
            // A file runs as that script (script scope, $PSScriptRoot); standard input at the prompt's scope.
            ...(isStdin(file) ? {} : { scriptPath: resolve(io.cwd, file) }),
          });
          for (const st of result.statements) {
            log.info(
              { event: 'command', backend: name, line: st.line, command: st.text, ok: st.errors.length === 0 },
              'executed',
            );
          }
          printNotices(result, out);
          if (a.json)
            out.stdout.write(`${runResultJson(result)}
`);
          else printLooseErrors(result, out);
          done(result.ok ? EXIT.ok : EXIT.failed);
        } finally {
          stopMasking();
        }
      });
    },
  });
}

/** A runbook written for another dialect or Exchange build gets the lint findings before it runs on a real session. */
async function lintForSession(text: string, info: SessionInfo, file: string, io: CliIo): Promise<void> {
  const { lint } = await import('../../lint/lint.js');
  const { formatDiagnostic } = await import('../../lint/diagnostic.js');
  let findings;
  try {
    findings = lint(text, {
      shell: info.shell,
      ...(info.exchange ? { exchange: info.exchange } : {}),
      file: isStdin(file) ? '-' : file,
    });
  } catch {
    return; // a runbook lint cannot read still runs: PowerShell reports its own parse errors
  }
  for (const d of findings) io.stderr.write(`${formatDiagnostic(d)}\n`);
}
