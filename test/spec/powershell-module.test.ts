// The generated stub module, loaded into real pwsh, must have exactly the tables' parameter metadata and bindings.
import { beforeAll, describe, it, expect } from '@jest/globals';
import { setsOf } from '../../src/spec/cmdlet-spec.js';
import { newExchangeCertificateSpec } from '../../src/spec/cmdlets/new-exchange-certificate-spec.js';
import { DOTNET_TYPES, paramBlock, powershellModule, psQuote } from '../../src/spec/powershell-module.js';
import { ALL_EXCHANGE_CMDLETS, shellView } from '../../src/spec/registry.js';
import type { CaseResult } from '../support/pwsh.js';
import { describeWithPwsh, parseWithPwsh, runPwshBatch } from '../support/pwsh.js';

const THUMB = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';
const INT_MIN = -2147483648;

interface ParameterInfo {
  name: string;
  mandatory: boolean;
  position: number | undefined;
  fromPipeline: boolean;
  byPropertyName: boolean;
  aliases: string[];
  type: string;
}
interface CommandInfo {
  name: string;
  defaultSet: string;
  sets: { name: string; parameters: ParameterInfo[] }[];
}

// Get-Command's view of every stub function, as one JSON string.
const METADATA_CASE = `ConvertTo-Json -Depth 8 -Compress -InputObject @(foreach ($n in @(${ALL_EXCHANGE_CMDLETS.map((c) => psQuote(c.name)).join(', ')})) {
  $c = Get-Command $n
  [ordered]@{ name = $n; defaultSet = $c.DefaultParameterSet; sets = @(foreach ($s in $c.ParameterSets) { [ordered]@{ name = $s.Name; parameters = @(
    foreach ($p in $s.Parameters) { [ordered]@{ name = $p.Name; mandatory = $p.IsMandatory; position = $p.Position; fromPipeline = $p.ValueFromPipeline;
      byPropertyName = $p.ValueFromPipelineByPropertyName; aliases = @($p.Aliases); type = $p.ParameterType.FullName } }) } }) }
})`;

