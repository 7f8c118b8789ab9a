// The one list of backends: the CLI and connect() find a backend by name here and know nothing else about it.
import { ValidationError } from '../errors/validation-error.js';
import type { Backend } from './backend.js';
import type { BackendOptions } from './backend-options.js';

/** One registered backend. */
export interface BackendEntry {
  readonly name: string;
  /** One line for `--help`. */
  readonly describe: string;
  /** True when one session can serve many calls at once (in-process backends): --servers then shares one. */
  readonly shareable?: boolean;
  /** Opens a backend (loaded on demand, so naming a backend costs nothing). */
  create(options: BackendOptions): Promise<Backend>;
}

const entries = new Map<string, BackendEntry>();

/**
 * Adds (or replaces) a backend by name.
 * @example registerBackend({ name: 'sim', describe: 'simulated Exchange module', create: async (o) => simBackend(o) })
 */
export function registerBackend(entry: BackendEntry): void {
  entries.set(entry.name, entry);
}

/** Names of every registered backend, in registration order. */
export function backendNames(): readonly string[] {
  return [...entries.keys()];
}

/** The entry of a backend; an unknown name is a ValidationError naming the backends there are. */
export function backendEntry(name: string): BackendEntry {
  const entry = entries.get(name);
  if (entry) return entry;
  const allowed = backendNames().join(', ');
  throw new ValidationError({
    code: 'UNKNOWN_BACKEND',
    parameter: 'backend',
    value: name,
    allowed,
    message: `--backend '${name}' is not a backend. Allowed: ${allowed}.`,
  });
}

/**
 * Opens the named backend.
 * @example const b = await createBackend('mock', { state: '.exchcert' }); await b.run('Get-ExchangeCertificate'); await b.close();
 */
export function createBackend(name: string, options: BackendOptions = {}): Promise<Backend> {
  return backendEntry(name).create(options);
}

registerBackend({
  name: 'mock',
  describe: 'the simulated Exchange Management Shell (offline, state in --state)',
  shareable: true,
  async create(o) {
    const { mockBackend } = await import('./mock/mock-backend.js');
    return mockBackend({
      ...(o.state !== undefined ? { state: o.state } : {}),
      ...(o.connect !== undefined ? { connect: o.connect } : {}),
      ...(o.answers ? { answers: o.answers } : {}),
      ...(o.readHost ? { readHost: o.readHost } : {}),
      ...(o.runHost ? { host: o.runHost } : {}),
    });
  },
});
registerBackend({
  name: 'local',
  describe: 'a PowerShell session on this machine (on an Exchange server: the Exchange Management Shell)',
  async create(o) {
    const { localBackend } = await import('./session/local-backend.js');
    return localBackend(o);
  },
});
registerBackend({
  name: 'remote',
  describe: "Exchange's remote PowerShell endpoint over WSMan (needs a Windows client)",
  async create(o) {
    const { remoteBackend } = await import('./session/remote-backend.js');
    return remoteBackend(o);
  },
});
registerBackend({
  name: 'ssh',
  describe: 'PowerShell 7 SSH remoting to a Windows Exchange server with OpenSSH and pwsh',
  async create(o) {
    const { sshBackend } = await import('./session/ssh-backend.js');
    return sshBackend(o);
  },
});
registerBackend({
  name: 'sim',
  describe: 'real pwsh with the ExchcertSim module: the simulated Exchange of --state (needs pwsh 7)',
  async create(o) {
    const { simBackend } = await import('./sim/sim-backend.js');
    return simBackend(o);
  },
});
registerBackend({
  name: 'print',
  describe: 'print the exact command line and run nothing',
  async create() {
    const { printBackend } = await import('./print/print-backend.js');
    return printBackend();
  },
});
