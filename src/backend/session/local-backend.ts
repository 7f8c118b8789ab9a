// `--backend local`: a PowerShell session on this machine; with the exchange bootstrap, this server's EMS.
import type { Backend } from '../backend.js';
import type { BackendOptions } from '../backend-options.js';
import { LOCAL_EXCHANGE_BOOTSTRAP, bootstrapText, importModuleText } from './bootstrap.js';
import { sessionTransport } from './session-transport.js';
import { sessionBackend } from './session-backend.js';
import type { TransportRequest } from './transport.js';

/** The bootstrap steps of a session: the connection script, then the module imports. */
export function bootstrapSteps(
  first: string,
  modules: readonly string[] | undefined,
  timeoutMs: number | undefined,
): TransportRequest[] {
  const steps: TransportRequest[] = [];
  const timeout = timeoutMs !== undefined ? { timeoutMs } : {};
  if (first.trim() !== '')
    steps.push({
      text: first,
      displayText: first.split('\n').find((l) => l && !l.startsWith('#')) ?? first,
      ...timeout,
    });
  const imports = importModuleText(modules ?? []);
  if (imports !== '') steps.push({ text: imports, ...timeout });
  return steps;
}

/**
 * A local PowerShell session (pwsh, or powershell.exe given as `pwsh` on an Exchange 2013+ server for the EMS).
 * @example const b = localBackend({ bootstrap: 'none', importModule: ['./stub.psm1'] }); await b.run('Get-ExchangeCertificate'); await b.close();
 */
export function localBackend(options: BackendOptions = {}): Backend {
  const transport = sessionTransport(options.transport, {
    bootstrap: bootstrapSteps(
      bootstrapText(options.bootstrap, LOCAL_EXCHANGE_BOOTSTRAP),
      options.importModule,
      options.timeoutMs,
    ),
    ...(options.pwsh ? { pwsh: options.pwsh } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return sessionBackend({ name: 'local', transport, options });
}