/** What the tables say Get-Command must report (own parameters plus pwsh 7's common ones). */
function expectedCommand(name: string): CommandInfo {
  const cmdlet = ALL_EXCHANGE_CMDLETS.find((c) => c.name === name)!;
  const view = shellView(cmdlet, '7');
  return {
    name,
    defaultSet: cmdlet.defaultSet,
    sets: [...cmdlet.sets].sort().map((set) => ({
      name: set,
      parameters: view.parameters
        .filter((p) => setsOf(cmdlet, p).includes(set))
        .map((p) => ({
          name: p.name,
          mandatory: p.mandatory,
          position: p.position,
          fromPipeline: p.pipeline === 'value' || p.pipeline === 'both',
          byPropertyName: p.pipeline === 'property' || p.pipeline === 'both',
          aliases: [...p.aliases].sort(),
          type: DOTNET_TYPES[p.type].fullName,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    })),
  };
}

function normalise(info: CommandInfo): CommandInfo {
  return {
    ...info,
    sets: [...info.sets]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((s) => ({
        name: s.name,
        parameters: s.parameters
          .map((p) => ({
            ...p,
            position: p.position === INT_MIN ? undefined : p.position,
            aliases: [...p.aliases].sort(),
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      })),
  };
}

describe('powershellModule text', () => {
  it('declares every table parameter once, leaving WhatIf/Confirm to SupportsShouldProcess', () => {
    const block = paramBlock(newExchangeCertificateSpec);
    expect(block).toContain("[Parameter(ParameterSetName='Request')]\n    [switch]\n    $GenerateRequest");
    expect(block).not.toContain('$WhatIf');
    expect(powershellModule()).toContain("SupportsShouldProcess=$true, ConfirmImpact='High', PositionalBinding=$false");
  });

  it('drops parameters a build lacks and the 3.0+ PositionalBinding flag for 2.0', () => {
    expect(paramBlock(newExchangeCertificateSpec, { exchange: '2019-CU12' })).not.toContain('$RequestFile');
    expect(paramBlock(newExchangeCertificateSpec, { exchange: '2019-CU11' })).toContain('$RequestFile');
    expect(powershellModule({ shell: '2.0' })).not.toContain('PositionalBinding');
  });
});

describeWithPwsh('powershellModule in real PowerShell', () => {
  let meta: CaseResult;
  let results: CaseResult[];
  const cases = {
    pipeline: `Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${THUMB} | Enable-ExchangeCertificate -Server AMS-EXCH01 -Services IIS`,
    renewal: `Get-ExchangeCertificate -Thumbprint ${THUMB} | New-ExchangeCertificate -GenerateRequest -PrivateKeyExportable $true`,
    ambiguous: 'New-ExchangeCertificate -GenerateRequest -Services IIS',
    unknown: 'Export-ExchangeCertificate -Thumbprint x -Bogus',
    missing: 'Enable-ExchangeCertificate -Thumbprint x',
    boolString: "Import-ExchangeCertificate -FileData ([byte[]](1, 2, 3)) -PrivateKeyExportable 'true'",
    values:
      "Import-ExchangeCertificate -FileData ([byte[]](1, 2, 3)) -Password (ConvertTo-SecureString -String 'p w' -AsPlainText -Force) " +
      "-FriendlyName 'a''b\u2019\u2019c\ud800' -Server:'EX 1'",
    positional: `Remove-ExchangeCertificate ${THUMB} -Confirm:$false`,
    services:
      "New-ExchangeCertificate -Services 'IIS,SMTP' -DomainName mail.contoso.com, autodiscover.contoso.com -SubjectName 'CN=mail.contoso.com'",
  };
  const keys = Object.keys(cases) as (keyof typeof cases)[];
  const result = (k: keyof typeof cases) => results[keys.indexOf(k)]!;

  beforeAll(async () => {
    [meta, ...results] = await runPwshBatch(powershellModule({ shell: '7' }), [
      METADATA_CASE,
      ...keys.map((k) => cases[k]),
    ]);
  });

  it('has the tables’ parameter sets and parameter metadata for all Exchange cmdlets (the six and their neighbours)', () => {
    expect(meta.error).toBeNull();
    const actual = (JSON.parse(meta.output[0]!) as CommandInfo[]).map(normalise);
    expect(actual).toEqual(ALL_EXCHANGE_CMDLETS.map((c) => expectedCommand(c.name)));
  });

  it('binds a piped Get-ExchangeCertificate to Enable-ExchangeCertificate by property name', () => {
    // Get's record body writes a stub ExchangeCertificate (an X509Certificate2) whose Thumbprint is the one asked for.
    expect(result('pipeline')).toEqual({
      ok: true,
      output: [],
      error: null,
      records: [
        {
          cmdlet: 'Get-ExchangeCertificate',
          parameterSet: 'Thumbprint',
          parameters: { Server: 'AMS-EXCH01', Thumbprint: THUMB },
          pipeline: [],
        },
        {
          cmdlet: 'Enable-ExchangeCertificate',
          parameterSet: 'Thumbprint',
          parameters: { Server: 'AMS-EXCH01', Services: { enum: 'IIS', value: 8 }, Thumbprint: THUMB },
          pipeline: ['Thumbprint'],
        },
      ],
    });
  });

  it('binds a piped certificate to New-ExchangeCertificate -Instance (renewal)', () => {
    expect(result('renewal').records[1]).toEqual({
      cmdlet: 'New-ExchangeCertificate',
      parameterSet: 'Request',
      parameters: { GenerateRequest: true, PrivateKeyExportable: true, Instance: { certificate: THUMB } },
      pipeline: ['Instance'],
    });
  });

  it.each([
    ['ambiguous', 'AmbiguousParameterSet,New-ExchangeCertificate', null, 'InvalidArgument'],
    ['unknown', 'NamedParameterNotFound,Export-ExchangeCertificate', 'Bogus', 'InvalidArgument'],
    ['missing', 'MissingMandatoryParameter,Enable-ExchangeCertificate', 'Services', 'InvalidArgument'],
    [
      'boolString',
      'ParameterArgumentTransformationError,Import-ExchangeCertificate',
      'PrivateKeyExportable',
      'InvalidData',
    ],
  ] as const)('reports %s as %s', (key, fqid, parameterName, category) => {
    const r = result(key);
    expect(r.ok).toBe(false);
    expect(r.records).toEqual([]);
    expect(r.error).toMatchObject({
      fullyQualifiedErrorId: fqid,
      errorId: fqid.split(',')[0],
      category,
      parameterName,
      phase: 'run',
    });
  });

  it('records bytes, secrets, quotes, lone surrogates, positions, enums and lists exactly', () => {
    expect(result('values').records[0]!.parameters).toEqual({
      FileData: { bytes: 'AQID' },
      Password: { secret: 'p w' },
      FriendlyName: "a'b\u2019c\ud800",
      Server: 'EX 1',
    });
    expect(result('positional').records[0]).toMatchObject({
      parameterSet: 'Thumbprint',
      parameters: { Thumbprint: THUMB, Confirm: false },
    });
    expect(result('services').records[0]).toMatchObject({
      parameterSet: 'Certificate',
      parameters: {
        Services: { enum: 'IIS, SMTP', value: 24 },
        DomainName: ['mail.contoso.com', 'autodiscover.contoso.com'],
        SubjectName: 'CN=mail.contoso.com',
      },
    });
  });

  it('keeps case order and isolation over a large batch', async () => {
    const many = Array.from(
      { length: 300 },
      (_, i) => `if ($m) { throw 'leaked' }; $m = 1; $n = ${i}; Get-ExchangeCertificate -Server "EX$n"`,
    );
    const out = await runPwshBatch(powershellModule({ shell: '7' }), many);
    expect(out.map((r) => r.records[0]?.parameters.Server)).toEqual(many.map((_, i) => `EX${i}`));
  });

  it('parses the 2.0 and 5.1 modules without errors and reports literal arguments', async () => {
    const [m20, m51, line] = await parseWithPwsh([
      powershellModule({ shell: '2.0' }),
      powershellModule({ shell: '5.1' }),
      "Enable-ExchangeCertificate -Thumbprint 'a''b' -Services:IIS -Server \"x$([char]0x2019)y\" -DomainName a, 'b'",
    ]);
    expect(m20!.errors).toEqual([]);
    expect(m51!.errors).toEqual([]);
    expect(
      line!.commands[0]!.elements.map((e) => [
        e.parameterName ?? null,
        e.argument?.value ?? e.value ?? e.elements?.map((x) => x.value) ?? null,
      ]),
    ).toEqual([
      ['Thumbprint', null],
      [null, "a'b"],
      ['Services', 'IIS'],
      ['Server', null],
      [null, 'x\u2019y'],
      ['DomainName', null],
      [null, ['a', 'b']],
    ]);
  });
});
