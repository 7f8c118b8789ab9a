// Real PowerShell as the judge: finds pwsh, gates suites on it, and runs thousands of cases in one process.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, it } from '@jest/globals';

/** What the skipped placeholder test is called when pwsh is missing. */
export const SKIP_NOTICE =
  'SKIPPED: real PowerShell not found (install: dotnet tool install --global PowerShell --version 7.6.9)';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let found: string | null | undefined;

/** Path of pwsh: $PWSH, then ~/.dotnet/tools/pwsh, then pwsh on PATH; undefined when none. */
export function pwshPath(): string | undefined {
  if (found === undefined) {
    const candidates = [process.env.PWSH, join(homedir(), '.dotnet', 'tools', 'pwsh')];
    for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir) candidates.push(join(dir, 'pwsh'));
    found = candidates.find((c): c is string => !!c && isExecutable(c)) ?? null;
  }
  return found ?? undefined;
}

/** True when a pwsh executable was found. */
export function pwshAvailable(): boolean {
  return pwshPath() !== undefined;
}

let warned = false;

/** A describe() that needs real PowerShell: skipped with a notice when missing, failing when REQUIRE_PWSH=1. */
export function describeWithPwsh(name: string, fn: () => void): void {
  if (pwshAvailable()) {
    describe(name, fn);
  } else if (process.env.REQUIRE_PWSH === '1') {
    describe(name, () => {
      it('needs real PowerShell', () => {
        throw new Error(
          'REQUIRE_PWSH=1 but pwsh was not found (set PWSH, or: dotnet tool install --global PowerShell --version 7.6.9)',
        );
      });
    });
  } else {
    if (!warned) console.warn(SKIP_NOTICE);
    warned = true;
    describe(name, () => {
      it.skip(SKIP_NOTICE, () => undefined);
    });
  }
}

/** An error PowerShell reported for a case. */
export interface CaseError {
  readonly message: string;
  /** e.g. `NamedParameterNotFound,Export-ExchangeCertificate`; for parse errors `ParseException`. */
  readonly fullyQualifiedErrorId: string;
  /** The id without the command part (`NamedParameterNotFound`), or the first parse error's id. */
  readonly errorId: string;
  /** ErrorCategory name, e.g. `InvalidArgument`, `ParserError`. */
  readonly category: string;
  readonly exceptionType: string;
  /** ParameterBindingException's parameter, when there is one. */
  readonly parameterName: string | null;
  /** 'parse' when the text did not parse, 'run' otherwise. */
  readonly phase: 'parse' | 'run';
}

/** One case's outcome. */
export interface CaseResult {
  readonly ok: boolean;
  /** Bindings the stub functions recorded ($global:ExchcertRecords), parsed. */
  readonly records: readonly BindingRecord[];
  /** The case's output objects as strings. */
  readonly output: readonly (string | null)[];
  readonly error: CaseError | null;
}

/** A binding recorded by the `record` body of the generated module. */
export interface BindingRecord {
  readonly cmdlet: string;
  readonly parameterSet: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Parameters bound from pipeline input in this process call. */
  readonly pipeline: readonly string[];
}

/** Options of a pwsh run. */
export interface PwshOptions {
  /** Kill pwsh after this long (default 120 s). */
  readonly timeoutMs?: number;
}

// JSON writer shared by both drivers: ASCII only (\u escapes), so lone surrogates and NUL survive.
const DRIVER_PRELUDE = String.raw`param([string]$SetupPath, [string]$InputPath, [string]$OutPath)
$ProgressPreference = 'SilentlyContinue'
function __J([string]$s) {
    if ($s -cmatch '^[\x20\x21\x23-\x5B\x5D-\x7E]*\z') { return '"' + $s + '"' }
    $b = [System.Text.StringBuilder]::new('"')
    foreach ($ch in $s.ToCharArray()) {
        $c = [int]$ch
        if ($c -ge 0x20 -and $c -le 0x7E -and $c -ne 0x22 -and $c -ne 0x5C) { [void]$b.Append($ch) } else { [void]$b.Append('\u').Append($c.ToString('x4')) }
    }
    return $b.Append('"').ToString()
}
function __JN($s) { if ($null -eq $s) { return 'null' } return __J ([string]$s) }
function __Decode([string]$line) {
    $bytes = [System.Convert]::FromBase64String($line)
    $chars = [char[]]::new($bytes.Length / 2)
    [System.Buffer]::BlockCopy($bytes, 0, $chars, 0, $bytes.Length)
    return [string]::new($chars)
}
$__cases = [System.IO.File]::ReadAllLines($InputPath)
`;

