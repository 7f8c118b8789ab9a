// The neighbouring cmdlets inside runbooks, on the simulated organization: piping, ToString, default views, DateTime.
import { describe, expect, it } from '@jest/globals';
import { serverTarget } from '../../src/engine/org-state.js';
import { formatForHost } from '../../src/format/format-output.js';
import { interpret } from '../../src/interpreter/index.js';
import { BASE_TIME, testOrg } from '../engine/support/test-org.js';

async function runScript(script: string, connected = 'AMS-EXCH01'): Promise<{ text: string; errors: string[] }> {
  const org = await testOrg();
  const server = org.store.read((tx) => tx.getServer(connected))!;
  const result = await interpret(script, {
    exchange: org.exchange,
    fs: org.fs,
    shell: '5.1',
    connectedServer: connected,
    exchangeTarget: serverTarget(server),
    answers: { answer: () => null },
    now: () => new Date(BASE_TIME.getTime() + 3_600_000),
  });
  return {
    text: result.statements.map((s) => formatForHost(s.output, '5.1')).join('\n'),
    errors: result.errors.map((e) => e.message),
  };
}

describe('neighbouring cmdlets in runbooks', () => {
  it('a connector object pipes into Set-*Connector (-Identity by value) and "$x" is its Identity', async () => {
    const { text, errors } = await runScript(
      [
        "Get-SendConnector | Set-SendConnector -Comment 'managed by exchcert'",
        '(Get-SendConnector Internet).Comment',
        '"$(Get-ReceiveConnector -Server AMS-EXCH01)"',
        '(Get-ExchangeServer AMS-EXCH01).GetType().FullName',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(text.split('\n').filter((l) => l !== '')).toEqual([
      'managed by exchcert',
      'AMS-EXCH01\\Default AMS-EXCH01',
      'Microsoft.Exchange.Data.Directory.Management.ExchangeServer',
    ]);
  });

  it("objects without Format-* show Exchange's default table view; Select-Object copies lose it", async () => {
    const { text } = await runScript('Get-SendConnector\nGet-SendConnector | Select-Object Name, Enabled, Port');
    expect(text).toContain(
      'Identity AddressSpaces Enabled\n-------- ------------- -------\nInternet {SMTP:*;1}    True',
    );
    expect(text).toContain('Name     Enabled Port');
  });

  it("-NewCertificateEffectiveDate converts (Get-Date) and text; a non-date is PowerShell's transformation error", async () => {
    const ok = await runScript(
      [
        '$t = (Get-AuthConfig).CurrentCertificateThumbprint',
        "Set-AuthConfig -NewCertificateThumbprint $t -NewCertificateEffectiveDate '12/31/2030'",
        "(Get-AuthConfig).NextCertificateEffectiveDate.ToString('yyyy-MM-dd')",
      ].join('\n'),
    );
    expect(ok.errors).toEqual([]);
    expect(ok.text.trim()).toBe('2030-12-31');
    const bad = await runScript(
      "Set-AuthConfig -NewCertificateThumbprint 1234567890ABCDEF1234567890ABCDEF12345678 -NewCertificateEffectiveDate 'soon'",
    );
    expect(bad.errors[0]).toMatch(
      /^Cannot process argument transformation on parameter 'NewCertificateEffectiveDate'\./,
    );
  });

  it('Set-AuthConfig without an answer to the 48-hour question stops with the non-interactive error; nothing changes', async () => {
    const { text, errors } = await runScript(
      [
        '$t = (Get-AuthConfig).CurrentCertificateThumbprint',
        'Set-AuthConfig -NewCertificateThumbprint $t -NewCertificateEffectiveDate (Get-Date)',
        '$null -eq (Get-AuthConfig).NextCertificateThumbprint',
      ].join('\n'),
    );
    expect(errors[0]).toMatch(/NonInteractive mode/);
    expect(text.trim()).toBe('True');
  });

  it("a cmdlet the connected server's Exchange lacks is not found (Get-AuthConfig on 2010, Get-ClientAccessService on 2013)", async () => {
    const on2010 = await runScript('Get-AuthConfig', 'RESEXCH01');
    expect(on2010.errors[0]).toMatch(/^The term 'Get-AuthConfig' is not recognized as the name of a cmdlet/);
    const on2013 = await runScript('Get-ClientAccessService');
    expect(on2013.errors[0]).toMatch(/^The term 'Get-ClientAccessService' is not recognized/);
  });

  it('-NewCertificateEffectiveDate with a $null thumbprint (a failed New-ExchangeCertificate) is refused', async () => {
    const { errors, text } = await runScript(
      [
        '$none = $null',
        "Set-AuthConfig -NewCertificateThumbprint $none.Thumbprint -NewCertificateEffectiveDate '12/31/2030'",
        '$null -eq (Get-AuthConfig).NextCertificateEffectiveDate',
      ].join('\n'),
    );
    expect(errors).toEqual(['Specify the new certificate with the NewCertificateThumbprint parameter.']);
    expect(text.trim()).toBe('True');
  });
});
