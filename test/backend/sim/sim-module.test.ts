// The ExchcertSim module in real pwsh: Exchange's binding, views, error records and questions; the engine's faults.
import { afterAll, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_EXCHANGE_CMDLETS, shellView } from '../../../src/spec/registry.js';
import { describeWithPwsh } from '../../support/pwsh.js';
import { enginePid, modulePath, runPwsh, stopEngine } from './sim-support.js';

const dirs: string[] = [];
const states: string[] = [];
afterAll(async () => {
  for (const s of states) await stopEngine(s);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sim-'));
  dirs.push(dir);
  return dir;
}

describeWithPwsh('ExchcertSim in real pwsh', () => {
  it('exports the six cmdlets and their neighbours with the tables’ parameters and Exchange’s ShouldProcess settings', async () => {
    const dir = tempDir();
    const r = await runPwsh(
      `foreach ($c in (Get-Module ExchcertSim).ExportedFunctions.Values | Sort-Object Name) {
  $b = $c.ScriptBlock.Attributes | Where-Object { $_ -is [System.Management.Automation.CmdletBindingAttribute] }
  "$($c.Name)|$($b.SupportsShouldProcess)|$($b.ConfirmImpact)|$((@($c.Parameters.Keys | Where-Object { [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters -notcontains $_ }) | Sort-Object) -join ',')"
}`,
      dir,
    );
    expect(r.err).toBe('');
    const expected = [...ALL_EXCHANGE_CMDLETS]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => {
        const names = shellView(c, '7')
          .parameters.filter((p) => !p.common && !['WhatIf', 'Confirm'].includes(p.name))
          .map((p) => p.name)
          .sort();
        // pwsh reports ConfirmImpact None for a function without SupportsShouldProcess.
        const impact = c.supportsShouldProcess ? c.confirmImpact : 'None';
        return `${c.name}|${c.supportsShouldProcess ? 'True' : 'False'}|${impact}|${names.join(',')}`;
      });
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => l.trim());
    expect(lines.map((l) => l.split('|').slice(0, 3).join('|'))).toEqual(
      expected.map((l) => l.split('|').slice(0, 3).join('|')),
    );
    expect(lines.map((l) => l.split('|')[3]!.split(',').sort())).toEqual(
      expected.map((l) => l.split('|')[3]!.split(',').sort()),
    );
  }, 120_000);

  it('answers with Exchange’s objects, views, error records, -WhatIf and the non-interactive question', async () => {
    const dir = tempDir();
    const state = join(dir, '.exchcert');
    states.push(state);
    const r = await runPwsh(
      `Get-ExchangeCertificate | Sort-Object Subject | Select-Object -First 1 | Out-String -Width 120
Get-ExchangeCertificate | Where-Object Subject -eq 'CN=AMS-EXCH01' | Format-List | Out-String -Width 200
$c = Get-ExchangeCertificate | Select-Object -First 1
"types: $($c.PSTypeNames[0]) x509: $($c -is [System.Security.Cryptography.X509Certificates.X509Certificate2])"
"computer: $env:COMPUTERNAME"
Get-ExchangeCertificate -Thumbprint 0000000000000000000000000000000000000000 -ErrorVariable ev -ErrorAction SilentlyContinue
"id: $($ev[0].FullyQualifiedErrorId)"
"category: $($ev[0].CategoryInfo.Category)"
"message: $($ev[0].Exception.Message)"
try { Get-ExchangeCertificate -Thumbprint 0000000000000000000000000000000000000000 -ErrorAction Stop; 'not stopped' } catch { 'stopped' }
New-ExchangeCertificate -SubjectName 'CN=whatif.contoso.com' -Services IIS -WhatIf
"count after WhatIf: $(@(Get-ExchangeCertificate).Count)"
try { New-ExchangeCertificate -SubjectName 'CN=smtp.contoso.com' -Services SMTP -ErrorAction Stop } catch { "asked: $($_.Exception.Message)" }
$n = New-ExchangeCertificate -SubjectName 'CN=smtp.contoso.com' -Services SMTP -Force
"new: $($n.Subject) $($n.Services)"
$r = New-ExchangeCertificate -SubjectName 'CN=gone.contoso.com' -Services None
"count before Remove: $(@(Get-ExchangeCertificate).Count)"
$r | Remove-ExchangeCertificate -Confirm:$false
"count after Remove: $(@(Get-ExchangeCertificate).Count)"`,
      dir,
    );
    expect(r.err).toBe('');
    const out = r.out;
    expect(out).toMatch(/Thumbprint {32}Services {3}Subject\n-{10} {32}-{8} {3}-{7}\n[0-9A-F]{40} {2}[A-Z.]{7} {4}CN=/);
    const list = out.slice(out.indexOf('AccessRules'));
    const order = [
      'AccessRules',
      'CertificateDomains',
      'HasPrivateKey',
      'IsSelfSigned',
      'Issuer',
      'NotAfter',
      'NotBefore',
    ];
    expect(order.map((p) => list.indexOf(`${p} `))).toEqual(
      [...order.map((p) => list.indexOf(`${p} `))].sort((a, b) => a - b),
    );
    expect(out).toContain(
      'types: Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate x509: True',
    );
    expect(out).toContain('computer: AMS-EXCH01');
    expect(out).toMatch(
      /id: \[Server=AMS-EXCH01,RequestId=[0-9a-f-]+,TimeStamp=[^\]]+\] \[FailureCategory=Cmdlet-\w+\] [0-9A-F]{8},Microsoft\.Exchange\.Management\.SystemConfigurationTasks\.GetExchangeCertificate\n/,
    );
    expect(out).toContain('category: NotSpecified');
    expect(out).toContain(
      'message: A special Rpc error occurs on server AMS-EXCH01: The certificate with thumbprint 0000000000000000000000000000000000000000 was not found.',
    );
    expect(out).toContain('stopped\n');
    expect(out).toContain(
      "What if: Creating a self-signed certificate with friendly name 'Microsoft Exchange', subject 'CN=whatif.contoso.com'",
    );
    expect(out).toContain('count after WhatIf: 3');
    expect(out).toContain(
      'asked: PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
    );
    expect(out).toContain('new: CN=smtp.contoso.com SMTP');
    expect(out).toContain('count before Remove: 6\n');
    expect(out).toContain('count after Remove: 5\n');
  }, 180_000);

  it('writes the neighbours’ objects typed and viewed as Exchange’s, asks Set-AuthConfig’s question, keeps $null', async () => {
    const dir = tempDir();
    const state = join(dir, '.exchcert');
    states.push(state);
    const r = await runPwsh(
      `$s = Get-ExchangeServer -Identity AMS-EXCH01
"server: $($s.PSTypeNames[0]) text: $s"
Get-ExchangeServer | Out-String -Width 120
"auth: $((Get-AuthConfig).PSTypeNames[0]) text: $(Get-AuthConfig)"
"send: $((Get-SendConnector).PSTypeNames[0]) receive: $(@(Get-ReceiveConnector)[0].PSTypeNames[0])"
"pop: $((Get-PopSettings).PSTypeNames[0]) imap: $((Get-ImapSettings).PSTypeNames[0])"
$c = New-ExchangeCertificate -SubjectName 'CN=auth.contoso.com' -Services None
try { Set-AuthConfig -NewCertificateThumbprint $c.Thumbprint -NewCertificateEffectiveDate (Get-Date) -ErrorAction Stop } catch { "asked: $($_.Exception.Message)" }
"next after refusal: [$((Get-AuthConfig).NextCertificateThumbprint)]"
Set-AuthConfig -NewCertificateThumbprint $c.Thumbprint -NewCertificateEffectiveDate (Get-Date) -Force
"next: $((Get-AuthConfig).NextCertificateThumbprint -eq $c.Thumbprint)"
"all by null: $(@(Get-ExchangeCertificate -Thumbprint $null).Count -eq @(Get-ExchangeCertificate).Count)"
Get-ExchangeCertificate -Thumbprint '' -ErrorAction SilentlyContinue -ErrorVariable ev
"empty refused: $($ev.Count)"`,
      dir,
    );
    expect(r.err).toBe('');
    expect(r.out).toContain('server: Microsoft.Exchange.Data.Directory.Management.ExchangeServer text: AMS-EXCH01');
    expect(r.out).toMatch(/\nName {7}Site {2,}ServerRole {2,}Edition {2,}AdminDisp/);
    expect(r.out).toContain(
      'auth: Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthConfig text: Auth Configuration',
    );
    expect(r.out).toContain(
      'send: Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig receive: Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector',
    );
    expect(r.out).toContain(
      'pop: Microsoft.Exchange.Data.Directory.SystemConfiguration.Pop3AdConfiguration imap: Microsoft.Exchange.Data.Directory.SystemConfiguration.Imap4AdConfiguration',
    );
    expect(r.out).toContain(
      'asked: PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
    );
    expect(r.out).toContain('next after refusal: []');
    expect(r.out).toContain('next: True');
    expect(r.out).toContain('all by null: True');
    expect(r.out).toContain('empty refused: 1');
  }, 180_000);

  it('finds the state from EXCHCERT_STATE, then exchcert.config.json, then ./.exchcert', async () => {
    const dir = tempDir();
    const viaEnv = join(dir, 'env-state');
    const viaConfig = join(dir, 'cfg', 'config-state');
    states.push(viaEnv, viaConfig, join(dir, 'plain', '.exchcert'));
    mkdirSync(join(dir, 'cfg'));
    mkdirSync(join(dir, 'plain'));
    writeFileSync(join(dir, 'cfg', 'exchcert.config.json'), JSON.stringify({ state: 'config-state' }));
    const script = `$null = Get-ExchangeCertificate\n(& (Get-Module ExchcertSim) { Get-ExchcertSimState })`;
    const [env, config, plain] = await Promise.all([
      runPwsh(script, join(dir, 'cfg'), { EXCHCERT_STATE: viaEnv }),
      runPwsh(script, join(dir, 'cfg')),
      runPwsh(script, join(dir, 'plain')),
    ]);
    expect(env.out.trim()).toBe(viaEnv);
    expect(config.out.trim()).toBe(viaConfig);
    expect(plain.out.trim()).toBe(join(dir, 'plain', '.exchcert'));
    for (const s of [viaEnv, viaConfig]) expect(await enginePid(s)).not.toBeNull();
  }, 180_000);

  it('restarts a killed engine on the next call (nothing lost) and serves two pwsh sessions at once', async () => {
    const dir = tempDir();
    const state = join(dir, '.exchcert');
    states.push(state);
    const made = await runPwsh(
      `(New-ExchangeCertificate -SubjectName 'CN=keep.contoso.com' -Services None).Thumbprint`,
      dir,
    );
    const thumbprint = made.out.trim();
    expect(thumbprint).toMatch(/^[0-9A-F]{40}$/);
    const first = await stopEngine(state);
    expect(first).not.toBeNull();
    const [a, b] = await Promise.all([
      runPwsh(`(Get-ExchangeCertificate -Thumbprint ${thumbprint}).Subject`, dir),
      runPwsh(`(Get-ExchangeCertificate -Thumbprint ${thumbprint}).Subject`, dir),
    ]);
    expect([a.out.trim(), b.out.trim()]).toEqual(['CN=keep.contoso.com', 'CN=keep.contoso.com']);
    const second = await enginePid(state);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    expect(modulePath()).toMatch(/powershell[\\/]ExchcertSim$/);
  }, 180_000);
});
