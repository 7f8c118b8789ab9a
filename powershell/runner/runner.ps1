# exchcert session runner: compiles ExchcertRunner.cs (once per session) and hands stdin/stdout to it.
# Started as: pwsh -NoLogo -NoProfile -NonInteractive -File runner.ps1
$ErrorActionPreference = 'Stop'
Add-Type -Path (Join-Path $PSScriptRoot 'ExchcertRunner.cs')
[Exchcert.Runner]::Main()
