// Each bootstrap is a golden file; real pwsh parses every one without errors.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrapText } from '../../../src/backend/session/bootstrap.js';
import { remoteBackend } from '../../../src/backend/session/remote-backend.js';
import { findPwsh } from '../../../src/backend/session/find-pwsh.js';
import { PwshMissingError } from '../../../src/backend/session/session-errors.js';
import { exchangeTargetOfBuild, shellOfVersion } from '../../../src/backend/session/exchange-build.js';
import { describeWithPwsh, parseWithPwsh } from '../../support/pwsh.js';
import { BOOTSTRAP_CASES } from './bootstrap-cases.js';

describe('bootstrap goldens', () => {
  it.each(BOOTSTRAP_CASES.map((c) => [c.file, c] as const))('%s is the generated text', (_f, c) => {
    expect(c.text()).toBe(readFileSync(join('fixtures', 'bootstrap', c.file), 'utf8'));
  });
  it('--bootstrap none is empty; an unreadable FILE names the option', () => {
    expect(bootstrapText('none', 'x')).toBe('');
    expect(bootstrapText(undefined, 'x')).toBe('x');
    expect(() => bootstrapText('/no/such/connect.ps1', 'x')).toThrow(
      "--bootstrap '/no/such/connect.ps1' is neither exchange, none nor a readable file (ENOENT).",
    );
  });
  it('remote on Linux says WSMan is unavailable and points to ssh; it needs a server', () => {
    expect(() => remoteBackend({ remoteServer: 'ams-exch01' }, 'linux')).toThrow(/WSMan.*--backend ssh/);
    expect(() => remoteBackend({}, 'linux')).toThrow(
      '--backend remote needs --remote-server NAME or --connection-uri URI.',
    );
  });
  it('a missing pwsh is one line saying how to install it', () => {
    expect(() => findPwsh('/no/such/pwsh')).toThrow(PwshMissingError);
    expect(() => findPwsh('/no/such/pwsh')).toThrow(
      /^\/no\/such\/pwsh is not an executable PowerShell\. PowerShell 7 \(pwsh\) was not found\. Install it/,
    );
  });
  it('reads Exchange builds and shell versions', () => {
    expect(exchangeTargetOfBuild('Version 15.1 (Build 2507.6)')?.label).toBe('2016-CU23');
    expect(exchangeTargetOfBuild('Version 15.2 (Build 986.5)')?.label).toBe('2019-CU11');
    expect(exchangeTargetOfBuild('Version 15.2 (Build 2562.17)')?.label).toBe('SE');
    expect(exchangeTargetOfBuild('Version 14.3 (Build 123.4)')?.label).toBe('2010');
    expect(exchangeTargetOfBuild(null)).toBeUndefined();
    expect(shellOfVersion('5.1.17763.316')).toBe('5.1');
    expect(shellOfVersion('7.6.9')).toBe('7');
    expect(shellOfVersion('2.0')).toBe('2.0');
  });
});

describeWithPwsh('bootstrap goldens parsed by real pwsh', () => {
  it('every bootstrap parses without errors', async () => {
    const texts = BOOTSTRAP_CASES.map((c) => readFileSync(join('fixtures', 'bootstrap', c.file), 'utf8'));
    const reports = await parseWithPwsh(texts);
    expect(reports.map((r) => r.errors)).toEqual(texts.map(() => []));
    const names = reports.map((r) => r.commands.map((c) => c.name));
    expect(names[0]).toEqual(expect.arrayContaining(['Connect-ExchangeServer', 'Add-PSSnapin']));
    expect(names[1]).toEqual(expect.arrayContaining(['New-PSSession', 'Import-PSSession', 'Import-Module']));
    expect(names[3]).toEqual(['New-PSSession']);
    expect(names[4]).toEqual(['New-PSSession']);
    expect(names[5]).toEqual(expect.arrayContaining(['Invoke-Command']));
  });
});
