# Test helper: parses each file with PowerShell's own parser and prints, as one JSON document, its first error and
# every statement and command by extent offsets (what test/parser/real-scripts.test.ts compares ours with).
# -ListFile names a file with one path per line. With -Repeat N it instead prints how many milliseconds N rounds of ParseFile over all files took (for npm run bench).
param([Parameter(Mandatory)][string]$ListFile, [int]$Repeat = 0)
$ErrorActionPreference = 'Stop'
$Files = @(Get-Content -LiteralPath $ListFile | Where-Object { $_ })
if ($Repeat -gt 0) {
  foreach ($f in $Files) { $null = [System.Management.Automation.Language.Parser]::ParseFile($f, [ref]$null, [ref]$null) }
  $sw = [System.Diagnostics.Stopwatch]::StartNew()
  for ($i = 0; $i -lt $Repeat; $i++) {
    foreach ($f in $Files) { $null = [System.Management.Automation.Language.Parser]::ParseFile($f, [ref]$null, [ref]$null) }
  }
  $sw.Stop()
  [Console]::Out.Write((@{ ms = $sw.Elapsed.TotalMilliseconds } | ConvertTo-Json -Compress))
  return
}
$results = foreach ($f in $Files) {
  $tokens = $null
  $errors = $null
  $ast = [System.Management.Automation.Language.Parser]::ParseFile($f, [ref]$tokens, [ref]$errors)
  $first = $null
  if ($errors.Count -gt 0) {
    $e = $errors[0]
    $first = @{ line = $e.Extent.StartLineNumber; column = $e.Extent.StartColumnNumber; offset = $e.Extent.StartOffset; message = $e.Message; id = $e.ErrorId }
  }
  $statements = [System.Collections.Generic.List[object]]::new()
  $commands = [System.Collections.Generic.List[object]]::new()
  foreach ($n in $ast.FindAll({ $args[0] -is [System.Management.Automation.Language.StatementAst] }, $true)) {
    $statements.Add(@($n.GetType().Name, $n.Extent.StartOffset, $n.Extent.EndOffset))
    if ($n -is [System.Management.Automation.Language.CommandAst]) {
      $commands.Add(@($n.Extent.StartOffset, $n.Extent.EndOffset, $n.CommandElements.Count))
    }
  }
  # Comment-based help of every function: [start offset, synopsis, description, parameter names, example count].
  $help = [System.Collections.Generic.List[object]]::new()
  if ($errors.Count -eq 0) {
    foreach ($fn in $ast.FindAll({ $args[0] -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true)) {
      $h = $fn.GetHelpContent()
      if ($null -ne $h) {
        $names = @($h.Parameters.Keys | ForEach-Object { $_.ToLowerInvariant() } | Sort-Object)
        $help.Add(@($fn.Extent.StartOffset, $h.Synopsis, $h.Description, $names, $h.Examples.Count))
      }
    }
  }
  @{ file = $f; error = $first; statements = $statements; commands = $commands; help = $help; length = $ast.Extent.EndOffset }
}
[Console]::Out.Write((ConvertTo-Json -InputObject @($results) -Depth 5 -Compress))
