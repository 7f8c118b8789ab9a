// `exchcert config`: the backend, state folder and servers in force, and where each came from.
import type { CommandModule } from 'yargs';
import type { Setting } from '../../config/resolve-config.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { cliContext } from '../cli-context.js';
import { formatTable } from '../text-table.js';
import type { ConfigArgs } from '../workflow-args.js';

function row(name: string, s: Setting<unknown> | null): string[] {
  if (s === null) return [name, '(none)', 'default', 'built-in'];
  return [name, Array.isArray(s.value) ? s.value.join(',') : String(s.value), s.source, s.origin];
}

/** `exchcert config [--json]`. */
export function configCommand(io: CliIo, done: (code: number) => void): CommandModule<object, ConfigArgs> {
  return {
    command: 'config',
    describe: 'show the backend, state folder and servers in force and where each came from',
    builder: (y) =>
      y
        .example('$0 config', 'what runs where, and why')
        .example('EXCHCERT_BACKEND=mock $0 config --json', 'as JSON')
        .epilog(
          'Order: option (--backend, --state), environment (EXCHCERT_BACKEND, EXCHCERT_STATE, EXCHCERT_CONNECT), ' +
            'config file (exchcert.config.json, else the "exchcert" key of package.json, in the working directory), built-in default. ' +
            'Exit codes: 0 shown, 2 bad config file.',
        ),
    handler: async (args) => {
      const { config, json } = await cliContext(args, io);
      if (json) io.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
      else {
        io.stdout.write(
          formatTable(
            ['Setting', 'Value', 'Source', 'From'],
            [
              row('backend', config.backend),
              row('state', config.state),
              row('connect', config.connect),
              row('servers', config.servers),
            ],
          ),
        );
        io.stdout.write(`Config file: ${config.configFile ?? '(none)'}\n`);
      }
      done(EXIT.ok);
    },
  };
}
