import type { CommandModule } from 'yargs';
import type { Prompt } from '../../backend/mock/exchange/mock-exchange.js';
import { createInterpreterSession } from '../../backend/mock/interpreter/interpret.js';
import { openMockState } from '../../backend/mock/mock-state.js';
import { parseAnswer } from '../../backend/mock/scripted-answers.js';
import { serverTarget } from '../../backend/mock/exchange/org-state.js';
import { parseShellVersion } from '../../spec/shell-version.js';
import { ValidationError } from '../../errors/validation-error.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { withMockOptions } from '../mock-options.js';
import { formatErrorRecord } from '../print-result.js';

const PROMPT = '[PS] C:\\Windows\\system32>';
const CHOICES = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"): ';

/** `exchcert shell`: an interactive EMS-like prompt on the mock; type `exit` to leave. */
export function shellCommand(io: CliIo, done: (code: number) => void): CommandModule {
  return {
    command: 'shell',
    describe: 'an interactive Exchange Management Shell prompt on the mock',
    builder: (y) => withMockOptions(y.option('shell', { type: 'string', describe: 'PowerShell 2.0, 5.1 (default) or 7' })),
    handler: async (args) => {
      const a = args as Record<string, unknown>;
      const readLine = io.readLineSync;
      if (!readLine) throw new ValidationError({ code: 'NO_TERMINAL', parameter: 'shell', message: 'exchcert shell needs standard input to read commands from.' });
      const shell = parseShellVersion(a.shell as string | undefined);
      const state = openMockState(a.state ? String(a.state) : undefined);
      try {
        const server = a.connect ? String(a.connect) : await state.exchange.defaultServer();
        const record = state.store.read((tx) => tx.getServer(server));
        if (!record) throw new ValidationError({ code: 'UNKNOWN_SERVER', parameter: 'connect', value: server, message: `The mock organization has no server '${server}'.` });
        const answer = (prompt: Prompt) => {
          io.stdout.write(`\n${prompt.caption}\n${prompt.message}\n`);
          for (;;) {
            const line = readLine(CHOICES);
            if (line === null) return null;
            const a = parseAnswer(line);
            if (a !== null) return a;
          }
        };
        const session = createInterpreterSession({
          exchange: state.exchange,
          fs: state.fs,
          shell,
          connectedServer: record.name,
          exchangeTarget: serverTarget(record),
          answers: { answer },
          readHost: (prompt) => readLine(prompt ? `${prompt}: ` : ''),
          host: { write: (t) => io.stdout.write(t) },
        });
        io.stdout.write(`Connected to ${record.fqdn} (Exchange ${serverTarget(record).label}, mock). Type exit to leave.\n`);
        for (;;) {
          const line = readLine(`${PROMPT} `);
          if (line === null || /^\s*exit\s*$/i.test(line)) break;
          if (line.trim() === '') continue;
          const result = await session.run(line);
          for (const s of result.statements) {
            for (const w of s.warnings) io.stdout.write(`WARNING: ${w}\n`);
            for (const e of s.errors) io.stderr.write(formatErrorRecord(e));
          }
        }
      } finally {
        await state.settled(); // keys the pool is still making are stored, not lost
        state.close();
      }
      done(EXIT.ok);
    },
  };
}
