// A PacketChannel over the SSH `powershell` subsystem (ssh2): host keys and identities the OpenSSH way, no local pwsh.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AnyAuthMethod, Client, ClientChannel } from 'ssh2';
import { ExchcertError } from '../errors/exchcert-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { knownHostName, sshFingerprint, sshKeyType, verifyHostKey } from './known-hosts.js';
import { lineChannel } from './packet-channel.js';
import type { PacketChannel } from './packet-channel.js';

/** The SSH connection could not be made: host key refused, no key accepted, refused, timed out. */
export class SshConnectError extends ExchcertError {
  constructor(message: string) {
    super('SSH_CONNECT', message);
  }
}

/** Where and how to connect. */
export interface SshChannelOptions {
  readonly host: string;
  readonly port?: number;
  /** Default: the local user name (as ssh). */
  readonly user?: string;
  /** Private key file (IdentityFile); default: ~/.ssh/id_ed25519, id_ecdsa, id_rsa that exist, then the agent. */
  readonly keyFile?: string;
  /** OpenSSH client options (SSH_OPTIONS below). */
  readonly sshOptions?: Readonly<Record<string, string>>;
  /** How long connecting and authenticating may take (ConnectTimeout wins; default 30000 ms). */
  readonly timeoutMs?: number;
  /** The subsystem (default `powershell`). */
  readonly subsystem?: string;
  readonly log?: (line: string) => void;
}

/** The OpenSSH options this client reads (case-insensitive, as in ssh_config). */
export const SSH_OPTIONS = [
  'UserKnownHostsFile',
  'GlobalKnownHostsFile',
  'StrictHostKeyChecking',
  'IdentityFile',
  'IdentitiesOnly',
  'IdentityAgent',
  'ConnectTimeout',
] as const;
type SshOption = (typeof SSH_OPTIONS)[number];

const DEFAULT_IDENTITIES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];
const STRICT = ['yes', 'ask', 'accept-new', 'no', 'off'];

const tilde = (p: string) => (p === '~' || p.startsWith('~/') ? join(homedir(), p.slice(1)) : p);

/** The options by their canonical names; one not in SSH_OPTIONS (or a bad value) is a ValidationError. */
export function readSshOptions(given: Readonly<Record<string, string>>): Partial<Record<SshOption, string>> {
  const out: Partial<Record<SshOption, string>> = {};
  for (const [k, v] of Object.entries(given)) {
    const name = SSH_OPTIONS.find((o) => o.toLowerCase() === k.toLowerCase());
    if (!name)
      throw new ValidationError({
        code: 'INVALID_OPTION',
        parameter: 'ssh-option',
        value: `${k}=${v}`,
        allowed: SSH_OPTIONS.join(', '),
        message: `--ssh-option '${k}' is not one the PSRP transport's SSH client reads (allowed: ${SSH_OPTIONS.join(', ')}).`,
      });
    out[name] = v;
  }
  const strict = out.StrictHostKeyChecking?.toLowerCase();
  if (strict !== undefined && !STRICT.includes(strict))
    throw new ValidationError({
      code: 'INVALID_OPTION',
      parameter: 'ssh-option',
      value: `StrictHostKeyChecking=${out.StrictHostKeyChecking}`,
      allowed: STRICT.join(', '),
      message: `--ssh-option StrictHostKeyChecking='${out.StrictHostKeyChecking}' is not one of ${STRICT.join(', ')}.`,
    });
  return out;
}

/** The identities to offer, in order: the given key files, then the agent (unless IdentitiesOnly=yes). */
function identities(o: SshChannelOptions, opts: Partial<Record<SshOption, string>>, user: string): AnyAuthMethod[] {
  const files = [o.keyFile, opts.IdentityFile].filter((f): f is string => !!f).map(tilde);
  const chosen =
    files.length > 0 ? files : DEFAULT_IDENTITIES.map((n) => join(homedir(), '.ssh', n)).filter(existsSync);
  const methods: AnyAuthMethod[] = chosen.map((file) => {
    let key: Buffer;
    try {
      key = readFileSync(file);
    } catch (e) {
      throw new SshConnectError(
        `ssh: the identity file '${file}' cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unreadable'}).`,
      );
    }
    return { type: 'publickey', username: user, key };
  });
  const agent = opts.IdentityAgent ? tilde(opts.IdentityAgent) : process.env.SSH_AUTH_SOCK;
  const identitiesOnly = opts.IdentitiesOnly?.toLowerCase() === 'yes';
  if (agent && agent.toLowerCase() !== 'none' && !identitiesOnly)
    methods.push({ type: 'agent', username: user, agent });
  return methods;
}

/**
 * Connects, checks the host key against known_hosts (~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts unless the
 * options name others), authenticates with the identities and opens the powershell subsystem.
 * @example const ch = await openSshChannel({ host: 'ams-exch01', user: 'admin' }); const pool = new RunspacePool(ch);
 */
