// Real PowerShell is the judge of the binder: generated command lines for the Exchange cmdlets (the six and their
// neighbours) run in pwsh 7
// against stub functions with the cmdlets' param blocks, and through bind(line, { shell: '7' }). Success or failure,
// error id and wording, parameter set and every bound value must agree.
import { beforeAll, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { bind } from '../../src/bind/bind.js';
import { BindingError } from '../../src/errors/binding-error.js';
import type { ParameterValue } from '../../src/node/invocation.js';
import { ParseError } from '../../src/parser/parse-error.js';
import type { CmdletSpec, ParameterSpec } from '../../src/spec/cmdlet-spec.js';
import { ALL_EXCHANGE_CMDLETS, shellView } from '../../src/spec/registry.js';
import type { CaseResult } from '../support/pwsh.js';
import { describeWithPwsh, runPwshBatch } from '../support/pwsh.js';
import { compareLiteral, judgeModule, lowerFirst, show } from '../support/judge-stubs.js';

const RUNS = 2400;
const SEED = 0x6b1d3e5;

const hex = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789ABCDEF'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const thumbprint = fc.oneof(
  { weight: 6, arbitrary: hex(40) },
  { weight: 1, arbitrary: hex(40).map((t) => t.toLowerCase()) },
  // Bare, these lex as numbers (PowerShell gives a [string] parameter the original text back).
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...'0123456789'), { minLength: 40, maxLength: 40 }).map((a) => a.join('')),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(...'0123456789'), { minLength: 38, maxLength: 38 })
      .map((a) => `${a.join('')}E5`),
  },
  { weight: 1, arbitrary: fc.constantFrom('0x1234', '1234D', '12kb', '1E5') },
);
const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;
const word = (arb: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 3, arbitrary: arb }, { weight: 2, arbitrary: arb.map(quoted) });
const dns = fc.constantFrom(
  'mail.contoso.com',
  'autodiscover.contoso.com',
  'webmail.exchangefun.nl',
  'EX01.corp.local',
);
const server = fc.constantFrom('EX01', 'AMS-EXCH01', 'ex-2.contoso.com');

/** An argument for a parameter of this type: mostly right, sometimes a type error. */
function argument(p: ParameterSpec): fc.Arbitrary<string> {
  switch (p.type) {
    case 'Boolean':
      return fc.constantFrom('$true', '$false', '$true', '$false', '1', '0', '2', "'yes'", "'true'", '$null');
    case 'Int32':
    case 'Int64':
      return fc.constantFrom(
        '2048',
        '4096',
        '1024',
        "'4096'",
        '0x800',
        "'0x800'",
        'abc',
        '2.5',
        '3.5',
        "'2.5'",
        "'1e3'",
        '1e3',
        "' 42 '",
        '99999999999',
        '-1',
        '$true',
        '$null',
      );
    case 'AllowedServices':
      return fc.constantFrom(
        'IIS',
        "'IIS'",
        "'IIS,SMTP'",
        'IIS, SMTP',
        "'POP','IMAP'",
        'iis',
        "'IIS, SMTP'",
        '24',
        '0',
        "'None'",
        "'Foo'",
        'IIS, Foo',
        "'SM*'",
        "'I*'",
        'Federation',
        'UMCallRouter',
      );
    case 'MultiValuedProperty':
    case 'String[]':
      return fc.oneof(
        word(dns),
        fc.tuple(dns, dns).map(([a, b]) => `${a}, ${b}`),
        fc.tuple(dns, dns).map(([a, b]) => `${quoted(a)},${quoted(b)}`),
        dns.map((a) => `@(${quoted(a)})`),
      );
    case 'X500DistinguishedName':
      return fc.constantFrom(
        "'CN=mail.contoso.com'",
        "'CN=mail.contoso.com, O=Contoso'",
        '"CN=a.contoso.com, O=Contoso, C=NL"',
        "'garbage'",
      );
    case 'SecureString':
      return fc.constantFrom(
        "(ConvertTo-SecureString -String 'P@ss' -AsPlainText -Force)",
        "(ConvertTo-SecureString 'x y' -AsPlainText -Force)",
        "'plain'",
        '$null',
      );
    case 'Byte[]':
      return fc.constantFrom('([byte[]](1,2,3))', '([byte[]](0,255))', '1,2,3', "'abc'", '1,2,300');
    case 'X509Certificate2':
      return fc.constantFrom('$null');
    case 'ActionPreference':
      return fc.constantFrom('Stop', 'SilentlyContinue', "'Continue'", 'Ignore', 'Inquire', 'stop', 'Suspend', 'Bogus');
    case 'SwitchParameter':
      return fc.constant('');
    case 'DateTime':
      return fc.constantFrom("'4/17/2026'", "'4/17/2026 10:30'", '"12/31/2027 23:59:59"', '4/17/2026');
    case 'SmtpX509Identifier':
      return fc.constantFrom(
        "'<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=mail.contoso.com'",
        '"<I>CN=mail.contoso.com<S>CN=mail.contoso.com"',
        "'<I>CN=Contoso CA, DC=contoso, DC=com<S>CN=smtp.contoso.com, O=Contoso'",
      );
    default:
      if (p.name === 'Thumbprint') return word(thumbprint);
      if (p.name === 'Identity')
        return fc.oneof(
          hex(40).map((t) => quoted(`EX01\\${t}`)),
          word(hex(40)),
        );
      if (p.name === 'Server' || p.name === 'DomainController') return fc.oneof(word(server), fc.constant('2048'));
      if (
        ['ErrorVariable', 'WarningVariable', 'InformationVariable', 'OutVariable', 'PipelineVariable'].includes(p.name)
      )
        return word(fc.constantFrom('errs', 'out1', '+append'));
      return fc.oneof(word(fc.constantFrom('Contoso 2026', 'x', 'C:\\certs\\a.pfx', '2048')), fc.constant('1E5'));
  }
}

