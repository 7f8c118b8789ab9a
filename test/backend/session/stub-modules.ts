// Writes the generated stub Exchange module for a real session, with Get-ExchangeCertificate answering as Exchange does.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { powershellModule, recordBody } from '../../../src/spec/powershell-module.js';

// Exchange's ExchangeCertificate by property name, built from the stub certificate (the simulated module replaces it).
const GET_BODY = `begin { $exchcertBegun = @($PSBoundParameters.Keys) }
process {
    Add-ExchcertRecord 'Get-ExchangeCertificate' $PSCmdlet $PSBoundParameters $exchcertBegun
    $c = New-ExchcertStubCertificate $PSBoundParameters
    [pscustomobject]@{
        PSTypeName = 'Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate'
        AccessRules = $null; CertificateDomains = @('webmail.exchangefun.nl', 'autodiscover.exchangefun.nl'); HasPrivateKey = $true
        IsSelfSigned = $false; Issuer = $c.Issuer; NotAfter = $c.NotAfter; NotBefore = $c.NotBefore; PublicKeySize = 2048
        RootCAType = 'ThirdParty'; SerialNumber = $c.SerialNumber
        Services = [Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices]'IMAP, POP, IIS, SMTP'
        Status = 'Valid'; Subject = 'CN=webmail.exchangefun.nl'; Thumbprint = $c.Thumbprint; FriendlyName = 'webmail'
        RawData = $c.RawData; ServicesStringForm = 'IP.WS..'
    }
}`;

/** Writes the module files into dir and returns their paths (for --import-module). */
export function writeStubModules(dir: string): string[] {
  const path = join(dir, 'ExchcertStub.psm1');
  writeFileSync(
    path,
    powershellModule({ shell: '7', body: (c) => (c.name === 'Get-ExchangeCertificate' ? GET_BODY : recordBody(c)) }),
  );
  return [path];
}
