// The request/CA form of the desired state: request -> issue -> import -> enable -> remove old, applied once, then
// nothing to do; mistakes named at file:line:column.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { createLogger } from '../../src/log/create-logger.js';
import { secret } from '../../src/node/secret.js';
import { applyPlan } from '../../src/workflow/apply.js';
import { listCertificates } from '../../src/workflow/certificate-inventory.js';
import { loadDesiredState } from '../../src/workflow/desired-state.js';
import { openWorkflowTarget } from '../../src/workflow/open-workflow-target.js';
import { makePlan } from '../../src/workflow/plan.js';
import { renew } from '../../src/workflow/renew.js';
import type { StepRecord, WorkflowContext } from '../../src/workflow/run-step.js';

const password = secret('Pass1word', { name: 'ExchcertPassword' });

const DESIRED = `servers:
  - name: AMS-EXCH01
    certificate:
      request: { subjectName: CN=mail.contoso.com, domainNames: [mail.contoso.com, autodiscover.contoso.com] }
      ca: mock
    services: [IIS, SMTP]
    removeOld: true
`;

async function errorOf(dir: string, name: string, text: string): Promise<string> {
  writeFileSync(join(dir, name), text);
  try {
    await loadDesiredState(name, dir);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('desired state: certificate { request, ca: mock }', () => {
  it('plans request -> issue -> import -> enable -> remove old; applies it; the next plan is empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exchcert-plan-request-'));
    const target = await openWorkflowTarget('mock', join(dir, '.exchcert'));
    const steps: StepRecord[] = [];
    const ctx: WorkflowContext = { target, log: createLogger({ level: 'silent' }), onStep: (s) => steps.push(s) };
    try {
      // An older certificate for the same names under another subject, holding IIS.
      const old = await renew(ctx, {
        server: 'AMS-EXCH01',
        subjectName: 'CN=autodiscover.contoso.com',
        domainNames: ['autodiscover.contoso.com'],
        services: ['IIS'],
        ca: 'mock',
        password,
        cwd: dir,
      });
      steps.length = 0;
      writeFileSync(join(dir, 'desired.yaml'), DESIRED);
      const loaded = await loadDesiredState('desired.yaml', dir);
      expect(loaded.pfxPaths).toEqual([null]);
      const plan = await makePlan(ctx, loaded, password);
      expect(plan.refusals).toEqual([]);
      expect(plan.actions.map((a) => `${a.step}: ${a.line}`)).toEqual([
        "request: New-ExchangeCertificate -GenerateRequest -Server 'AMS-EXCH01' -SubjectName 'CN=mail.contoso.com' " +
          "-DomainName 'mail.contoso.com','autodiscover.contoso.com' -PrivateKeyExportable $true",
        'issue: # the mock CA issues the certificate for this request',
        "import: Import-ExchangeCertificate -Server 'AMS-EXCH01' -FileData $ExchcertFileData",
        "enable: Enable-ExchangeCertificate -Server 'AMS-EXCH01' -Thumbprint $ExchcertThumbprint " +
          "-Services 'IIS','SMTP' -Force",
        `remove: Remove-ExchangeCertificate -Server 'AMS-EXCH01' -Thumbprint '${old.thumbprint}' -Confirm:$false`,
      ]);
      const applied = await applyPlan(ctx, plan);
      expect(applied.failed).toBeNull();
      expect(applied.done.map((s) => s.step)).toEqual(['request', 'issue', 'import', 'enable', 'remove']);
      const server = { name: 'AMS-EXCH01', exchange: (await target.org.servers())[0]!.exchange };
      const certs = await listCertificates(ctx, server);
      const issued = certs.filter((c) => c.subject === 'CN=mail.contoso.com');
      expect(issued).toHaveLength(1);
      expect(issued[0]).toMatchObject({ status: 'Valid', services: expect.arrayContaining(['IIS', 'SMTP']) });
      expect(certs.some((c) => c.thumbprint === old.thumbprint)).toBe(false);
      expect(certs.some((c) => c.status === 'PendingRequest')).toBe(false);
      const again = await makePlan(ctx, await loadDesiredState('desired.yaml', dir), password);
      expect(again).toEqual({ actions: [], refusals: [] });
    } finally {
      await target.close();
    }
  });
  it('names the key and line of every mistake in the request form', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exchcert-plan-request-'));
    const head = 'servers:\n  - name: AMS-EXCH01\n    certificate:\n';
    expect(await errorOf(dir, 'a.yaml', `${head}      request: { subjectName: CN=x, domainNames: [x] }\n`)).toBe(
      'a.yaml:4:16: servers[0].certificate.request: a request needs ca: mock (the CA that issues it)',
    );
    expect(await errorOf(dir, 'b.yaml', `${head}      pfx: a.pfx\n      ca: mock\n`)).toBe(
      'b.yaml:5:11: servers[0].certificate.ca: give either pfx, or request with ca, not both',
    );
    const empty = `${head}      request: { subjectName: CN=x, domainNames: [] }\n      ca: mock\n`;
    expect(await errorOf(dir, 'c.yaml', empty)).toBe(
      'c.yaml:4:50: servers[0].certificate.request.domainNames: must list at least one DNS name',
    );
    const digicert = `${head}      request: { subjectName: CN=x, domainNames: [x] }\n      ca: digicert\n`;
    expect(await errorOf(dir, 'd.yaml', digicert)).toBe(
      "d.yaml:5:11: servers[0].certificate.ca: must be 'mock' (the mock backend's simulated vendor CA)",
    );
    expect(await errorOf(dir, 'e.yaml', `${head}      {}\n`)).toMatch(
      /^e\.yaml:4:7: servers\[0\]\.certificate: must name a PFX \(\{ pfx: PATH \}\) or a request/,
    );
  });
  it('refuses ca: mock on a backend without the simulated CA, at the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exchcert-plan-request-'));
    const mock = await openWorkflowTarget('mock', join(dir, '.exchcert'));
    const { issue: _issue, ...org } = mock.org;
    const target = { ...mock, org };
    writeFileSync(join(dir, 'desired.yaml'), DESIRED);
    try {
      const loaded = await loadDesiredState('desired.yaml', dir);
      await expect(makePlan({ target, log: createLogger({ level: 'silent' }) }, loaded, password)).rejects.toThrow(
        /^desired\.yaml:5:11: servers\[0\]\.certificate\.ca: ca: mock needs the mock backend/,
      );
    } finally {
      await mock.close();
    }
  });
});