/** How a name is written: full, unique or ambiguous prefix, alias; any case; sometimes an en dash. */
function spelling(p: ParameterSpec): fc.Arbitrary<string> {
  const names = [p.name, ...p.aliases];
  return fc
    .tuple(
      fc.constantFrom(...names),
      fc.oneof({ weight: 4, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }) }),
      fc.constantFrom('same', 'same', 'same', 'lower', 'upper'),
      fc.constantFrom('-', '-', '-', '-', '-', '-', '-', '\u2013'),
    )
    .map(([n, k, c, dash]) => {
      const cut = k < 0 ? n : n.slice(0, k);
      return dash + (c === 'lower' ? cut.toLowerCase() : c === 'upper' ? cut.toUpperCase() : cut);
    });
}

function named(p: ParameterSpec): fc.Arbitrary<string> {
  if (p.type === 'SwitchParameter') {
    return fc
      .tuple(spelling(p), fc.constantFrom('', '', '', '', ':$false', ':$true', ' $false', ':0'))
      .map(([s, v]) => s + v);
  }
  return fc
    .tuple(spelling(p), argument(p), fc.constantFrom(' ', ' ', ' ', ':', ': ', 'MISSING'))
    .map(([s, v, sep]) => (sep === 'MISSING' ? s : s + sep + v));
}

const BOGUS = [
  '-Bogus',
  '-Path',
  '-Name',
  '-Id x',
  '-P',
  '-Se',
  '-Su',
  '-Do',
  '-In',
  '-F',
  '-W',
  '-O',
  '-E',
  '-I',
  '-Pa',
  '-Inf',
  '-Pro',
  '-Wa',
  '-ea:',
  '-Thumb',
];

function line(spec: CmdletSpec): fc.Arbitrary<string> {
  const view = shellView(spec, '7');
  const item = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...view.parameters).chain(named) },
    { weight: 2, arbitrary: word(thumbprint) },
    { weight: 1, arbitrary: fc.constantFrom(...BOGUS) },
    { weight: 1, arbitrary: fc.constantFrom('extra', "'two words'", '$false', '42') },
  );
  // Bias toward the parameters each set needs, so that many lines bind; then shuffle everything.
  const needs = view.parameters.filter((p) => p.mandatory);
  return fc
    .tuple(fc.array(item, { minLength: 0, maxLength: 5 }), fc.subarray(needs))
    .chain(([items, wanted]) => sequence([...items.map((i) => fc.constant(i)), ...wanted.map(named)]))
    .chain((all) => fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }))
    .map((all) => [spec.name, ...all].join(' '));
}

function sequence(arbs: readonly fc.Arbitrary<string>[]): fc.Arbitrary<string[]> {
  return arbs.reduce<fc.Arbitrary<string[]>>((acc, a) => acc.chain((xs) => a.map((x) => [...xs, x])), fc.constant([]));
}

