// Stub modules and value comparison for the "real PowerShell is the judge" suites (test/judge).
// The Exchange stubs are the generated module (src/spec/powershell-module.ts); each record also carries the
// line and column of the call, so a suite can tell statement-level commands from nested ones with PowerShell's
// own AST. Helper cmdlets the renders use (Get-Content, Set-Content, Read-Host) get stubs from the same
// param-block generator; they record like the Exchange stubs and return known bytes / a known SecureString.
import type { ParameterValue } from '../../src/node/invocation.js';
import { isExpression } from '../../src/node/expression.js';
import { Secret } from '../../src/node/secret.js';
import type { CmdletSpec, ParameterSpec } from '../../src/spec/cmdlet-spec.js';
import { cmdletBindingAttribute, paramBlock, powershellModule, recordBody } from '../../src/spec/powershell-module.js';
import { ALLOWED_SERVICES } from '../../src/spec/ps-type.js';
import type { AllowedService } from '../../src/spec/ps-type.js';
import { EXCHANGE_CMDLETS, HELPER_CMDLETS, findCmdlet, shellView } from '../../src/spec/registry.js';
import type { ShellVersion } from '../../src/spec/shell-version.js';
import type { BindingRecord } from './pwsh.js';

/** What the Read-Host stub "types" at a -AsSecureString prompt. */
export const JUDGE_PROMPT_TEXT = 'typed at the prompt \u00e9 \ud83d\ude00 \'"$`';

/** A record of the judge stubs: the generated record plus where the call stands in its script block. */
export interface JudgeRecord extends BindingRecord {
  readonly line: number;
  readonly column: number;
}

/** A PowerShell expression that yields exactly `text` (UTF-16 through base64: nothing to quote, lone surrogates kept). */
export function psExactString(text: string): string {
  return `([System.Text.Encoding]::Unicode.GetString([System.Convert]::FromBase64String('${Buffer.from(text, 'utf16le').toString('base64')}')))`;
}

// Appends the call's line/column to the record Add-ExchcertRecord just wrote.
const POSITION_SUPPORT = String.raw`
function Add-JudgePosition($Info) {
    $i = $global:ExchcertRecords.Count - 1
    $r = [string]$global:ExchcertRecords[$i]
    $global:ExchcertRecords[$i] = $r.Substring(0, $r.Length - 1) + ',"line":' + $Info.ScriptLineNumber + ',"column":' + $Info.OffsetInLine + '}'
}
if (-not ($global:JudgeFiles -is [hashtable])) { $global:JudgeFiles = @{} }`;

function withPosition(body: string): string {
  return body.replace(/^(\s*Add-ExchcertRecord .*)$/m, '$1\n    Add-JudgePosition $MyInvocation');
}

// What the helper stubs write after recording (only what exchcert renders use; anything else throws).
const HELPER_OUTPUTS: Readonly<Record<string, string>> = {
  'Get-Content': [
    '$judgePath = @(@($LiteralPath) + @($Path) | Where-Object { $null -ne $_ })[0]',
    "if (-not ($AsByteStream -or ([string]$Encoding -eq 'Byte'))) { throw \"judge: Get-Content of '$judgePath' not in byte mode\" }",
    'if (-not $global:JudgeFiles.ContainsKey($judgePath)) { throw "judge: no content for \'$judgePath\'" }',
    '$judgeBytes = [byte[]]$global:JudgeFiles[$judgePath]',
    "if ($Raw) { , $judgeBytes } elseif ($PSBoundParameters.ContainsKey('ReadCount') -and $ReadCount -le 0) { , [object[]]$judgeBytes } else { $judgeBytes }",
  ].join('\n    '),
  'Set-Content': '',
  'Read-Host': `if ($AsSecureString) { ConvertTo-SecureString -String ${psExactString(JUDGE_PROMPT_TEXT)} -AsPlainText -Force } else { 'typed' }`,
};

/** The helper cmdlets the judge stubs (the rest stay real: ConvertTo-SecureString, Format-*, ...). */
export const STUBBED_HELPERS: readonly string[] = Object.freeze(Object.keys(HELPER_OUTPUTS));

function helperFunction(cmdlet: CmdletSpec, shell: ShellVersion): string {
  const output = HELPER_OUTPUTS[cmdlet.name]!;
  const body = withPosition(recordBody(cmdlet)).replace(/\n}$/, output ? `\n    ${output}\n}` : '\n}');
  return [
    `function ${cmdlet.name} {`,
    `    ${cmdletBindingAttribute(cmdlet, { shell })}`,
    `    ${paramBlock(cmdlet, { shell, indent: '        ' })}`,
    body
      .split('\n')
      .map((l) => (l ? `    ${l}` : l))
      .join('\n'),
    '}',
  ].join('\n');
}

/** Options of the judge module. */
export interface JudgeModuleOptions {
  readonly shell: ShellVersion;
  readonly exchange?: string;
  /** Helper cmdlets to stub (default all of STUBBED_HELPERS); the others stay real. */
  readonly helpers?: readonly string[];
  /** Exchange cmdlets to stub (default the six certificate cmdlets; ALL_EXCHANGE_CMDLETS adds their neighbours). */
  readonly cmdlets?: readonly CmdletSpec[];
}

