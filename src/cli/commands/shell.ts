import type { CommandModule } from 'yargs';
import type { Prompt } from '../../engine/mock-exchange.js';
import { createInterpreterSession } from '../../interpreter/interpret.js';
import { PipelineStopped } from '../../interpreter/pipeline-stopped.js';
import { onSecretSeen } from '../../interpreter/seen-secrets.js';
import { openMockState } from '../../backend/mock/mock-state.js';
import { parseAnswer } from '../../backend/mock/scripted-answers.js';
import { serverTarget } from '../../engine/org-state.js';
import { parse } from '../../parser/index.js';
import { ParseError } from '../../parser/parse-error.js';
import { parseShellVersion } from '../../spec/shell-version.js';
import type { ShellVersion } from '../../spec/shell-version.js';
import { ValidationError } from '../../errors/validation-error.js';
import { commandModule } from '../command-module.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { withMockOptions } from '../mock-options.js';
import type { MockArgs } from '../mock-options.js';
import { formatErrorRecord } from '../print-result.js';
import { collectPlainTextSecrets } from '../plain-text-secrets.js';
import { safeIo } from '../safe-io.js';
import { SecretMask } from '../secret-mask.js';
import { completeLine } from '../shell/completion.js';
import { isLineCancelled } from '../shell/line-editor.js';
import type { EditOptions } from '../shell/line-editor.js';
import { formatShellParseError } from '../shell/ps-parse-error.js';
import type { ShellTerminal } from '../shell/tty-terminal.js';

const PROMPT = '[PS] C:\\Windows\\system32> ';
const CONTINUATION = '>> ';
const CHOICES = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"): ';
const CHOICES_HELP = [
  'Y - Continue with only the next step of the operation.',
  'A - Continue with all the steps of the operation.',
  'N - Skip this operation and proceed with the next operation.',
  'L - Skip this operation and all subsequent operations.',
]
  .map((l) => `${l}\n`)
  .join('');

/** Reads one line with a prompt; null at end of input; throws LineCancelled on Ctrl+C (terminals only). */
type LineReader = (prompt: string, options?: EditOptions) => string | null;

/** What one entry at the prompt came to: text to run, nothing (cancelled, blank, or a parse error shown), or leave. */
type Entry = { readonly run: string } | { readonly skip: true } | { readonly leave: true };

/**
 * Reads one entry: lines continue with `>>` while the parser says more input could complete them (open brace, paren,
 * quote or here-string, trailing pipe or backtick); an empty `>>` line ends the entry. A syntax error is shown in
 * PowerShell's format and nothing runs.
 */
function readEntry(readLine: LineReader, history: string[], shell: ShellVersion, out: CliIo, mask: SecretMask): Entry {
  const lines: string[] = [];
  for (;;) {
    let line: string | null;
    try {
      line = readLine(lines.length === 0 ? PROMPT : CONTINUATION, { history, complete: completeLine });
    } catch (e) {
      if (isLineCancelled(e)) return { skip: true };
      throw e;
    }
    if (line === null) return lines.length === 0 ? { leave: true } : { skip: true };
    if (lines.length === 0 && /^\s*exit\s*$/i.test(line)) return { leave: true };
    if (line.trim() !== '') history.push(line);
    const ending = lines.length > 0 && line.trim() === '';
    if (!ending) lines.push(line);
    const text = lines.join('\n');
    if (text.trim() === '') return { skip: true };
    try {
      parse(text);
      return { run: text };
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      if (e.incompleteInput && !ending) continue;
      for (const s of collectPlainTextSecrets(text)) mask.add(s); // the error shows the source line
      out.stderr.write(formatShellParseError(e, shell));
      return { skip: true };
    }
  }
}

/** The arguments of `exchcert shell`. */
type ShellArgs = MockArgs & { shell?: string | undefined };

