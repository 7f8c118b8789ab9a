// The seed lifecycle through `exchcert run --backend sim` (real pwsh + ExchcertSim), split at the vendor CA step, over
// both transports (the text runner and our PSRP client).
import { beforeAll, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from '@jest/globals';
import { TRANSPORT_KINDS } from '../../src/backend/session/transport-kind.js';
import { describeWithPwsh } from '../support/pwsh.js';
import { exchcert, root, seedCaIssueArgs } from './support/mock-cli.js';

const runbooks = join(root, 'fixtures', 'runbooks');

for (const transport of TRANSPORT_KINDS)
  describeWithPwsh(`the seed lifecycle on --backend sim over ${transport}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'exchcert-seed-sim-'));
    const state = join(dir, 'state');
    const install = join(state, 'fs', 'C', 'install');
    const sim = ['--backend', 'sim', '--state', state, '--transport', transport];
    let issued = '';
    let two: { code: number | null; out: string; err: string };
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    beforeAll(() => {
      mkdirSync(install, { recursive: true }); // the admin's C:\install, as on the server
      const one = exchcert(['run', join(runbooks, 'seed-part-one.ps1'), ...sim]);
      expect(one.code).toBe(0);
      const ca = exchcert(seedCaIssueArgs(state));
      expect(ca.code).toBe(0);
      issued = /thumbprint ([0-9A-F]{40})/.exec(ca.out)![1]!;
      two = exchcert(['run', join(runbooks, 'seed-part-two.ps1'), ...sim, '--answer', 'Y', '--json']);
    }, 300_000);

    it('runs part two without errors and installs the issued certificate on both servers', () => {
      expect(two.code).toBe(0);
      const result = JSON.parse(two.out) as { ok: boolean; backend: string };
      expect(result).toMatchObject({ ok: true, backend: 'sim' });
      expect(readFileSync(join(install, 'ssl-request.req'), 'latin1')).toMatch(
        /^-----BEGIN NEW CERTIFICATE REQUEST-----\r\n/,
      );
      expect(readFileSync(join(install, 'webmail_exchangefun_nl.pfx'))[0]).toBe(0x30);
      for (const server of ['AMS-EXCH01', 'RESEXCH01']) {
        const got = exchcert(['get', ...sim, '--server', server, '--thumbprint', issued, '--json']);
        expect(got.code).toBe(0);
        expect(got.out).toContain(issued);
      }
    }, 300_000);

    it('leaves the PFX password nowhere in the state folder', () => {
      for (const f of readdirSync(state, { recursive: true, withFileTypes: true }))
        if (f.isFile()) expect(readFileSync(join(f.parentPath, f.name)).includes('Pass1word')).toBe(false);
    });
  });
