# Pester tests of renew-self-signed.ps1 against the simulated Exchange (ExchcertSim): run with Invoke-Pester.
BeforeAll {
    $modulePath = if ($env:EXCHCERT_SIM_MODULE) { $env:EXCHCERT_SIM_MODULE } else { exchcert sim module-path }
    Import-Module -Name $modulePath -Force
    # A fresh simulated organization for this run (the reference one: AMS-EXCH01 and RESEXCH01).
    $env:EXCHCERT_STATE = if ($env:EXCHCERT_PESTER_STATE) { $env:EXCHCERT_PESTER_STATE } else { Join-Path -Path $TestDrive -ChildPath 'state' }
    $runbook = Join-Path -Path $PSScriptRoot -ChildPath 'renew-self-signed.ps1'
}

Describe 'renew-self-signed.ps1' {
    It 'adds a certificate with the old one''s names, enabled for IIS' {
        $before = @(Get-ExchangeCertificate -Server AMS-EXCH01)
        $new = & $runbook -Server AMS-EXCH01 -Subject 'CN=AMS-EXCH01'
        $new.Subject | Should -Be 'CN=AMS-EXCH01'
        @(Get-ExchangeCertificate -Server AMS-EXCH01).Count | Should -Be ($before.Count + 1)
        $now = Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint $new.Thumbprint
        ($now.Services -band [Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices]::IIS) | Should -Not -Be 0
        $now.CertificateDomains.Address | Should -Contain 'AMS-EXCH01.labs.local'
    }

    It 'fails with a clear error when there is nothing to renew' {
        { & $runbook -Server AMS-EXCH01 -Subject 'CN=nothing.contoso.com' } | Should -Throw '*No self-signed certificate*'
    }

    It 'gets Exchange''s error record for an unknown thumbprint' {
        $err = $null
        Get-ExchangeCertificate -Thumbprint 0000000000000000000000000000000000000000 -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike '*,Microsoft.Exchange.Management.SystemConfigurationTasks.GetExchangeCertificate'
        $err[0].Exception.Message | Should -BeLike '*was not found.'
    }
}
