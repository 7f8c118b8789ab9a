import { describe, expect, it } from '@jest/globals';
import { bind, bindScript } from '../../src/bind/bind.js';
import { BindingError } from '../../src/errors/binding-error.js';
import { Secret } from '../../src/node/secret.js';

const T = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';

function bindError(text: string, options = {}): BindingError {
  try {
    bind(text, options);
  } catch (e) {
    if (e instanceof BindingError) return e;
    throw e;
  }
  throw new Error('expected a binding error');
}

describe('bind: names', () => {
  it('accepts unique prefixes, aliases and any case', () => {
    const [b] = bind(`enable-exchangecertificate -thu ${T} -Servi IIS -cf:$false -ea Stop`);
    expect(b!.cmdlet).toBe('Enable-ExchangeCertificate');
    expect(b!.parameters).toEqual({ thumbprint: T, services: ['IIS'], confirm: false, errorAction: 'Stop' });
  });
  it('reports ambiguous prefixes with PowerShell wording', () => {
    const e = bindError(`Enable-ExchangeCertificate ${T} -Services IIS -Do`);
    expect(e.errorId).toBe('AmbiguousParameter');
    expect(e.powershellMessage).toBe(
      "Parameter cannot be processed because the parameter name 'Do' is ambiguous. Possible matches include: -DomainController -DoNotRequireSsl.",
    );
  });
  it('reports unknown parameters with PowerShell wording', () => {
    const e = bindError(`Get-ExchangeCertificate -Bogus x`);
    expect(e.errorId).toBe('NamedParameterNotFound');
    expect(e.powershellMessage).toBe("A parameter cannot be found that matches parameter name 'Bogus'.");
    expect(e.fullyQualifiedErrorId).toBe('NamedParameterNotFound,Get-ExchangeCertificate');
  });
  it('reads en and em dashes as parameter dashes', () => {
    expect(bind(`Get-ExchangeCertificate –Server EXCH1 —Thumbprint ${T}`)[0]!.parameters).toEqual({
      server: 'EXCH1',
      thumbprint: T,
    });
  });
});

describe('bind: values', () => {
  it('binds positional thumbprints to -Thumbprint (the default set wins the shared position)', () => {
    expect(bind(`Get-ExchangeCertificate ${T}`)[0]).toMatchObject({
      parameterSet: 'Thumbprint',
      parameters: { thumbprint: T },
    });
    expect(bind(`Remove-ExchangeCertificate ${T} -Confirm:$false`)[0]).toMatchObject({
      parameterSet: 'Thumbprint',
      parameters: { thumbprint: T, confirm: false },
    });
  });
  it("gives [string] parameters a number's original text", () => {
    expect(
      bind('Get-ExchangeCertificate -Thumbprint 1234567890123456789012345678901234567890')[0]!.parameters.thumbprint,
    ).toBe('1234567890123456789012345678901234567890');
    expect(bind('New-ExchangeCertificate -FriendlyName 1E5')[0]!.parameters.friendlyName).toBe('1E5');
  });
  it('converts ints, bools, switches and services as PowerShell does', () => {
    expect(
      bind("New-ExchangeCertificate -KeySize '4096' -PrivateKeyExportable 1 -Force:$false -Services 'IIS,smtp'")[0]!
        .parameters,
    ).toEqual({ keySize: 4096, privateKeyExportable: true, force: false, services: ['IIS', 'SMTP'] });
    expect(bind('Enable-ExchangeCertificate x -Services 24')[0]!.parameters.services).toEqual(['IIS', 'SMTP']);
  });
  it('refuses strings for [bool] parameters', () => {
    const e = bindError("New-ExchangeCertificate -PrivateKeyExportable 'true'");
    expect(e.errorId).toBe('ParameterArgumentTransformationError');
    expect(e.powershellMessage).toContain('Boolean parameters accept only Boolean values and numbers');
  });
  it('binds `-Force $false` positionally, as PowerShell does (and fails: no positional parameter takes it)', () => {
    expect(bindError('New-ExchangeCertificate -Force $false').errorId).toBe('PositionalParameterNotFound');
  });
  it('types computed values and recognises the runbook idioms', () => {
    const [b] = bind(
      "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\c.pfx')) -Password (Get-Credential).Password -FriendlyName $name",
    );
    expect(b!.parameters.fileData).toEqual({ kind: 'fileBytes', path: 'C:\\c.pfx' });
    expect(b!.parameters.password).toEqual({ kind: 'expression', text: '(Get-Credential).Password' });
    expect(b!.parameters.friendlyName).toEqual({ kind: 'variable', name: 'name', path: [] });
    const [c] = bind(
      "Import-ExchangeCertificate -FileData (Get-Content c.pfx -AsByteStream -Raw) -Password (Read-Host -AsSecureString -Prompt 'PFX')",
    );
    expect(c!.parameters).toEqual({
      fileData: { kind: 'fileBytes', path: 'c.pfx' },
      password: { kind: 'secretPrompt', prompt: 'PFX' },
    });
  });
  it('reads plain-text SecureStrings as Secrets (smart quotes included)', () => {
    const [b] = bind('Export-ExchangeCertificate x -Password (ConvertTo-SecureString ‘Pass1word’ -AsPlainText -Force)');
    expect(b!.parameters.password).toBeInstanceOf(Secret);
    expect((b!.parameters.password as Secret).reveal()).toBe('Pass1word');
  });
  it('evaluates the ASCII-safe string form back to its value', () => {
    expect(bind('New-ExchangeCertificate -FriendlyName "a$([char]0x000A)b`$"')[0]!.parameters.friendlyName).toBe(
      'a\nb$',
    );
  });
});

