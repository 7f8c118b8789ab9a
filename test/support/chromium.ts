// Debian's chromium, driven by playwright-core (npx playwright install cannot download browsers here).
import { accessSync, constants, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import type { BrowserContext } from 'playwright-core';

/** Flags headless Chromium needs as root in a container, without network chatter. */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/** Debian's chromium binary ($CHROMIUM, then /usr/lib/chromium/chromium, then the /usr/bin wrapper), or undefined. */
export function chromiumPath(): string | undefined {
  for (const c of [process.env.CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium']) {
    if (!c) continue;
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // next
    }
  }
  return undefined;
}

/**
 * Opens Chromium with a new empty user data folder (Playwright passes it as --user-data-dir).
 * @example const context = await launchChromium(); const page = await context.newPage(); await context.close();
 */
export async function launchChromium(): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'exchcert-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath()!,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1200, height: 900 },
  });
}

/** A describe() that needs Chromium: skipped with a notice when missing, failing when REQUIRE_CHROMIUM=1. */
export function describeWithChromium(name: string, fn: () => void): void {
  if (chromiumPath()) describe(name, fn);
  else if (process.env.REQUIRE_CHROMIUM === '1') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error('REQUIRE_CHROMIUM=1 but chromium was not found (apt-get install chromium, or set CHROMIUM)');
      });
    });
  } else {
    console.warn('SKIPPED: chromium not found (apt-get install chromium)');
    describe(name, () => {
      it.skip('SKIPPED: chromium not found (apt-get install chromium)', () => undefined);
    });
  }
}