/** `exchcert shell`: an interactive EMS-like prompt on the mock; type `exit` (or Ctrl+D) to leave. */
export function shellCommand(io: CliIo, done: (code: number) => void): CommandModule {
  return commandModule<ShellArgs>({
    command: 'shell',
    describe: 'an interactive Exchange Management Shell prompt on the mock',
    builder: (y) =>
      withMockOptions(y.option('shell', { type: 'string', describe: 'PowerShell 2.0, 5.1 (default) or 7' })),
    handler: async (a) => {
      const terminal: ShellTerminal | null = io.stdinIsTTY && io.shellTerminal ? await io.shellTerminal() : null;
      const plainReader = io.readLineSync;
      if (!terminal && !plainReader) {
        throw new ValidationError({
          code: 'NO_TERMINAL',
          parameter: 'shell',
          message: 'exchcert shell needs standard input to read commands from.',
        });
      }
      const readLine: LineReader = terminal ? (p, o) => terminal.readLine(p, o) : (p) => plainReader!(p);
      const shell = parseShellVersion(a.shell);
      // Passwords typed or converted at the prompt are masked in all later output; error texts are terminal-safe.
      const mask = new SecretMask();
      const stopMasking = onSecretSeen((p) => mask.add(p));
      const out = safeIo(io, mask, 'stderr');
      const state = openMockState(a.state ? a.state : undefined);
      try {
        const server = a.connect ? a.connect : await state.exchange.defaultServer();
        const record = state.store.read((tx) => tx.getServer(server));
        if (!record) {
          throw new ValidationError({
            code: 'UNKNOWN_SERVER',
            parameter: 'connect',
            value: server,
            message: `The mock organization has no server '${server}'.`,
          });
        }
        const ask = (prompt: string, options?: EditOptions): string | null => {
          try {
            return readLine(prompt, options);
          } catch (e) {
            if (isLineCancelled(e)) throw new PipelineStopped(); // Ctrl+C at a prompt stops the command
            throw e;
          }
        };
        const answer = (prompt: Prompt) => {
          out.stdout.write(`\n${prompt.caption}\n${prompt.message}\n`);
          for (;;) {
            const line = ask(CHOICES);
            if (line === null) return null;
            if (line.trim() === '?') {
              out.stdout.write(CHOICES_HELP);
              continue;
            }
            const choice = parseAnswer(line);
            if (choice !== null) return choice;
          }
        };
        let cancelled = false;
        const session = createInterpreterSession({
          exchange: state.exchange,
          fs: state.fs,
          shell,
          connectedServer: record.name,
          exchangeTarget: serverTarget(record),
          answers: { answer },
          readHost: (prompt, secure) => ask(prompt ? `${prompt}: ` : '', { secure }),
          host: { write: (t) => out.stdout.write(t) },
          cancelled: () => cancelled,
        });
        const label = serverTarget(record).label;
        out.stdout.write(`Connected to ${record.fqdn} (Exchange ${label}, mock). Type exit to leave.\n`);
        const history: string[] = [];
        for (;;) {
          const entry = readEntry(readLine, history, shell, out, mask);
          if ('leave' in entry) break;
          if ('skip' in entry) continue;
          for (const s of collectPlainTextSecrets(entry.run)) mask.add(s);
          cancelled = false;
          const stopWatching =
            terminal?.whileRunning(() => {
              cancelled = true;
            }) ?? (() => undefined);
          try {
            const result = await session.run(entry.run);
            for (const s of result.statements) {
              for (const w of s.warnings) out.stdout.write(`WARNING: ${w}\n`);
              for (const e of s.errors) out.stderr.write(formatErrorRecord(e, s));
            }
          } catch (e) {
            if (!(e instanceof PipelineStopped)) throw e;
            out.stdout.write('\n');
          } finally {
            stopWatching();
          }
        }
      } finally {
        stopMasking();
        terminal?.close();
        await state.settled(); // keys the pool is still making are stored, not lost
        state.close();
      }
      done(EXIT.ok);
    },
  });
}