// Runs the setup at the driver's scope, then each case in its own child scope with ErrorActionPreference Stop.
const BATCH_DRIVER =
  DRIVER_PRELUDE +
  String.raw`
$__setupError = $null
try { . ([scriptblock]::Create([System.IO.File]::ReadAllText($SetupPath))) } catch { $__setupError = $_ }
if (-not ($global:ExchcertRecords -is [System.Collections.ArrayList])) { $global:ExchcertRecords = [System.Collections.ArrayList]::new() }
$ErrorActionPreference = 'Stop'
$__results = [System.Collections.Generic.List[string]]::new()
foreach ($__line in $__cases) {
    if ($null -ne $__setupError) { break }
    $global:ExchcertRecords.Clear()
    $__err = $null; $__phase = 'parse'; $__out = @()
    try {
        $__sb = [scriptblock]::Create((__Decode $__line))
        $__phase = 'run'
        $__out = @(& $__sb)
    } catch { $__err = $_ }
    $__outJson = (@(foreach ($__o in $__out) { __JN $__o })) -join ','
    $__errJson = 'null'
    if ($null -ne $__err) {
        $__ex = $__err.Exception
        if ($__phase -eq 'parse' -and $__ex.InnerException -is [System.Management.Automation.ParseException]) { $__ex = $__ex.InnerException; $__err = $__ex.ErrorRecord }
        $__fq = [string]$__err.FullyQualifiedErrorId
        $__id = $__fq.Split(',')[0]
        if ($__ex -is [System.Management.Automation.ParseException] -and $__ex.Errors.Count -gt 0) { $__id = $__ex.Errors[0].ErrorId }
        $__pn = $null
        if ($__ex -is [System.Management.Automation.ParameterBindingException] -and $__ex.ParameterName) { $__pn = ([string]$__ex.ParameterName).Trim() }
        $__errJson = '{"message":' + (__J $__ex.Message) + ',"fullyQualifiedErrorId":' + (__J $__fq) + ',"errorId":' + (__J $__id) +
            ',"category":' + (__J $__err.CategoryInfo.Category.ToString()) + ',"exceptionType":' + (__J $__ex.GetType().FullName) +
            ',"parameterName":' + (__JN $__pn) + ',"phase":' + (__J $__phase) + '}'
    }
    $__results.Add('{"ok":' + $(if ($null -eq $__err) { 'true' } else { 'false' }) + ',"records":[' + ($global:ExchcertRecords -join ',') +
        '],"output":[' + $__outJson + '],"error":' + $__errJson + '}')
}
$__setupJson = 'null'
if ($null -ne $__setupError) { $__setupJson = __J ($__setupError.Exception.Message + ' ' + $__setupError.InvocationInfo.PositionMessage) }
[System.IO.File]::WriteAllText($OutPath, '{"setupError":' + $__setupJson + ',"results":[' + ($__results -join ',') + ']}')
`;