describe('bind: parameter sets and pipelines', () => {
  it('reports unresolvable sets with PowerShell wording (7 adds a sentence)', () => {
    expect(bindError('New-ExchangeCertificate -GenerateRequest -Services IIS').powershellMessage).toBe(
      'Parameter set cannot be resolved using the specified named parameters.',
    );
    expect(
      bindError(`Enable-ExchangeCertificate -Identity ${T} -Server X -Services IIS`, { shell: '7' }).powershellMessage,
    ).toBe(
      'Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.',
    );
  });
  it('reports missing mandatory parameters', () => {
    const e = bindError('Enable-ExchangeCertificate -Services IIS');
    expect(e.errorId).toBe('MissingMandatoryParameter');
    expect(e.powershellMessage).toBe(
      'Cannot process command because of one or more missing mandatory parameters: Thumbprint.',
    );
  });
  it('fills pipeline parameters: by property name from certificates, by value into -Instance', () => {
    const [, enable] = bind(`Get-ExchangeCertificate ${T} | Enable-ExchangeCertificate -Services SMTP -Force`);
    expect(enable!.parameters.thumbprint).toEqual({ kind: 'pipelineInput', by: 'property' });
    const [, renew] = bind(`Get-ExchangeCertificate ${T} | New-ExchangeCertificate -GenerateRequest`);
    expect(renew).toMatchObject({
      parameterSet: 'Request',
      parameters: { generateRequest: true, instance: { kind: 'pipelineInput', by: 'value' } },
    });
  });
  it('expands splatted hashtables defined in the script; duplicates are an error on 5.1, explicit wins on 7', () => {
    const script = `$p = @{ Thumbprint = '${T}'; Services = 'IIS'; Force = $true }\nEnable-ExchangeCertificate @p`;
    expect(bind(script)[0]!.parameters).toEqual({ thumbprint: T, services: ['IIS'], force: true });
    expect(bindError(`${script} -Services SMTP`, { shell: '5.1' }).errorId).toBe('ParameterAlreadyBound');
    expect(bind(`${script} -Services SMTP`, { shell: '7' })[0]!.parameters.services).toEqual(['SMTP']);
  });
});

