// Examples and exit codes for the --help of commands whose modules do not carry their own.
import type { Argv, CommandModule } from 'yargs';

/** Exit codes every command uses (some add their own in their help). */
export const EXIT_CODES_HELP =
  'Exit codes: 0 success; 1 a run, lint or workflow step failed; 2 bad input or usage (nothing changed); ' +
  "3 renew is waiting for the vendor's certificate.";

/** Examples per command name (the first word of the module's `command`). */
export const COMMAND_EXAMPLES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  'new-request': [
    [
      '$0 new-request --server AMS-EXCH01 --subject-name CN=mail.contoso.com --domain-name mail.contoso.com,autodiscover.contoso.com --private-key-exportable',
      'make a request on the default backend (the mock)',
    ],
    [
      '$0 new-request --subject-name CN=mail.contoso.com --domain-name mail.contoso.com --print --exchange 2010',
      'only print the exact line for Exchange 2010',
    ],
  ],
  'new-selfsigned': [
    [
      '$0 new-selfsigned --server AMS-EXCH01 --subject-name CN=test.contoso.com --services IIS --force',
      'a self-signed certificate enabled for IIS',
    ],
  ],
  import: [
    [
      '$0 import --server AMS-EXCH01 --file-data ./webmail.pfx --password-env PFX_PW',
      'import a PFX from this machine (its bytes are sent)',
    ],
    [
      '$0 import --file-name C:\\install\\webmail.cer --print --exchange 2013',
      'print a line that reads a file on the server',
    ],
  ],
  enable: [
    [
      '$0 enable --server AMS-EXCH01 --thumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE --services IIS,SMTP --force',
      'bind IIS and SMTP (-Force answers the SMTP question)',
    ],
  ],
  export: [
    [
      '$0 export --thumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE --binary-encoded --password-env PFX_PW --json',
      'a PFX backup as JSON (FileData base64)',
    ],
  ],
  get: [
    ['$0 get --server AMS-EXCH01', "list a server's certificates"],
    ['$0 get --domain-name mail.contoso.com --print', 'print the line only'],
  ],
  remove: [
    [
      '$0 remove --server AMS-EXCH01 --thumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE --no-confirm',
      'remove without the confirmation prompt',
    ],
  ],
  parse: [
    ['$0 parse runbook.ps1 --json', 'the bound invocations of a runbook'],
    ['cat runbook.ps1 | $0 parse -', 'from standard input'],
  ],
  lint: [
    ['$0 lint runbook.ps1 --exchange 2019-CU14 --shell 5.1', 'check a runbook against its target'],
    ['$0 lint --fix runbook.ps1 --exchange 2019-CU14 --shell 7 --dry-run', 'the diff of every safe rewrite'],
  ],
  port: [
    ['$0 port renew-2010.ps1 --exchange 2019-CU14 --shell 7', 'the diff that ports a 2010 runbook to 2019 and pwsh 7'],
    [
      '$0 port renew-2010.ps1 --exchange SE --shell 5.1 --secrets variable --unattended --write',
      'rewrite it for a scheduled task on Exchange SE',
    ],
  ],
  run: [
    ['$0 run part1.ps1 --echo', 'run a runbook on the mock, showing each statement'],
    ['$0 run part2.ps1 --answer Y --json', 'answer one prompt; JSON result'],
  ],
  shell: [['$0 shell --connect RESEXCH01', 'an EMS-like prompt on the mock, connected to RESEXCH01']],
  mock: [
    ['$0 mock add-server EX2019 --exchange 2019-CU14', 'add a server to the mock organization'],
    ['$0 mock advance-clock 300', 'move the mock clock to see certificates near expiry'],
    [
      '$0 mock set-send-connector Internet --tls-certificate-name "<I>CN=CA<S>CN=mail.contoso.com"',
      'a connector naming a certificate',
    ],
    ['$0 mock list-servers', "the organization's servers"],
    ['$0 mock set-pop-imap AMS-EXCH01 --pop mail.contoso.com', 'POP certificate name of a server'],
    ['$0 mock set-accepted-domains contoso.com fabrikam.com', 'the accepted domains'],
    [
      '$0 mock set-transport-certificate AMS-EXCH01 225B26D7F8EF0721887213EEF71F87380DE8AEEE',
      "a server's default SMTP certificate",
    ],
    ['$0 mock set-require-ssl AMS-EXCH01 off', 'Require SSL on the Default Web Site root'],
  ],
  ca: [
    ['$0 ca issue mail_contoso_com.req --out mail.cer', 'the simulated vendor issues a certificate for a request'],
    [
      '$0 ca issue .exchcert/fs/C/install/ssl-request.req --out chain.p7b --days 90',
      'a 90-day certificate with its chain as PKCS#7',
    ],
  ],
  demo: [
    ['$0 demo', 'the reference lifecycle on a fresh mock'],
    ['$0 demo --print --secrets inline', 'its lines for every dialect'],
  ],
};

/**
 * Wraps a command module so its --help shows examples and the exit codes (the module itself is unchanged).
 * @example y.command(withCommandHelp(parseCommand(io, done)))
 */
export function withCommandHelp(module: CommandModule): CommandModule {
  const name = String(Array.isArray(module.command) ? module.command[0] : (module.command ?? '')).split(' ')[0]!;
  const examples = COMMAND_EXAMPLES[name];
  if (!examples || typeof module.builder !== 'function') return module;
  const builder = module.builder as (y: Argv) => Argv | PromiseLike<Argv>;
  return {
    ...module,
    builder: (y: Argv) => builder(nestedHelp(helpOf(y, examples), examples)) as Argv,
  };
}

function helpOf(y: Argv, examples: readonly (readonly [string, string])[]): Argv {
  let b = y;
  for (const [command, description] of examples) b = b.example(command, description);
  return b.epilog(EXIT_CODES_HELP);
}

/** A view of `y` whose nested `.command({...})` modules also get examples (those naming them, else all) and exit codes. */
function nestedHelp(y: Argv, examples: readonly (readonly [string, string])[]): Argv {
  const proxy: Argv = new Proxy(y, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const first = args[0] as CommandModule | undefined;
        if (prop === 'command' && first && typeof first === 'object' && typeof first.builder === 'function') {
          const sub = String(first.command ?? '').split(' ')[0]!;
          const own = examples.filter(([command]) => command.includes(` ${sub}`));
          const inner = first.builder as (b: Argv) => Argv | PromiseLike<Argv>;
          args[0] = { ...first, builder: (b: Argv) => inner(helpOf(b, own.length > 0 ? own : examples)) };
        }
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result === target ? proxy : result;
      };
    },
  });
  return proxy;
}
