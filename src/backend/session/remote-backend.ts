// `--backend remote`: Exchange's /PowerShell/ endpoint over WSMan, imported into a local session (Windows clients).
import { ExchcertError } from '../../errors/exchcert-error.js';
import type { Backend } from '../backend.js';
import type { BackendOptions } from '../backend-options.js';
import { bootstrapText, remoteBootstrap } from './bootstrap.js';
import { bootstrapSteps } from './local-backend.js';
import { sessionTransport } from './session-transport.js';
import { sessionBackend } from './session-backend.js';

/** Why `remote` cannot run here. */
export const WSMAN_UNAVAILABLE =
  'The remote backend connects over WSMan, which PowerShell does not have on Linux or macOS; ' +
  'run exchcert on a Windows client, or use --backend ssh --host SERVER (PowerShell SSH remoting to the Exchange server).';

/**
 * Exchange's remote PowerShell (`New-PSSession -ConfigurationName Microsoft.Exchange`, `Import-PSSession`).
 * @example const b = remoteBackend({ remoteServer: 'ams-exch01.contoso.com', authentication: 'Kerberos' });
 */
export function remoteBackend(options: BackendOptions = {}, platform: NodeJS.Platform = process.platform): Backend {
  const exchange = remoteBootstrap(options);
  if (platform !== 'win32') throw new ExchcertError('WSMAN_UNAVAILABLE', WSMAN_UNAVAILABLE);
  const steps = bootstrapSteps(bootstrapText(options.bootstrap, exchange), options.importModule, options.timeoutMs);
  // The credential's password crosses as a SecureString variable of the connection step only.
  const password = options.password;
  const transport = sessionTransport(options.transport, {
    bootstrap: steps.map((s, i) =>
      i === 0 && password ? { ...s, secrets: new Map([['ExchcertCredentialPassword', password]]) } : s,
    ),
    ...(options.pwsh ? { pwsh: options.pwsh } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return sessionBackend({ name: 'remote', transport, options });
}