// Parses each text with PowerShell's own parser and reports errors, literals and command elements.
const PARSE_DRIVER =
  DRIVER_PRELUDE +
  String.raw`
function __Value($a) {
    if ($a -is [System.Management.Automation.Language.StringConstantExpressionAst]) { return $a.Value }
    if ($a -is [System.Management.Automation.Language.ConstantExpressionAst]) { return [System.Convert]::ToString($a.Value, [cultureinfo]::InvariantCulture) }
    if ($a -is [System.Management.Automation.Language.ExpandableStringExpressionAst]) {
        # Only "...$([char]0xHHHH)..." (ASCII Mode A) is evaluated; anything else has no static value.
        foreach ($n in $a.NestedExpressions) {
            $s = if ($n -is [System.Management.Automation.Language.SubExpressionAst]) { @($n.SubExpression.Statements) } else { @() }
            $e = if ($s.Count -eq 1 -and $s[0] -is [System.Management.Automation.Language.PipelineAst] -and $s[0].PipelineElements.Count -eq 1) { $s[0].PipelineElements[0].Expression } else { $null }
            if (-not ($e -is [System.Management.Automation.Language.ConvertExpressionAst] -and @('char', 'System.Char') -contains $e.Type.TypeName.FullName -and
                      $e.Child -is [System.Management.Automation.Language.ConstantExpressionAst])) { return $null }
        }
        return [string](& ([scriptblock]::Create($a.Extent.Text)))
    }
    return $null
}
# Constants and double-quoted strings, but not the pieces inside a double-quoted string.
function __IsLiteral($n) {
    if (-not ($n -is [System.Management.Automation.Language.ConstantExpressionAst] -or $n -is [System.Management.Automation.Language.ExpandableStringExpressionAst])) { return $false }
    for ($p = $n.Parent; $null -ne $p; $p = $p.Parent) { if ($p -is [System.Management.Automation.Language.ExpandableStringExpressionAst]) { return $false } }
    return $true
}
function __Element($a) {
    $kind = $a.GetType().Name -replace 'Ast$', ''
    $j = '{"kind":' + (__J $kind) + ',"text":' + (__J $a.Extent.Text)
    if ($a -is [System.Management.Automation.Language.CommandParameterAst]) {
        $j += ',"parameterName":' + (__J $a.ParameterName)
        if ($null -ne $a.Argument) { $j += ',"argument":' + (__Element $a.Argument) }
    } elseif ($a -is [System.Management.Automation.Language.ArrayLiteralAst]) {
        $j += ',"elements":[' + (($a.Elements | ForEach-Object { __Element $_ }) -join ',') + ']'
    } else {
        $j += ',"value":' + (__JN (__Value $a))
        if ($a -is [System.Management.Automation.Language.StringConstantExpressionAst] -or $a -is [System.Management.Automation.Language.ExpandableStringExpressionAst]) { $j += ',"stringKind":' + (__J $a.StringConstantType.ToString()) }
        elseif ($a -is [System.Management.Automation.Language.ConstantExpressionAst]) { $j += ',"type":' + (__J $a.StaticType.FullName) }
    }
    return $j + '}'
}
$__results = [System.Collections.Generic.List[string]]::new()
foreach ($__line in $__cases) {
    $tokens = $null; $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput((__Decode $__line), [ref]$tokens, [ref]$errors)
    $errs = ($errors | ForEach-Object { '{"message":' + (__J $_.Message) + ',"errorId":' + (__J $_.ErrorId) + ',"line":' + $_.Extent.StartLineNumber + ',"column":' + $_.Extent.StartColumnNumber + '}' }) -join ','
    $consts = ($ast.FindAll({ param($n) __IsLiteral $n }, $true) | ForEach-Object {
        $k = if ($_ -is [System.Management.Automation.Language.ConstantExpressionAst] -and -not ($_ -is [System.Management.Automation.Language.StringConstantExpressionAst])) { $_.StaticType.Name } else { $_.StringConstantType.ToString() }
        '{"value":' + (__JN (__Value $_)) + ',"kind":' + (__J $k) + '}' }) -join ','
    $cmds = ($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true) | ForEach-Object {
        $els = @($_.CommandElements | Select-Object -Skip 1 | ForEach-Object { __Element $_ }) -join ','
        '{"name":' + (__JN $_.GetCommandName()) + ',"elements":[' + $els + ']}' }) -join ','
    $__results.Add('{"errors":[' + $errs + '],"stringConstants":[' + $consts + '],"commands":[' + $cmds + ']}')
}
[System.IO.File]::WriteAllText($OutPath, '{"setupError":null,"results":[' + ($__results -join ',') + ']}')
`;

/** Each text as base64 of its UTF-16LE code units, one per line: exact for any string, lone surrogates included. */
function encodeCases(texts: readonly string[]): string {
  return texts.map((t) => Buffer.from(t, 'utf16le').toString('base64')).join('\n') + '\n';
}

