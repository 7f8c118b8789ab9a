// `--backend ssh`: PowerShell 7 SSH remoting to the Exchange server, which loads Exchange with the local bootstrap.
import { openSshChannel, readSshOptions } from '../../psrp/ssh-channel.js';
import type { Backend } from '../backend.js';
import type { BackendOptions } from '../backend-options.js';
import {
  LOCAL_EXCHANGE_BOOTSTRAP,
  SSH_CALL_WRAPPER,
  bootstrapText,
  importModuleText,
  sshBootstrap,
  sshHost,
} from './bootstrap.js';
import { bootstrapSteps } from './local-backend.js';
import { PsrpTransport } from './psrp-transport.js';
import { DEFAULT_TRANSPORT } from './transport-kind.js';
import { sessionTransport } from './session-transport.js';
import { sessionBackend } from './session-backend.js';
import type { CallWrapper } from './session-backend.js';
import type { TransportRequest } from './transport.js';

/** The wrapper that carries a call into the remote session. */
export const sshCall: CallWrapper = (r: TransportRequest) => ({
  text: SSH_CALL_WRAPPER,
  displayText: r.displayText ?? r.text,
  ...(r.secrets ? { secrets: r.secrets } : {}),
  ...(r.timeoutMs !== undefined ? { timeoutMs: r.timeoutMs } : {}),
  ...(r.signal ? { signal: r.signal } : {}),
  variables: {
    ...r.variables,
    ExchcertRemoteText: r.text,
    ExchcertRemotePath: r.scriptPath ?? '',
    ExchcertSecretNames: [...(r.secrets?.keys() ?? [])].join(','),
  },
});

/**
 * `--transport psrp`: our PSRP client on the host's `powershell` SSH subsystem (ssh2; no local pwsh); the remote
 * bootstrap and calls run straight in the remote runspace.
 */
function sshPsrpBackend(options: BackendOptions): Backend {
  const host = sshHost(options);
  readSshOptions(options.sshOptions ?? {});
  const transport = new PsrpTransport({
    channel: () =>
      openSshChannel({
        host,
        ...(options.port !== undefined ? { port: options.port } : {}),
        ...(options.user ? { user: options.user } : {}),
        ...(options.keyFile ? { keyFile: options.keyFile } : {}),
        ...(options.sshOptions ? { sshOptions: options.sshOptions } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.log ? { log: options.log } : {}),
      }),
    bootstrap: bootstrapSteps(
      bootstrapText(options.bootstrap, LOCAL_EXCHANGE_BOOTSTRAP),
      options.importModule,
      options.timeoutMs,
    ),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return sessionBackend({ name: 'ssh', transport, options });
}

/**
 * A session on `host` over SSH: with the runner, `New-PSSession -HostName -UserName -KeyFilePath` in a local pwsh;
 * with PSRP, our own client on the SSH subsystem. Every call runs on the host.
 * @example const b = sshBackend({ host: 'ams-exch01', user: 'admin', keyFile: '~/.ssh/id_ed25519' });
 */
export function sshBackend(options: BackendOptions = {}): Backend {
  if ((options.transport ?? DEFAULT_TRANSPORT) === 'psrp') return sshPsrpBackend(options);
  const timeout = options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {};
  const remote = bootstrapText(options.bootstrap, LOCAL_EXCHANGE_BOOTSTRAP);
  const imports = importModuleText(options.importModule ?? []);
  const steps: TransportRequest[] = [
    { text: sshBootstrap(options), displayText: `New-PSSession -HostName ${options.host ?? ''}`, ...timeout },
  ];
  if (remote.trim() !== '') steps.push(sshCall({ text: remote, displayText: 'remote bootstrap', ...timeout }));
  if (imports !== '') steps.push(sshCall({ text: imports, ...timeout }));
  const transport = sessionTransport(options.transport, {
    bootstrap: steps,
    ...(options.pwsh ? { pwsh: options.pwsh } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return sessionBackend({ name: 'ssh', transport, options, wrap: sshCall });
}
