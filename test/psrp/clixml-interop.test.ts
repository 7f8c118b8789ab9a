// Interop with real PowerShell both ways: PSSerializer output read field for field; our CLIXML deserialised by pwsh.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from '@jest/globals';
import { Secret } from '../../src/node/secret.js';
import { parseClixml } from '../../src/psrp/clixml-reader.js';
import { toClixml } from '../../src/psrp/clixml-writer.js';
import { describeWithPwsh, pwshPath } from '../support/pwsh.js';

/** Runs a script in one pwsh with text on stdin; returns stdout. */
function pwsh(script: string, input = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'exchcert-clixml-'));
  try {
    const file = join(dir, 's.ps1');
    writeFileSync(join(dir, 'in.txt'), input, 'utf8');
    writeFileSync(file, `$__in = [IO.File]::ReadAllText('${join(dir, 'in.txt')}')\n${script}\n`, 'utf8');
    const r = spawnSync(pwshPath()!, ['-NoProfile', '-NonInteractive', '-File', file], {
      encoding: 'utf8',
      env: { ...process.env, POWERSHELL_TELEMETRY_OPTOUT: '1', NO_COLOR: '1' },
      timeout: 60_000,
    });
    if (r.status !== 0) throw new Error(`pwsh failed: ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Each case: a PowerShell expression and what parseClixml must make of its serialisation.
const FROM_PWSH: readonly (readonly [string, unknown])[] = [
  ['"a`nb_x<&>"', 'a\nb_x<&>'],
  ['[char]0x263A', '\u263a'],
  ['[int]-7', -7],
  ['[long]::MaxValue', 9223372036854775807n],
  ['[byte]200', 200],
  ['[uint16]65535', 65535],
  ['[double]0.1', 0.1],
  ['[single]1.5', 1.5],
  ['[decimal]12.5', 12.5],
  ['$true', true],
  ['[datetime]::new(2024,1,2,3,4,5,[DateTimeKind]::Utc)', new Date('2024-01-02T03:04:05Z')],
  ['[guid]"0f8fad5b-d9cb-469f-a165-70867728950e"', '0f8fad5b-d9cb-469f-a165-70867728950e'],
  ['[byte[]](0,1,255)', new Uint8Array([0, 1, 255])],
  ['[version]"1.2.3"', '1.2.3'],
  ['[timespan]::FromMinutes(90)', 'PT1H30M'],
  ['[uri]"https://x.example/a?b=1"', 'https://x.example/a?b=1'],
  ['@(1,"two",$null)', [1, 'two', null]],
  ['[System.Collections.Generic.List[string]]::new([string[]]("a","b"))', ['a', 'b']],
  ['[ordered]@{ b = 1; a = @{ c = "d" } }', { b: 1, a: { c: 'd' } }],
  ['[ConsoleColor]::Red', { value: 12, text: 'Red' }],
  ['[System.IO.FileAttributes]"ReadOnly,Hidden"', { value: 3, text: 'ReadOnly, Hidden' }],
  [
    '[pscustomobject]@{ Name = "n"; Nested = [pscustomobject]@{ X = 1 }; Arr = @(1,2) }',
    { Name: 'n', Nested: { X: 1 }, Arr: [1, 2] },
  ],
];

describeWithPwsh('CLIXML interop with pwsh', () => {
  let fromPwsh: string[] = [];
  let fileFields: { xml: string; fields: Record<string, string | null> };

  beforeAll(() => {
    const script = FROM_PWSH.map(
      ([expr]) =>
        `[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes([System.Management.Automation.PSSerializer]::Serialize((${expr}))))`,
    ).join('\n');
    fromPwsh = pwsh(script)
      .trim()
      .split(/\r?\n/)
      .map((b) => Buffer.from(b, 'base64').toString('utf8'));
    // A real adapted object: every primitive property of a FileInfo, as pwsh itself renders it.
    const out = pwsh(
      `$f = Get-Item -LiteralPath ([System.IO.Path]::GetTempPath())
$x = [System.Management.Automation.PSSerializer]::Serialize($f, 1)
$fields = [ordered]@{}
foreach ($p in $f.PSObject.Properties) { $v = $p.Value; if ($v -is [string] -or $v -is [bool] -or $v -is [int] -or $v -is [long]) { $fields[$p.Name] = [string]$v } }
[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($x))
$fields | ConvertTo-Json -Compress`,
    )
      .trim()
      .split(/\r?\n/);
    fileFields = {
      xml: Buffer.from(out[0]!, 'base64').toString('utf8'),
      fields: JSON.parse(out[1]!) as Record<string, string | null>,
    };
  });

  it.each(FROM_PWSH.map(([expr, expected], i) => [i, expr, expected] as const))(
    'reads PSSerializer output of %#: %s',
    (i, _expr, expected) => {
      expect(parseClixml(fromPwsh[i]!)).toEqual(expected);
    },
  );

  it('reads a FileInfo field for field', () => {
    const o = parseClixml(fileFields.xml) as Record<string, unknown>;
    const names = Object.keys(fileFields.fields);
    expect(names.length).toBeGreaterThan(5);
    const shown = (v: unknown) => (typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v));
    for (const name of names) expect([name, shown(o[name])]).toEqual([name, fileFields.fields[name]]);
  });

  it('writes what PSSerializer::Deserialize reads back, SecureStrings included', () => {
    const values: unknown[] = [
      'a\nb_x<&>\u263a',
      -7,
      2 ** 40,
      0.1,
      true,
      null,
      new Date('2024-01-02T03:04:05.123Z'),
      new Uint8Array([0, 1, 255]),
      new Secret('P@ss wörd'),
      [1, 'two'],
      new Map([['k', 'v']]),
      { Name: 'n', Nested: { X: 1 } },
    ];
    const input = values.map((v) => Buffer.from(toClixml(v), 'utf8').toString('base64')).join('\n');
    const out = pwsh(
      `foreach ($line in $__in -split "\\n") {
  $o = [System.Management.Automation.PSSerializer]::Deserialize([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($line)))
  $t = if ($null -eq $o) { 'null' } else { $o.GetType().FullName }
  $s = switch ($t) {
    'System.Security.SecureString' { [System.Net.NetworkCredential]::new('', $o).Password }
    'System.DateTime' { $o.ToUniversalTime().ToString('o') + ' ' + $o.Kind }
    'System.Object[]' { ($o | ForEach-Object { $_.GetType().Name + ':' + $_ }) -join ',' }
    'System.Byte[]' { $o -join ',' }
    'System.Collections.Hashtable' { ($o.GetEnumerator() | ForEach-Object { $_.Key + '=' + $_.Value }) -join ',' }
    'System.Management.Automation.PSCustomObject' { $o.Name + ';' + $o.Nested.X + ';' + $o.Nested.X.GetType().Name }
    default { [string]$o }
  }
  [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($t + '|' + $s))
}`,
      input,
    );
    const got = out
      .trim()
      .split(/\r?\n/)
      .map((b) => Buffer.from(b, 'base64').toString('utf8'));
    expect(got).toEqual([
      'System.String|a\nb_x<&>\u263a',
      'System.Int32|-7',
      'System.Int64|1099511627776',
      'System.Double|0.1',
      'System.Boolean|True',
      'null|',
      'System.DateTime|2024-01-02T03:04:05.1230000Z Utc',
      'System.Byte[]|0,1,255',
      'System.Security.SecureString|P@ss wörd',
      // PSSerializer turns a deserialised object[] into an ArrayList, as for its own output.
      'System.Collections.ArrayList|1 two',
      'System.Collections.Hashtable|k=v',
      'System.Management.Automation.PSCustomObject|n;1;Int32',
    ]);
  });
});
