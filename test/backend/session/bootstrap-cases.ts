// The bootstrap texts judged against their golden files (fixtures/bootstrap/) and parsed by real pwsh.
import {
  LOCAL_EXCHANGE_BOOTSTRAP,
  SSH_CALL_WRAPPER,
  remoteBootstrap,
  sshBootstrap,
} from '../../../src/backend/session/bootstrap.js';

export const BOOTSTRAP_CASES: readonly { readonly file: string; readonly text: () => string }[] = [
  { file: 'local-exchange.ps1', text: () => LOCAL_EXCHANGE_BOOTSTRAP },
  {
    file: 'remote-kerberos.ps1',
    text: () => remoteBootstrap({ remoteServer: 'ams-exch01.exchangefun.nl', authentication: 'Kerberos' }),
  },
  {
    file: 'remote-basic.ps1',
    text: () =>
      remoteBootstrap({
        connectionUri: 'https://ams-exch01.exchangefun.nl/PowerShell/',
        authentication: 'Basic',
        user: "EXCHANGEFUN\\o'brien",
      }),
  },
  {
    file: 'ssh.ps1',
    text: () =>
      sshBootstrap({
        host: 'ams-exch01.exchangefun.nl',
        port: 22,
        user: 'admin',
        keyFile: '/home/admin/.ssh/id_ed25519',
      }),
  },
  {
    file: 'ssh-options.ps1',
    text: () =>
      sshBootstrap({
        host: '127.0.0.1',
        port: 2222,
        user: 'admin',
        timeoutMs: 30000,
        sshOptions: { StrictHostKeyChecking: 'yes', UserKnownHostsFile: "/tmp/o'known_hosts" },
      }),
  },
  { file: 'ssh-call.ps1', text: () => SSH_CALL_WRAPPER },
];
