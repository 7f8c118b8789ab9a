// Test helper: runs the openssl CLI on temp files, for independent checks of what src/pki produces.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The outcome of one openssl run. */
export interface OpensslResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A scratch directory with helpers to write, read and run openssl in it. */
export interface Scratch {
  readonly dir: string;
  path(name: string): string;
  write(name: string, data: string | Uint8Array): string;
  read(name: string): Buffer;
  openssl(...args: string[]): OpensslResult;
  remove(): void;
}

/** Creates a scratch directory under the OS temp dir. */
export function scratch(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'exchcert-pki-'));
  const path = (name: string): string => join(dir, name);
  return {
    dir,
    path,
    write(name, data) {
      writeFileSync(path(name), data);
      return path(name);
    },
    read: (name) => readFileSync(path(name)),
    openssl(...args) {
      const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
      return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
