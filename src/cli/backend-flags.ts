// The CLI's backend options (--backend, --bootstrap, --import-module, --timeout, remote and ssh flags) for run and
// every typed subcommand, and their translation into the registry's BackendOptions.
import type { Argv } from 'yargs';
import type { BackendOptions, RemoteAuthentication } from '../backend/backend-options.js';
import { TRANSPORT_KINDS } from '../backend/session/transport-kind.js';
import { ValidationError } from '../errors/validation-error.js';

const AUTHENTICATIONS = ['Kerberos', 'Negotiate', 'Basic'] as const;

/** The flags of the real backends and of --servers, as yargs hands them over. */
export type BackendFlagArgs = {
  bootstrap: string | undefined;
  'import-module': string[] | undefined;
  timeout: number | undefined;
  'remote-server': string | undefined;
  'connection-uri': string | undefined;
  authentication: string | undefined;
  host: string | undefined;
  port: number | undefined;
  user: string | undefined;
  'key-file': string | undefined;
  transport: string | undefined;
  servers: string | undefined;
  throttle: number | undefined;
  'ssh-option': string[] | undefined;
};

/** Adds the backend connection options (not --backend itself, whose help each command words). */
export function withBackendFlags<T>(y: Argv<T>): Argv<T & BackendFlagArgs> {
  return withConnectionFlags(y, true) as Argv<T & BackendFlagArgs>;
}

/** The connection options of real backends; `--servers`/`--throttle` too unless a workflow words its own. */
export function withConnectionFlags<T>(
  y: Argv<T>,
  servers = false,
): Argv<T & Omit<BackendFlagArgs, 'servers' | 'throttle'>> {
  const flags = y
    .option('bootstrap', {
      type: 'string',
      describe: 'real backends: exchange (load Exchange, default), none, or FILE (your own connection script)',
    })
    .option('import-module', {
      type: 'string',
      array: true,
      describe: 'real backends: import this module after the bootstrap (repeatable)',
    })
    .option('timeout', {
      type: 'number',
      describe: 'real backends: seconds a call may run before it is stopped (default 300)',
    })
    .option('remote-server', { type: 'string', describe: 'remote: the Exchange server (http://SERVER/PowerShell/)' })
    .option('connection-uri', { type: 'string', describe: 'remote: the endpoint URI instead of --remote-server' })
    .option('authentication', { type: 'string', describe: 'remote: Kerberos (default), Negotiate or Basic' })
    .option('host', { type: 'string', describe: 'ssh: the Exchange server to connect to' })
    .option('port', { type: 'number', describe: 'ssh: port (default 22)' })
    .option('user', { type: 'string', describe: 'ssh: user name' })
    .option('key-file', { type: 'string', describe: 'ssh: private key file' })
    .option('transport', {
      type: 'string',
      describe:
        'real backends and sim: runner (text runner, default) or psrp (our PowerShell remoting protocol client: pwsh -s, or the SSH powershell subsystem with no local pwsh)',
    });
  // In this order, so the help (and the fast path's recorded options) stay as they were.
  const many = servers
    ? flags
        .option('servers', {
          type: 'string',
          describe: 'run the call on each server (A,B,C or @FILE, one name a line), pinned with -Server',
        })
        .option('throttle', { type: 'number', describe: 'with --servers: sessions working at once (default 4)' })
    : flags;
  return many.option('ssh-option', {
    type: 'string',
    array: true,
    describe: 'ssh: an OpenSSH client option KEY=VALUE, e.g. UserKnownHostsFile=PATH (repeatable)',
  }) as unknown as Argv<T & Omit<BackendFlagArgs, 'servers' | 'throttle'>>;
}

/** The parsed connection flags backendOptionsOf reads (any parsed arguments object has them or not). */
export type ConnectionFlags = {
  readonly [
    K in
      | 'state'
      | 'connect'
      | 'bootstrap'
      | 'remote-server'
      | 'connection-uri'
      | 'authentication'
      | 'host'
      | 'port'
      | 'user'
      | 'key-file'
      | 'timeout'
      | 'import-module'
      | 'ssh-option'
      | 'transport'
  ]?: unknown;
};

/** BackendOptions from parsed flags; bad values are one ValidationError naming the flag. */
export function backendOptionsOf(a: ConnectionFlags): BackendOptions {
  const str = (k: keyof ConnectionFlags) => (a[k] === undefined ? undefined : String(a[k]));
  const auth = str('authentication');
  if (auth !== undefined && !(AUTHENTICATIONS as readonly string[]).includes(auth)) {
    throw new ValidationError({
      code: 'INVALID_OPTION',
      parameter: 'authentication',
      value: auth,
      allowed: AUTHENTICATIONS.join(', '),
      message: `--authentication '${auth}' is not allowed. Allowed: ${AUTHENTICATIONS.join(', ')}.`,
    });
  }
  const transport = str('transport');
  if (transport !== undefined && !(TRANSPORT_KINDS as readonly string[]).includes(transport)) {
    throw new ValidationError({
      code: 'INVALID_OPTION',
      parameter: 'transport',
      value: transport,
      allowed: TRANSPORT_KINDS.join(', '),
      message: `--transport '${transport}' is not allowed. Allowed: ${TRANSPORT_KINDS.join(', ')}.`,
    });
  }
  const timeout = a.timeout;
  if (timeout !== undefined && !(typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0)) {
    throw new ValidationError({
      code: 'INVALID_OPTION',
      parameter: 'timeout',
      value: String(timeout),
      allowed: 'a number of seconds above 0',
      message: `--timeout '${String(timeout)}' is not a number of seconds above 0.`,
    });
  }
  const port = a.port;
  if (port !== undefined && !(typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new ValidationError({
      code: 'INVALID_OPTION',
      parameter: 'port',
      value: String(port),
      allowed: '1 to 65535',
      message: `--port '${String(port)}' is not a port number (1 to 65535).`,
    });
  }
  const modules =
    a['import-module'] === undefined
      ? []
      : (Array.isArray(a['import-module']) ? a['import-module'] : [a['import-module']]).map(String);
  const sshOptions: Record<string, string> = {};
  for (const o of a['ssh-option'] === undefined
    ? []
    : (Array.isArray(a['ssh-option']) ? a['ssh-option'] : [a['ssh-option']]).map(String)) {
    const eq = o.indexOf('=');
    if (eq <= 0) {
      throw new ValidationError({
        code: 'INVALID_OPTION',
        parameter: 'ssh-option',
        value: o,
        allowed: 'KEY=VALUE',
        message: `--ssh-option '${o}' is not KEY=VALUE (e.g. UserKnownHostsFile=/path/known_hosts).`,
      });
    }
    sshOptions[o.slice(0, eq)] = o.slice(eq + 1);
  }
  const options: Record<string, unknown> = {
    state: str('state'),
    connect: str('connect'),
    bootstrap: str('bootstrap'),
    remoteServer: str('remote-server'),
    connectionUri: str('connection-uri'),
    authentication: auth as RemoteAuthentication | undefined,
    host: str('host'),
    port,
    user: str('user'),
    keyFile: str('key-file'),
    transport: transport as BackendOptions['transport'],
    timeoutMs: typeof timeout === 'number' ? timeout * 1000 : undefined,
    importModule: modules.length > 0 ? modules : undefined,
    sshOptions: Object.keys(sshOptions).length > 0 ? sshOptions : undefined,
  };
  for (const k of Object.keys(options)) if (options[k] === undefined) delete options[k];
  return options as BackendOptions;
}
