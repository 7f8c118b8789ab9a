// The report page in headless Chromium: it renders, and every server's timeline shows every certificate.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from '@jest/globals';
import { describeWithChromium, launchChromium } from '../support/chromium.js';
import { bin, cliEnv, root, tempDir } from './support/mock-cli.js';

function cli(cwd: string, args: readonly string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...cliEnv(), PFX_PW: 'Pass1word' },
  });
  if (r.status !== 0) throw new Error(`exchcert ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

describeWithChromium('exchcert report --html in headless Chromium', () => {
  it('renders a timeline item for every certificate on every server; a screenshot is kept', async () => {
    const cwd = tempDir('exchcert-page-');
    cli(cwd, [
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
      '--also-on',
      'RESEXCH01',
      '--password-env',
      'PFX_PW',
    ]);
    cli(cwd, ['mock', 'advance-clock', '320']); // the new certificate now expires within 60 days
    const report = JSON.parse(cli(cwd, ['report', '--json', '--html', 'report.html'])) as {
      servers: { server: string; certificates: { thumbprint: string; band: string }[] }[];
    };
    const expected = report.servers
      .flatMap((s) => s.certificates.map((c) => `${s.server}/${c.thumbprint}/${c.band}`))
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect(expected.some((e) => e.endsWith('/60-days') || e.endsWith('/30-days'))).toBe(true);
    const html = readFileSync(join(cwd, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|src=/);
    const context = await launchChromium();
    try {
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(r.url()));
      page.on('pageerror', (e) => failed.push(e.message));
      await page.goto(pathToFileURL(join(cwd, 'report.html')).href);
      expect(await page.title()).toMatch(/^Exchange certificate report \d{4}-\d\d-\d\d$/);
      const items = page.locator('svg.timeline g.timeline-item');
      const shown = await items.evaluateAll((nodes) =>
        nodes.map((n) => {
          const bar = n.querySelector('rect')!.getBoundingClientRect();
          return {
            key: `${n.getAttribute('data-server')}/${n.getAttribute('data-thumbprint')}/${n.getAttribute('data-band')}`,
            width: bar.width,
            height: bar.height,
          };
        }),
      );
      expect(shown.map((s) => s.key).sort()).toEqual(expected);
      for (const s of shown) expect(s.width > 0 && s.height > 0).toBe(true);
      expect(await page.locator('svg.timeline').count()).toBe(report.servers.length);
      expect(failed).toEqual([]);
      const dir = join(root, 'test-artifacts');
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, 'report-page.png'), fullPage: true });
      expect(readFileSync(join(dir, 'report-page.png')).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await context.close();
    }
  });
});
