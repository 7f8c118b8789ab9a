// What every backend factory takes: one options object, the same for the API's connect() and the CLI's flags.
import type { AnswerProvider, Prompt } from '../engine/mock-exchange.js';
import type { MockState } from './mock/mock-state.js';
import type { Secret } from '../node/secret.js';
import type { RunHost } from './backend.js';

export type { AnswerProvider, Prompt };

/** Authentication of the `remote` backend's WSMan connection. */
export type RemoteAuthentication = 'Kerberos' | 'Negotiate' | 'Basic';

/** Options of a backend (each backend reads the ones it needs). */
export interface BackendOptions {
  /** mock: state folder or open state. */
  readonly state?: string | MockState;
  /** The server the session acts on when a cmdlet has no -Server (mock: the connected server). */
  readonly connect?: string;
  /** remote: the Exchange server (`http://SERVER/PowerShell/`). */
  readonly remoteServer?: string;
  /** remote: the full endpoint URI instead of remoteServer. */
  readonly connectionUri?: string;
  readonly authentication?: RemoteAuthentication;
  /** remote: the credential's password (with `user`); it reaches PowerShell as a SecureString only. */
  readonly password?: Secret;
  /** ssh: host name, port, user and private key file (remote: `user` is the credential's user). */
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly keyFile?: string;
  /** ssh: OpenSSH client options (runner: New-PSSession `-Options`; psrp: SSH_OPTIONS of src/psrp/ssh-channel.ts). */
  readonly sshOptions?: Readonly<Record<string, string>>;
  /** Real backends: `exchange` (ours, default), `none`, or the path of the admin's own connection script. */
  readonly bootstrap?: string;
  /** Real backends: modules imported after the bootstrap. */
  readonly importModule?: readonly string[];
  /** Real backends: longest a call may run before it is stopped (default 300000). */
  readonly timeoutMs?: number;
  /** Answers prompts (ShouldContinue, ShouldProcess) when a run gives no answers of its own. */
  readonly answers?: AnswerProvider;
  /** Answers Read-Host; null: nobody can. */
  readonly readHost?: (prompt: string, secure: boolean) => string | null;
  /** Streams every run's output (the CLI's console). */
  readonly runHost?: RunHost;
  /** Real backends and sim: `psrp` (our PSRP client: `pwsh -s`, or ssh's `powershell` subsystem) or `runner` (text runner); default: the bench's pick. */
  readonly transport?: 'runner' | 'psrp';
  /** Real backends: the PowerShell executable (default: pwsh on PATH, or $PWSH). */
  readonly pwsh?: string;
  /** sim: the working directory of its pwsh (default: this process's). */
  readonly cwd?: string;
  /** Real backends: where stderr lines and restarts are reported (default: nowhere). */
  readonly log?: (line: string) => void;
}
