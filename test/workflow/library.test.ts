import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { config, createLogger, secret, workflows } from '../../src/index.js';

describe('the workflows as a library (README example)', () => {
  it('renews on the mock and reports the new certificate holding IIS', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'exchcert-lib-'));
    const { backend, state } = config.resolveConfig({ env: {}, cwd });
    const target = await workflows.openWorkflowTarget(backend.value, state.value);
    const lines: string[] = [];
    const ctx = { target, log: createLogger({ level: 'silent' }), onStep: (s: { line: string }) => lines.push(s.line) };
    try {
      const r = await workflows.renew(ctx, {
        server: 'AMS-EXCH01',
        subjectName: 'CN=mail.contoso.com',
        domainNames: ['mail.contoso.com'],
        services: ['IIS'],
        ca: 'mock',
        password: secret('Pass1word', { name: 'ExchcertPassword' }),
        cwd,
      });
      expect(r.status).toBe('completed');
      expect(lines.map((l) => l.split(' ')[0])).toEqual([
        'New-ExchangeCertificate',
        'Import-ExchangeCertificate',
        'Enable-ExchangeCertificate',
        'Export-ExchangeCertificate',
      ]);
      const report = await workflows.buildReport(ctx, { servers: ['ams-exch01'] });
      expect(report.servers[0]!.iis).toContain(r.thumbprint);
      expect(workflows.reportHtml(report)).toContain(`data-thumbprint="${r.thumbprint}"`);
    } finally {
      await target.close();
    }
  });
  it('refuses a backend that cannot run workflows', async () => {
    await expect(workflows.openWorkflowTarget('print', '/tmp/x')).rejects.toThrow(
      "--backend 'print' cannot run workflows (they read what they change). Allowed: mock, local, remote, ssh, sim. " +
        'To see the lines without running them, use --what-if.',
    );
    await expect(workflows.openWorkflowTarget('nope', '/tmp/x')).rejects.toThrow("--backend 'nope' is not a backend.");
  });
});
