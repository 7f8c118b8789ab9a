import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { isExchcertError } from '../../src/errors/exchcert-error.js';

function dir(files: Record<string, string> = {}): string {
  const d = mkdtempSync(join(tmpdir(), 'exchcert-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(isExchcertError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('resolveConfig', () => {
  it('defaults to the mock and ./.exchcert', () => {
    const cwd = dir();
    const c = resolveConfig({ env: {}, cwd });
    expect(c.backend).toEqual({ value: 'mock', source: 'default', origin: 'built-in' });
    expect(c.state).toEqual({ value: join(cwd, '.exchcert'), source: 'default', origin: 'built-in' });
    expect(c.configFile).toBeNull();
  });
  it('takes option over environment over config file over default', () => {
    const cwd = dir({ 'exchcert.config.json': '{ "backend": "print", "state": "cfg-state", "servers": ["EX1"] }' });
    const fromFile = resolveConfig({ env: {}, cwd });
    expect(fromFile.backend).toEqual({ value: 'print', source: 'config', origin: 'exchcert.config.json' });
    expect(fromFile.state.value).toBe(join(cwd, 'cfg-state'));
    expect(fromFile.servers?.value).toEqual(['EX1']);
    const fromEnv = resolveConfig({ env: { EXCHCERT_BACKEND: 'local', EXCHCERT_STATE: '/tmp/env-state' }, cwd });
    expect(fromEnv.backend).toEqual({ value: 'local', source: 'environment', origin: 'EXCHCERT_BACKEND' });
    expect(fromEnv.state).toEqual({ value: '/tmp/env-state', source: 'environment', origin: 'EXCHCERT_STATE' });
    const fromOption = resolveConfig({ backend: 'mock', state: 'opt', env: { EXCHCERT_BACKEND: 'local' }, cwd });
    expect(fromOption.backend).toEqual({ value: 'mock', source: 'option', origin: '--backend' });
    expect(fromOption.state).toEqual({ value: join(cwd, 'opt'), source: 'option', origin: '--state' });
  });
  it('reads the exchcert key of package.json when there is no exchcert.config.json', () => {
    const cwd = dir({ 'package.json': '{ "name": "ops", "exchcert": { "state": "ops-state" } }' });
    const c = resolveConfig({ env: {}, cwd });
    expect(c.state).toEqual({ value: join(cwd, 'ops-state'), source: 'config', origin: 'package.json#exchcert' });
    expect(resolveConfig({ env: {}, cwd: dir({ 'package.json': '{ "name": "plain" }' }) }).configFile).toBeNull();
  });
  it('refuses a bad config file with file:line:column and the key', () => {
    const unknown = dir({ 'exchcert.config.json': '{\n  "backend": "mock",\n  "stat": "x"\n}\n' });
    expect(errorOf(() => resolveConfig({ env: {}, cwd: unknown }))).toMatch(/^exchcert\.config\.json:3:3: stat: /);
    const wrongType = dir({ 'package.json': '{\n  "name": "ops",\n  "exchcert": {\n    "servers": "EX1"\n  }\n}\n' });
    expect(errorOf(() => resolveConfig({ env: {}, cwd: wrongType }))).toBe(
      'package.json:4:16: exchcert.servers: must be a list of server names',
    );
    const syntax = dir({ 'exchcert.config.json': '{\n  "backend": "mock",,\n}\n' });
    expect(errorOf(() => resolveConfig({ env: {}, cwd: syntax }))).toMatch(/^exchcert\.config\.json:2:\d+: /);
  });
});