/** Exchange stubs (recording positions) plus helper stubs, as one script to dot-source or prepend. */
export function judgeModule(options: JudgeModuleOptions): string {
  const exchange = powershellModule({
    shell: options.shell,
    ...(options.exchange !== undefined ? { exchange: options.exchange } : {}),
    body: (c) => withPosition(recordBody(c)),
    cmdlets: options.cmdlets ?? EXCHANGE_CMDLETS,
  });
  const helpers = (options.helpers ?? STUBBED_HELPERS).map((name) => {
    const spec = HELPER_CMDLETS.find((c) => c.name === name);
    if (!spec || !(name in HELPER_OUTPUTS)) throw new Error(`judge: no stub for helper ${name}`);
    return helperFunction(spec, options.shell);
  });
  return [exchange, POSITION_SUPPORT, ...helpers, ''].join('\n\n');
}

/** `$global:JudgeFiles[path] = bytes` lines for the Get-Content stub. */
export function judgeFilesScript(files: ReadonlyMap<string, Uint8Array>): string {
  return [...files]
    .map(
      ([path, bytes]) =>
        `$global:JudgeFiles[${psExactString(path)}] = [System.Convert]::FromBase64String('${Buffer.from(bytes).toString('base64')}')`,
    )
    .join('\n');
}

/** Known bytes for a file path (binary, path-dependent, includes 0x00 and 0xFF). */
export function judgeFileContent(path: string): Uint8Array {
  return Uint8Array.from([0x30, 0x82, 0x00, 0xff, ...Buffer.from(`judge:${path}`, 'utf8'), 0x0d, 0x0a]);
}

/** `$name = <SecureString of the secret>` for each of compile()'s secretVariables. */
export function secretVariablesScript(vars: ReadonlyMap<string, Secret>): string {
  return [...vars]
    .map(([name, s]) => `$${name} = ConvertTo-SecureString -String ${psExactString(s.reveal())} -AsPlainText -Force`)
    .join('\n');
}

export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The parameter spec (own or common) behind an option name, as shell 7/5.1/2.0 sees it. */
export function parameterOf(cmdlet: string, option: string, shell: ShellVersion): ParameterSpec | undefined {
  const spec = findCmdlet(cmdlet);
  return spec ? shellView(spec, shell).parameters.find((p) => p.option === option) : undefined;
}

const ARRAY_TYPES = new Set(['String[]', 'Object[]', 'MultiValuedProperty']);

/** True when PowerShell wraps a scalar argument into an array for this parameter. */
export function isArrayParameter(p: ParameterSpec | undefined): boolean {
  return p !== undefined && ARRAY_TYPES.has(p.type);
}

/** The [Flags] value of a list of AllowedServices names (undefined for a name that is not one). */
export function servicesValue(names: readonly unknown[]): number | undefined {
  let v = 0;
  for (const n of names) {
    if (typeof n === 'number') {
      v |= n;
      continue;
    }
    if (typeof n !== 'string') return undefined;
    for (const part of n.split(',')) {
      const key = Object.keys(ALLOWED_SERVICES).find((k) => k.toLowerCase() === part.trim().toLowerCase()) as
        AllowedService | undefined;
      if (key === undefined) return undefined;
      v |= ALLOWED_SERVICES[key];
    }
  }
  return v;
}

/** JSON text of a value for failure messages (secrets shown as {secret}, bytes as base64). */
export function show(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Secret) return { secret: v.reveal() };
    if (v instanceof Uint8Array) return { bytes: Buffer.from(v).toString('base64') };
    return v;
  });
}

function deepEqual(a: unknown, b: unknown): boolean {
  return show(a) === show(b);
}

/**
 * Compares a literal invocation value (no expression) with what the record says PowerShell bound, given the
 * parameter's type. Returns a description of the difference, or null when they agree.
 */
export function compareLiteral(p: ParameterSpec | undefined, expected: ParameterValue, actual: unknown): string | null {
  const bad = (why = '') => `expected ${show(expected)}, PowerShell bound ${show(actual)}${why ? ` (${why})` : ''}`;
  if (expected instanceof Secret) {
    return actual !== null &&
      typeof actual === 'object' &&
      (actual as { secret?: unknown }).secret === expected.reveal()
      ? null
      : bad('SecureString plain text');
  }
  if (expected instanceof Uint8Array) {
    return actual !== null &&
      typeof actual === 'object' &&
      (actual as { bytes?: unknown }).bytes === Buffer.from(expected).toString('base64')
      ? null
      : bad('bytes');
  }
  if (isExpression(expected)) return `cannot compare expression ${show(expected)} as a literal`;
  if (p?.type === 'DateTime' && typeof expected === 'string') {
    // The stub records [datetime] as its invariant text (MM/dd/yyyy HH:mm:ss); the binder keeps the written text.
    const d = new Date(expected);
    const two = (n: number) => String(n).padStart(2, '0');
    const text = `${two(d.getMonth() + 1)}/${two(d.getDate())}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
    return actual === text ? null : bad('DateTime');
  }
  if (p?.type === 'AllowedServices') {
    const names = Array.isArray(expected) ? expected : [expected];
    const want = servicesValue(names);
    if (want === undefined) return bad('not AllowedServices names');
    const a = actual as { enum?: unknown; value?: unknown } | null;
    return a !== null && typeof a === 'object' && a.value === want ? null : bad(`[Flags] value ${want}`);
  }
  if (p?.type === 'ActionPreference') {
    const a = actual as { enum?: unknown } | null;
    return a !== null && typeof a === 'object' && typeof expected === 'string' && a.enum === expected
      ? null
      : bad('ActionPreference name');
  }
  if (isArrayParameter(p) && !Array.isArray(expected) && expected !== null)
    return deepEqual([expected], actual) ? null : bad('scalar wrapped into an array');
  if (
    typeof expected === 'string' ||
    typeof expected === 'number' ||
    typeof expected === 'boolean' ||
    expected === null
  ) {
    return actual === expected ? null : bad();
  }
  return deepEqual(expected, actual) ? null : bad();
}
