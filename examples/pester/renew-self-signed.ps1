# Renews a server's self-signed certificate: a new one cloned from the old (same names), enabled for IIS.
param(
    [string]$Server = 'AMS-EXCH01',
    [string]$Subject = 'CN=AMS-EXCH01'
)
$old = Get-ExchangeCertificate -Server $Server | Where-Object { $_.Subject -eq $Subject -and $_.IsSelfSigned } | Select-Object -First 1
if (-not $old) { throw "No self-signed certificate with subject $Subject on $Server." }
$new = $old | New-ExchangeCertificate -Server $Server -PrivateKeyExportable $true -Force
Enable-ExchangeCertificate -Server $Server -Thumbprint $new.Thumbprint -Services IIS -Force
$new