// Lines the brief names, so that they are always judged.
const FIXED = [
  "New-ExchangeCertificate -PrivateKeyExportable 'yes'",
  'New-ExchangeCertificate -KeySize abc',
  'New-ExchangeCertificate -KeySize 2048 -Force:$false -PrivateKeyExportable:$true',
  'Remove-ExchangeCertificate 225B26D7F8EF0721887213EEF71F87380DE8AEEE -cf:$false -wi',
  'Remove-ExchangeCertificate -Thumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE -ea Stop -Confirm:$false',
  'New-ExchangeCertificate -Do mail.contoso.com',
  'New-ExchangeCertificate -Se IIS',
  "New-ExchangeCertificate -Su 'CN=x'",
  'Import-ExchangeCertificate -P $null -FileData ([byte[]](1,2,3))',
  'Enable-ExchangeCertificate 225B26D7F8EF0721887213EEF71F87380DE8AEEE -Services IIS,SMTP -Force',
  'Enable-ExchangeCertificate -Thumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE',
  'Get-ExchangeCertificate -Identity x -Thumbprint y',
  'New-ExchangeCertificate -GenerateRequest -Services IIS',
  'Get-ExchangeCertificate -Server a -Server b',
  'Get-ExchangeCertificate -Server',
  'Export-ExchangeCertificate A B',
  'Get-ExchangeCertificate -Bogus',
  "Set-AuthConfig -NewCertificateThumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE -NewCertificateEffectiveDate '4/17/2026'",
  'Set-AuthConfig -PublishCertificate',
  'Set-AuthConfig -ClearPreviousCertificate',
  'Set-AuthConfig -PublishCertificate -NewCertificateThumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE',
  'Set-AuthConfig -Server EX01 -Realm contoso.com',
  'Set-AuthConfig -CertificateThumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE -Force',
  'Get-ExchangeServer EX01',
  'Get-ExchangeServer -Domain contoso.com -Identity EX01',
  'Get-ReceiveConnector -Server EX01 -Identity x',
  "Set-SendConnector Internet -TlsCertificateName '<I>CN=a<S>CN=b' -Force",
  "Set-ReceiveConnector 'EX01\\Default EX01' -TlsCertificateName '<I>CN=a<S>CN=b' -Fqdn mail.contoso.com",
  'Set-ReceiveConnector -TlsCertificateName x',
  'Set-PopSettings -Server EX01 -X509CertificateName mail.contoso.com',
  'Set-ImapSettings -X509CertificateName mail.contoso.com -LoginType SecureLogin',
  'Get-ClientAccessService EX01',
  'Get-AuthConfig -DomainController dc01.contoso.com',
];

const lines: string[] = [
  ...FIXED,
  ...fc.sample(fc.constantFrom(...ALL_EXCHANGE_CMDLETS).chain(line), { seed: SEED, numRuns: RUNS }),
];

interface Ours {
  readonly ok: boolean;
  readonly parameterSet?: string | null;
  readonly parameters?: Readonly<Record<string, ParameterValue>>;
  readonly errorId?: string;
  readonly message?: string;
  readonly parse?: boolean;
  readonly crash?: string;
}

function ours(text: string): Ours {
  try {
    const invs = bind(text, { shell: '7' });
    if (invs.length !== 1) return { ok: false, crash: `bind gave ${invs.length} invocations` };
    return { ok: true, parameterSet: invs[0]!.parameterSet, parameters: invs[0]!.parameters };
  } catch (e) {
    if (e instanceof BindingError) return { ok: false, errorId: e.errorId, message: e.powershellMessage };
    if (e instanceof ParseError) return { ok: false, parse: true, message: e.reason };
    return { ok: false, crash: String(e) };
  }
}

