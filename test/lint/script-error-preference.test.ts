import { describe, expect, it } from '@jest/globals';
import { lint } from '../../src/lint/lint.js';

const T = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';
const found = (text: string) => lint(text, { file: 'r.ps1' }).filter((d) => d.rule === 'script-error-preference');

describe('lint rule script-error-preference', () => {
  it('flags a script-level $ErrorActionPreference that Exchange cmdlets without -ErrorAction rely on, at the statement', () => {
    const text = `Set-StrictMode -Version 2\n$ErrorActionPreference = 'Stop'\ntry { Enable-ExchangeCertificate ${T} -Services IIS } catch { 'x' }`;
    const d = found(text);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'warning', line: 2, column: 1 });
    expect(d[0]!.message).toMatch(/Enable-ExchangeCertificate \(line 3\)/);
    expect(d[0]!.suggestion).toMatch(/-ErrorAction Stop/);
    expect(d[0]!.extent).toMatchObject({ startOffset: 26, text: "$ErrorActionPreference = 'Stop'" });
  });

  it('flags it inside a function too, and names every Exchange call that relies on it', () => {
    const text = `function Renew {\n  $ErrorActionPreference = 'Stop'\n  Get-ExchangeCertificate\n}\nRemove-ExchangeCertificate ${T} -Confirm:$false`;
    const d = found(text);
    expect(d.map((x) => x.line)).toEqual([2]);
    expect(d[0]!.message).toMatch(/Get-ExchangeCertificate \(line 3\), Remove-ExchangeCertificate \(line 5\)/);
  });

  it('stays quiet for $global:, for calls with -ErrorAction, and for scripts without Exchange cmdlets', () => {
    expect(found(`$global:ErrorActionPreference = 'Stop'\nGet-ExchangeCertificate`)).toEqual([]);
    expect(found(`$ErrorActionPreference = 'Stop'\nGet-ExchangeCertificate -ErrorAction Stop`)).toEqual([]);
    expect(found(`$ErrorActionPreference = 'Stop'\nGet-Content C:\\x.txt`)).toEqual([]);
  });
});