describe('bind: versions, dialects, unknown commands', () => {
  it('accepts every version without a target; reports what a target lacks', () => {
    expect(bind("Export-ExchangeCertificate x -FileName 'C:\\a.pfx'")).toHaveLength(1);
    const e = bindError("Export-ExchangeCertificate x -FileName 'C:\\a.pfx'", { exchange: '2019-CU14' });
    expect(e.powershellMessage).toBe("A parameter cannot be found that matches parameter name 'FileName'.");
    expect(e.detail).toContain('Exchange 2019-CU14 has no -FileName');
    expect(bind("Export-ExchangeCertificate x -FileName 'C:\\a.pfx'", { exchange: '2019-CU11' })).toHaveLength(1);
    expect(bindError(`Get-ExchangeCertificate -Identity ${T}`, { exchange: '2010' }).detail).toContain('-Thumbprint');
  });
  it('knows the dialect differences of the helper cmdlets', () => {
    expect(bindError('Get-Content x -Encoding Byte -ReadCount 0', { shell: '7' }).powershellMessage).toContain(
      "'Byte' is not a supported encoding name",
    );
    expect(bindError('Get-Content x -AsByteStream', { shell: '5.1' }).errorId).toBe('NamedParameterNotFound');
    expect(bind('Get-Content x -AsByteStream -Raw', { shell: '7' })).toHaveLength(1);
  });
  it('passes unknown commands through unbound', () => {
    const r = bindScript('$d = Get-Date\nWrite-Host "done" -ForegroundColor Green\nMy-Function 1 2');
    expect(r.errors).toEqual([]);
    expect(r.invocations.map((i) => [i.cmdlet, i.parameterSet])).toEqual([
      ['Get-Date', null],
      ['Write-Host', null],
      ['My-Function', null],
    ]);
    expect(r.invocations[1]!.parameters).toEqual({ foregroundColor: 'Green' });
    expect(r.invocations[2]!.args).toEqual([1, 2]);
  });
  it('collects errors with their line and column and keeps binding the rest', () => {
    const r = bindScript(
      `Get-ExchangeCertificate\n  Enable-ExchangeCertificate -Bogus 1\nGet-ExchangeCertificate ${T}`,
    );
    expect(r.invocations).toHaveLength(2);
    expect(r.errors[0]!.line).toBe(2);
    expect(r.errors[0]!.column).toBe(3);
    expect(r.errors[0]!.message).toMatch(/^line 2:3: Enable-ExchangeCertificate: A parameter cannot be found/);
  });
  it('finds commands inside if/foreach/try bodies', () => {
    const r = bind(
      `try { if ($x) { Get-ExchangeCertificate } } catch { Remove-ExchangeCertificate ${T} -Confirm:$false }\nforeach ($c in $list) { Enable-ExchangeCertificate $c.Thumbprint -Services IIS }`,
    );
    expect(r.map((b) => b.cmdlet)).toEqual([
      'Get-ExchangeCertificate',
      'Remove-ExchangeCertificate',
      'Enable-ExchangeCertificate',
    ]);
    expect(r[2]!.parameters.thumbprint).toEqual({ kind: 'variable', name: 'c', path: ['Thumbprint'] });
  });
});

describe('bind: positional type preference', () => {
  it('binds a positional script block to Where-Object -FilterScript, a name to -Property', () => {
    const [, w] = bind("Get-ExchangeCertificate | Where-Object { $_.Subject -like '*x*' }");
    expect(w).toMatchObject({
      cmdlet: 'Where-Object',
      parameterSet: 'ScriptBlockSet',
      parameters: { filterScript: { kind: 'expression', text: "{ $_.Subject -like '*x*' }" } },
    });
    const [, s] = bind("Get-ExchangeCertificate | ? Status -eq 'Valid'");
    expect(s).toMatchObject({
      cmdlet: 'Where-Object',
      parameterSet: 'EqualSet',
      parameters: { property: 'Status', eq: true, value: 'Valid' },
    });
  });
  it("repeats -Encoding's value as written in PowerShell 7's refusal", () => {
    expect(() => bind('Get-Content x -Encoding byte -ReadCount 0', { shell: '7' })).toThrow(
      "'byte' is not a supported encoding name",
    );
  });
});
