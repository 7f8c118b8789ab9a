// Helpers for end-to-end tests of the built CLI on the mock: spawn `node bin/exchcert.js`, copy and snapshot state folders.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { serverKey } from '../../../src/engine/org-state.js';
import { openSqliteStateStore } from '../../../src/engine/store/sqlite-state-store.js';

export const root = join(import.meta.dirname, '..', '..', '..');
export const bin = join(root, 'bin', 'exchcert.js');

/** What one CLI run gave back. */
export interface CliResult {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** The environment for CLI children: jest's NODE_OPTIONS (--experimental-vm-modules) removed. */
export function cliEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  return env;
}

/** Runs `node bin/exchcert.js ...args` and waits for it. */
export function exchcert(args: readonly string[], input?: string): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: cliEnv(),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** One error record of `exchcert run --json`. */
export interface JsonErrorRecord {
  readonly message: string;
  readonly category: string;
  readonly errorId: string;
  readonly fullyQualifiedErrorId: string;
  readonly command: string | null;
  readonly terminating: boolean;
  readonly line: number | null;
  readonly column: number | null;
}

/** One statement of `exchcert run --json`. */
export interface JsonStatement {
  readonly line: number;
  readonly text: string;
  readonly output: unknown[];
  readonly errors: JsonErrorRecord[];
  readonly warnings: string[];
}

/** The document `exchcert run --json` prints. */
export interface RunJson {
  readonly ok: boolean;
  readonly statements: JsonStatement[];
  readonly output: unknown[];
  readonly errors: JsonErrorRecord[];
}

/** `exchcert run - --state DIR --json ...extra` with `script` on standard input. */
export function runJson(
  state: string,
  script: string,
  extra: readonly string[] = [],
): CliResult & { readonly json: RunJson } {
  const r = exchcert(['run', '-', '--state', state, '--json', ...extra], script);
  let json: RunJson;
  try {
    json = JSON.parse(r.out) as RunJson;
  } catch {
    throw new Error(`exchcert run --json printed no JSON (exit ${r.code}): ${r.out}\n${r.err}`);
  }
  return { ...r, json };
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Copies state folder `from` to a new temporary folder (safe between runs: the CLI closes the database on exit). */
export function copyState(from: string): string {
  const to = join(tempDir('exchcert-case-'), 'state');
  cpSync(from, to, { recursive: true });
  return to;
}

const sha1 = (bytes: Uint8Array | string): string => createHash('sha1').update(bytes).digest('hex');

/** Byte arrays replaced by their SHA-1 so snapshots compare and print compactly. */
function normalize(value: unknown): unknown {
  if (value instanceof Uint8Array) return `sha1:${sha1(value)}:${value.length}`;
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  return value;
}

/** Relative file names (with `/`) and the SHA-1 of their contents, for every file under `dir`. */
export function snapshotFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full).split(sep).join('/')] = sha1(readFileSync(full));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Everything the organization holds: servers, their certificates, requests and configuration, the organization and its values. */
export function snapshotStore(state: string): unknown {
  const store = openSqliteStateStore(state);
  try {
    return normalize(
      store.read((tx) => {
        const servers = tx.listServers();
        return {
          servers,
          perServer: Object.fromEntries(
            servers.map((s) => [
              s.name,
              {
                certificates: [...tx.listCertificates(s.name)].sort((a, b) => a.thumbprint.localeCompare(b.thumbprint)),
                requests: [...tx.listRequests(s.name)].sort((a, b) => a.thumbprint.localeCompare(b.thumbprint)),
                config: tx.getServerConfig(s.name),
                intermediates: tx.getValue(`exchange.intermediates.${serverKey(s.name)}`) ?? null,
              },
            ]),
          ),
          org: tx.getOrgConfig(),
          vendorCa: tx.getValue('vendorCa') ?? null,
          authCertificate: tx.getValue('exchange.authCertificate') ?? null,
          intermediates: tx.getValue('exchange.intermediates') ?? null,
        };
      }),
    );
  } finally {
    store.close();
  }
}

/** The store and the simulated Windows file system (`<state>/fs`) together. */
export function snapshotState(state: string): { readonly store: unknown; readonly files: Record<string, string> } {
  return { store: snapshotStore(state), files: snapshotFiles(join(state, 'fs')) };
}

/** `exchcert ca issue` of the seed lifecycle: the request in the state's C:\install signed into the .cer beside it. */
export function seedCaIssueArgs(state: string): string[] {
  const install = join(state, 'fs', 'C', 'install');
  const out = join(install, 'webmail_exchangefun_nl.cer');
  return ['ca', 'issue', join(install, 'ssl-request.req'), '--out', out, '--state', state];
}
