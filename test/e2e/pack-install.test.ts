// `npm pack`, then the tarball installed in an empty folder: `npx exchcert --help` and `npx exchcert renew` on the mock
// work from the installed package alone (the built dist/ of `npm test` is what gets packed).
// Offline: the install is `npm ci --offline` over a lockfile made from this project's own (the tarball plus the
// production entries, whose tarballs `npm ci` left in npm's cache); install scripts are skipped and the one native
// addon, better-sqlite3's, is copied from this project's build of the very same version instead of compiled again.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { cliEnv, root, tempDir } from './support/mock-cli.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function sh(cmd: string, args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...cliEnv(), ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface LockEntry {
  readonly dev?: boolean;
  readonly link?: boolean;
}

/** A lockfile for a folder depending on the tarball alone: its entry and this project's production entries. */
function lockfileFor(tarball: string): object {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name: 'empty-app', dependencies: { exchcert: `file:${tarball}` } },
    'node_modules/exchcert': {
      version: pkg['version'],
      resolved: `file:${tarball}`,
      integrity,
      license: pkg['license'],
      dependencies: pkg['dependencies'],
      bin: pkg['bin'],
      engines: pkg['engines'],
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path !== '' && !entry.dev && !entry.link) packages[path] = entry;
  }
  return { name: 'empty-app', lockfileVersion: 3, requires: true, packages };
}

describe('the packed package, installed in an empty folder', () => {
  it('npx exchcert --help and npx exchcert renew on the mock work', () => {
    const work = tempDir('exchcert-pack-');
    const packed = sh(npm, ['pack', root, '--pack-destination', work, '--silent'], work);
    expect(packed.code).toBe(0);
    const tarball = join(
      work,
      readdirSync(work).find((f) => f.endsWith('.tgz'))!,
    );
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'empty-app', private: true, dependencies: { exchcert: `file:${tarball}` } }),
    );
    writeFileSync(join(app, 'package-lock.json'), JSON.stringify(lockfileFor(tarball)));
    const installed = sh(npm, ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], app);
    expect({ code: installed.code, err: installed.err }).toEqual({ code: 0, err: '' });
    const addon = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    mkdirSync(join(app, addon, '..'), { recursive: true });
    copyFileSync(join(root, addon), join(app, addon));
    // Only what the package ships: no src/, no tests.
    expect(existsSync(join(app, 'node_modules', 'exchcert', 'src'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'exchcert', 'powershell', 'runner', 'runner.ps1'))).toBe(true);

    const help = sh(npx, ['--offline', 'exchcert', '--help'], app);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^exchcert <command> \[options\]/);
    for (const command of ['renew', 'deploy', 'report', 'plan', 'apply']) {
      expect(help.out).toContain(`exchcert ${command}`);
    }

    const renew = sh(
      npx,
      [
        '--offline',
        'exchcert',
        'renew',
        '--server',
        'AMS-EXCH01',
        '--subject-name',
        'CN=mail.contoso.com',
        '--domain-name',
        'mail.contoso.com',
        '--services',
        'IIS,SMTP',
        '--ca',
        'mock',
        '--password-env',
        'PFX_PW',
      ],
      app,
      { PFX_PW: 'Pass1word' },
    );
    expect(renew.err).toBe('');
    expect(renew.code).toBe(0);
    expect(renew.out).toMatch(/^Renewed: [0-9A-F]{40} is in service; PFX backup at .*mail_contoso_com\.pfx\.$/m);
    expect(existsSync(join(app, 'mail_contoso_com.pfx'))).toBe(true);
  }, 300_000);
});