/** PowerShell's message is ours, or ours followed by more lines/sentences. */
function sameWording(ps: string, mine: string): boolean {
  if (ps === mine) return true;
  return mine.length > 0 && ps.startsWith(mine) && /^(\r?\n|\s)/.test(ps.slice(mine.length)) && /[.!?"]$/.test(mine);
}

interface Mismatch {
  readonly kind: string;
  readonly detail: string;
}

/** A PowerShell failure that is no binding outcome (e.g. -ErrorVariable $false fails when the variable is set). */
function notBinding(ps: CaseResult): boolean {
  return !ps.ok && ps.error!.phase === 'run' && !ps.error!.exceptionType.includes('ParameterBinding');
}

function compare(ps: CaseResult, mine: Ours): Mismatch | null {
  if (mine.crash) return { kind: 'binder crashed', detail: mine.crash };
  if (ps.ok !== mine.ok) {
    return ps.ok
      ? {
          kind: `PowerShell binds, we report ${mine.parse ? 'a parse error' : mine.errorId}`,
          detail: `ours: ${mine.message}; PowerShell bound ${show(ps.records[0])}`,
        }
      : {
          kind: `PowerShell reports ${ps.error?.errorId}, we bind`,
          detail: `PowerShell: ${ps.error?.message}; ours: ${show({ set: mine.parameterSet, parameters: mine.parameters })}`,
        };
  }
  if (!ps.ok) {
    const err = ps.error!;
    if (err.phase === 'parse' || mine.parse) {
      return err.phase === 'parse' && mine.parse
        ? null
        : {
            kind: `parse error on one side only (PowerShell ${err.phase}/${err.errorId})`,
            detail: `PowerShell: ${err.message}; ours: ${mine.message}`,
          };
    }
    if (err.errorId !== mine.errorId)
      return {
        kind: `errorId ${err.errorId} vs ours ${mine.errorId}`,
        detail: `PowerShell: ${err.message}\n    ours: ${mine.message}`,
      };
    if (!sameWording(err.message, mine.message ?? ''))
      return {
        kind: `wording of ${err.errorId}`,
        detail: `PowerShell: ${err.message}\n    ours:       ${mine.message}`,
      };
    return null;
  }
  const rec = ps.records[0];
  if (!rec || ps.records.length !== 1) return { kind: 'stub recorded no single binding', detail: show(ps.records) };
  if (rec.parameterSet !== mine.parameterSet)
    return { kind: 'parameter set', detail: `PowerShell ${rec.parameterSet}, ours ${mine.parameterSet}` };
  const view = shellView(
    ALL_EXCHANGE_CMDLETS.find((c) => c.name === rec.cmdlet)!,
    '7',
  );
  const psKeys = Object.keys(rec.parameters).map(lowerFirst).sort();
  const myKeys = Object.keys(mine.parameters!).sort();
  if (psKeys.join() !== myKeys.join())
    return { kind: 'bound parameter names', detail: `PowerShell [${psKeys.join(', ')}], ours [${myKeys.join(', ')}]` };
  for (const [psName, actual] of Object.entries(rec.parameters)) {
    const p = view.parameters.find((q) => q.name === psName);
    const err = compareLiteral(p, mine.parameters![lowerFirst(psName)]!, actual);
    if (err) return { kind: `value of ${p?.type ?? '?'} parameter`, detail: `-${psName}: ${err}` };
  }
  return null;
}

describeWithPwsh('binder vs PowerShell 7 on generated command lines', () => {
  let results: CaseResult[] = [];

  beforeAll(async () => {
    results = await runPwshBatch(judgeModule({ shell: '7', cmdlets: ALL_EXCHANGE_CMDLETS }), lines);
  });

  it(`generates at least 2,000 distinct lines across the six cmdlets and their neighbours, with successes and each kind of error`, () => {
    expect(new Set(lines).size).toBeGreaterThanOrEqual(2000);
    for (const c of ALL_EXCHANGE_CMDLETS)
      expect(lines.filter((l) => l.startsWith(`${c.name} `) || l === c.name).length).toBeGreaterThan(50);
    const ids = new Set(results.map((r) => (r.ok ? 'ok' : r.error!.errorId)));
    for (const id of [
      'ok',
      'NamedParameterNotFound',
      'AmbiguousParameter',
      'AmbiguousParameterSet',
      'MissingMandatoryParameter',
      'ParameterAlreadyBound',
      'PositionalParameterNotFound',
      'MissingArgument',
      'ParameterArgumentTransformationError',
    ]) {
      expect([...ids]).toContain(id);
    }
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(RUNS / 5);
  });

  it('bind(line, { shell: "7" }) agrees with PowerShell on every line', () => {
    const mismatches: { line: string; m: Mismatch }[] = [];
    const skipped = lines.filter((_, i) => notBinding(results[i]!));
    expect(skipped.length).toBeLessThan(lines.length / 50);
    lines.forEach((l, i) => {
      if (notBinding(results[i]!)) return;
      const m = compare(results[i]!, ours(l));
      if (m) mismatches.push({ line: l, m });
    });
    // JUDGE_DUMP=<file> writes every mismatch as JSON, for triage.
    if (process.env.JUDGE_DUMP) writeFileSync(process.env.JUDGE_DUMP, JSON.stringify(mismatches, null, 1));
    if (mismatches.length > 0) {
      const kinds = new Map<string, number>();
      for (const x of mismatches) kinds.set(x.m.kind, (kinds.get(x.m.kind) ?? 0) + 1);
      // One example of each kind first, then the rest in order.
      const firsts = mismatches.filter((x, i) => mismatches.findIndex((y) => y.m.kind === x.m.kind) === i);
      const shown = [...firsts, ...mismatches.filter((x) => !firsts.includes(x))].slice(0, 20);
      throw new Error(
        `${mismatches.length} of ${lines.length} lines bind differently from PowerShell.\nBy kind:\n${[...kinds]
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => `  ${n} × ${k}`)
          .join('\n')}\n` +
          `First 20 (one per kind first):\n${shown.map((x) => `- ${x.line}\n    [${x.m.kind}] ${x.m.detail}`).join('\n')}`,
      );
    }
  });
});