async function runDriver(
  driver: string,
  setupScript: string,
  texts: readonly string[],
  options: PwshOptions,
): Promise<unknown[]> {
  const exe = pwshPath();
  if (!exe)
    throw new Error('pwsh was not found (set PWSH, or: dotnet tool install --global PowerShell --version 7.6.9)');
  const dir = await mkdtemp(join(tmpdir(), 'exchcert-pwsh-'));
  try {
    const paths = {
      driver: join(dir, 'driver.ps1'),
      setup: join(dir, 'setup.ps1'),
      input: join(dir, 'cases.b64'),
      out: join(dir, 'out.json'),
    };
    await writeFile(paths.driver, '\uFEFF' + driver, 'utf8');
    await writeFile(paths.setup, setupScript, 'utf8');
    await writeFile(paths.input, encodeCases(texts), 'ascii');
    const args = [
      '-NoProfile',
      '-NonInteractive',
      '-NoLogo',
      '-File',
      paths.driver,
      '-SetupPath',
      paths.setup,
      '-InputPath',
      paths.input,
      '-OutPath',
      paths.out,
    ];
    const { code, stderr, stdout } = await new Promise<{ code: number | null; stderr: string; stdout: string }>(
      (resolve, reject) => {
        const child = spawn(exe, args, {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off' },
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
        child.on('error', reject);
        child.on('close', (c) => {
          clearTimeout(timer);
          resolve({ code: c, stderr: err, stdout: out });
        });
      },
    );
    let text: string;
    try {
      text = await readFile(paths.out, 'utf8');
    } catch {
      throw new Error(
        `pwsh wrote no results (exit ${code}).\nstderr: ${stderr.slice(0, 4000)}\nstdout: ${stdout.slice(0, 4000)}`,
      );
    }
    const doc = JSON.parse(text) as { setupError: string | null; results: unknown[] };
    if (doc.setupError !== null) throw new Error(`pwsh setup script failed: ${doc.setupError}`);
    if (doc.results.length !== texts.length)
      throw new Error(
        `pwsh stopped after ${doc.results.length} of ${texts.length} cases (exit ${code}): ${stderr.slice(0, 4000)}`,
      );
    return doc.results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a setup script (e.g. the generated module) once, then each case in isolation, in ONE pwsh process.
 * @example const [r] = await runPwshBatch(powershellModule(), ['Get-ExchangeCertificate -Server EX1']); r.records[0].parameters.Server // 'EX1'
 */
export async function runPwshBatch(
  setupScript: string,
  cases: readonly string[],
  options: PwshOptions = {},
): Promise<CaseResult[]> {
  const results = (await runDriver(BATCH_DRIVER, setupScript, cases, options)) as (Omit<CaseResult, 'records'> & {
    records: unknown[];
  })[];
  return results.map((r) => ({ ...r, records: r.records as BindingRecord[] }));
}

/** A command element as PowerShell's parser sees it. */
export interface ParsedElement {
  /** AST type without "Ast": CommandParameter, StringConstantExpression, ConstantExpression, ArrayLiteral, ExpandableStringExpression, VariableExpression... */
  readonly kind: string;
  readonly text: string;
  /** Literal value (numbers as invariant text; Mode A strings evaluated); null when not a literal. */
  readonly value?: string | null;
  readonly stringKind?: string;
  readonly type?: string;
  readonly parameterName?: string;
  /** The `-Name:value` argument. */
  readonly argument?: ParsedElement;
  readonly elements?: readonly ParsedElement[];
}

/** What PowerShell's parser reports for one text. */
export interface ParseReport {
  readonly errors: readonly { message: string; errorId: string; line: number; column: number }[];
  /** Every constant and double-quoted string (not their inner parts) in document order: value and StringConstantType (or .NET type name for numbers). */
  readonly stringConstants: readonly { value: string | null; kind: string }[];
  /** Every CommandAst in document order with its elements after the command name. */
  readonly commands: readonly { name: string | null; elements: readonly ParsedElement[] }[];
}

/**
 * Parses texts with `[Parser]::ParseInput` (nothing runs), e.g. to judge 5.1/2.0 renders pwsh 7 cannot execute.
 * @example (await parseWithPwsh(["Get-Thing -Name 'a''b'"]))[0].commands[0].elements[1].value // "a'b"
 */
export async function parseWithPwsh(texts: readonly string[], options: PwshOptions = {}): Promise<ParseReport[]> {
  return (await runDriver(PARSE_DRIVER, '', texts, options)) as ParseReport[];
}