export async function openSshChannel(o: SshChannelOptions): Promise<PacketChannel> {
  const opts = readSshOptions(o.sshOptions ?? {});
  const port = o.port ?? 22;
  const user = o.user ?? userInfo().username;
  const where = `${user}@${knownHostName(o.host, port)}`;
  const userFiles = (opts.UserKnownHostsFile ?? '~/.ssh/known_hosts ~/.ssh/known_hosts2').split(/\s+/).map(tilde);
  const globalFiles = (opts.GlobalKnownHostsFile ?? '/etc/ssh/ssh_known_hosts /etc/ssh/ssh_known_hosts2')
    .split(/\s+/)
    .map(tilde);
  const strict = (opts.StrictHostKeyChecking ?? 'ask').toLowerCase();
  const auth = identities(o, opts, user);
  const timeout = opts.ConnectTimeout ? Number(opts.ConnectTimeout) * 1000 : (o.timeoutMs ?? 30_000);
  let refused: string | null = null;

  const hostVerifier = (blob: Buffer): boolean => {
    const fingerprint = sshFingerprint(blob);
    const type = sshKeyType(blob);
    const verdict = verifyHostKey([...userFiles, ...globalFiles], o.host, port, blob);
    if (verdict.kind === 'known') return true;
    if (verdict.kind === 'revoked') {
      refused = `ssh: the ${type} host key of ${knownHostName(o.host, port)} (${fingerprint}) is marked @revoked in ${verdict.file}:${verdict.line}.`;
      return false;
    }
    if (strict === 'no' || strict === 'off') {
      o.log?.(
        `ssh: accepting the ${verdict.kind} ${type} host key ${fingerprint} of ${knownHostName(o.host, port)} (StrictHostKeyChecking=${strict})`,
      );
      return true;
    }
    if (verdict.kind === 'changed') {
      refused = `ssh: the ${type} host key of ${knownHostName(o.host, port)} has CHANGED: it is now ${fingerprint}, ${verdict.file}:${verdict.line} has another; refusing to connect (someone may be intercepting, or the host was reinstalled: fix that line).`;
      return false;
    }
    if (strict === 'accept-new') {
      const file = userFiles[0]!;
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      appendFileSync(file, `${knownHostName(o.host, port)} ${type} ${blob.toString('base64')}\n`, { mode: 0o600 });
      o.log?.(`ssh: added the ${type} host key ${fingerprint} of ${knownHostName(o.host, port)} to ${file}`);
      return true;
    }
    refused = `ssh: host ${knownHostName(o.host, port)} is not known: its ${type} host key is ${fingerprint} and it is in none of ${[...userFiles, ...globalFiles].join(', ')}; check the fingerprint, then add the key (ssh-keyscan) or use --ssh-option StrictHostKeyChecking=accept-new.`;
    return false;
  };

  const { Client: SshClient } = await import('ssh2');
  const client: Client = new SshClient();
  const stream = await new Promise<ClientChannel>((resolve, reject) => {
    const fail = (e: Error) => {
      client.end();
      const why = refused ?? e.message;
      reject(
        new SshConnectError(
          refused ??
            (/authentication methods failed/i.test(why)
              ? `ssh: ${where} accepted none of the keys offered (${auth.map((a) => (a.type === 'agent' ? 'the agent' : 'a key file')).join(', ') || 'none found: give --key-file or start ssh-agent'}).`
              : `ssh: cannot connect to ${where}: ${why}`),
        ),
      );
    };
    client.once('error', fail);
    client.once('ready', () => {
      client.subsys(o.subsystem ?? 'powershell', (err, channel) => {
        if (err) return fail(new Error(`the ${o.subsystem ?? 'powershell'} subsystem was refused (${err.message})`));
        client.removeListener('error', fail);
        resolve(channel);
      });
    });
    client.connect({
      host: o.host,
      port,
      username: user,
      authHandler: auth,
      hostVerifier,
      readyTimeout: timeout,
      keepaliveInterval: 15_000,
    });
  });

  const { channel, end } = lineChannel(
    stream,
    (line) => stream.write(line),
    async (ended) => {
      stream.end();
      const timer = setTimeout(() => client.destroy(), 2000);
      await ended;
      clearTimeout(timer);
      client.end();
    },
  );
  createInterface({ input: stream.stderr }).on('line', (line) => o.log?.(`ssh stderr: ${line}`));
  stream.on('exit', (code: number | null, signal?: string) =>
    end(signal ? `was killed by ${signal} on ${o.host}` : `exited with code ${String(code)} on ${o.host}`),
  );
  stream.on('close', () => end(`closed its SSH channel (${where})`));
  client.on('error', (e) => end(`lost its SSH connection (${e.message})`));
  client.on('close', () => end(`lost its SSH connection (${where})`));
  return channel;
}
