import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadDesiredState } from '../../src/workflow/desired-state.js';

const dir = mkdtempSync(join(tmpdir(), 'exchcert-desired-'));

async function load(name: string, text: string) {
  writeFileSync(join(dir, name), text);
  return loadDesiredState(name, dir);
}

async function errorOf(name: string, text: string): Promise<string> {
  try {
    await load(name, text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('desired-state files', () => {
  it('reads YAML and JSON alike, PFX paths relative to the file', async () => {
    const yaml = await load(
      'd.yaml',
      'servers:\n  - name: EX1\n    certificate: { pfx: ./a.pfx }\n    services: [iis, SMTP]\n    removeOld: true\n',
    );
    expect(yaml.state.servers[0]).toEqual({
      name: 'EX1',
      certificate: { pfx: './a.pfx' },
      services: ['IIS', 'SMTP'],
      removeOld: true,
    });
    expect(yaml.pfxPaths).toEqual([join(dir, 'a.pfx')]);
    const json = await load('d.json', '{"servers":[{"name":"EX1","certificate":{"pfx":"a.pfx"}}]}');
    expect(json.state.servers[0]).toEqual({
      name: 'EX1',
      certificate: { pfx: 'a.pfx' },
      services: [],
      removeOld: false,
    });
  });
  it('names file:line:column and the key of every mistake', async () => {
    expect(
      await errorOf('s.yaml', 'servers:\n  - name: EX1\n    certificate: { pfx: a.pfx }\n    services: [IIS, SMPT]\n'),
    ).toBe(
      "s.yaml:4:21: servers[0].services[1]: 'SMPT' is not a service. Allowed: IIS, SMTP, POP, IMAP, UM, UMCallRouter",
    );
    expect(
      await errorOf('k.yaml', 'servers:\n  - name: EX1\n    certificate: { pfx: a.pfx }\n    password: x\n'),
    ).toMatch(/^k\.yaml:4:5: servers\[0\]\.password: /);
    expect(
      await errorOf('b.yaml', 'servers:\n  - name: EX1\n    removeOld: yes please\n    certificate: { pfx: a.pfx }\n'),
    ).toMatch(/^b\.yaml:3:16: servers\[0\]\.removeOld: /);
    expect(await errorOf('y.yaml', 'servers:\n  - name: EX1\n   bad: [\n')).toMatch(/^y\.yaml:\d+:\d+: /);
    expect(await errorOf('j.json', '{"servers": [ {"name": "EX1",, } ]}')).toMatch(/^j\.json:1:\d+: /);
    expect(await errorOf('e.yaml', 'servers: []\n')).toBe('e.yaml:1:10: servers: must list at least one server');
  });
  it('refuses a missing file with one line', async () => {
    await expect(loadDesiredState('nope.yaml', dir)).rejects.toThrow(
      "Cannot read desired-state file 'nope.yaml': ENOENT.",
    );
  });
});
