// Real PowerShell judges `exchcert port`: each fixture runbook, ported to Exchange 2019-CU14 in 5.1 and 7 and to
// Exchange 2010 in 2.0 (neither has -FileName / -RequestFile), runs in pwsh
// against stubs of the target's parameter sets. Every command binds to the set and parameters our binder says (and the
// rewrites intend); every command no edit touched binds exactly as it did before the port (stubs of a target that
// still has the old parameters).
import { expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandAst } from '../../src/ast/ast.js';
import { bindScript } from '../../src/bind/bind.js';
import { lint } from '../../src/lint/lint.js';
import { walkAst } from '../../src/parser/ast-walk.js';
import { parse } from '../../src/parser/parser.js';
import type { ShellVersion } from '../../src/spec/shell-version.js';
import type { JudgeRecord } from '../support/judge-stubs.js';
import { judgeFileContent, judgeFilesScript, judgeModule, lowerFirst, show } from '../support/judge-stubs.js';
import { describeWithPwsh, runPwshBatch } from '../support/pwsh.js';

const DIR = join(import.meta.dirname, '../../fixtures/port');
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.ps1'))
  .sort();
const FILES = ['C:\\certs\\mail.cer', '\\\\EX2013A\\c$\\certs\\webmail.pfx'];

// The client-side write is a .NET call, not a binding: the judge records its arguments instead of writing a file.
const SETUP = String.raw`
class JudgeFile { static [void] WriteAllBytes([string]$Path, [byte[]]$Bytes) { $global:JudgeWrites += ,$Path } }
$global:JudgeWrites = @()
$ExchcertPassword = ConvertTo-SecureString -String 'judge' -AsPlainText -Force
`;

function judged(text: string): string {
  return text.replace(/\[System\.IO\.File\]::WriteAllBytes\(/g, '[JudgeFile]::WriteAllBytes(');
}

function commandAt(text: string, line: number, column: number): CommandAst | undefined {
  let found: CommandAst | undefined;
  walkAst(parse(text), (n) => {
    if (n.type === 'CommandAst' && n.extent.startLine === line && n.extent.startColumn === column) found = n;
  });
  return found;
}

async function run(shell: ShellVersion, exchange: string, texts: readonly string[]): Promise<JudgeRecord[][]> {
  const files = new Map(FILES.map((f) => [f, judgeFileContent(f)] as const));
  const setup = [judgeModule({ shell, exchange }), judgeFilesScript(files), SETUP].join('\n');
  const results = await runPwshBatch(setup, texts.map(judged));
  return results.map((r, i) => {
    expect({ fixture: i, error: r.error }).toEqual({ fixture: i, error: null });
    return r.records as JudgeRecord[];
  });
}

describeWithPwsh('ported runbooks in real PowerShell', () => {
  for (const [shell, TARGET] of [
    ['5.1', '2019-CU14'],
    ['7', '2019-CU14'],
    ['2.0', '2010'],
  ] as const) {
    it(`bind to the intended sets and values, untouched statements as before (Exchange ${TARGET}, ${shell}, ${FIXTURES.length} fixtures)`, async () => {
      const originals = FIXTURES.map((f) => readFileSync(join(DIR, f), 'utf8'));
      const ports = originals.map((t) =>
        lint(t, { exchange: TARGET, shell, fix: true, unattended: true, secrets: 'variable' }),
      );
      const after = await run(
        shell,
        TARGET,
        ports.map((p) => p.text),
      );
      let compared = 0;
      ports.forEach((p, i) => {
        for (const rec of after[i]!) {
          const cmd = commandAt(p.text, rec.line, rec.column);
          expect(cmd).toBeDefined();
          const [ours] = bindScript(cmd!.extent.text, { shell, exchange: TARGET }).invocations;
          const where = `${FIXTURES[i]} ${rec.line}:${rec.column} ${cmd!.extent.text}`;
          expect({ where, cmdlet: ours?.cmdlet, set: ours?.parameterSet }).toEqual({
            where,
            cmdlet: rec.cmdlet,
            set: rec.parameterSet,
          });
          expect({ where, names: Object.keys(rec.parameters).map(lowerFirst).sort() }).toEqual({
            where,
            names: Object.keys(ours!.parameters).sort(),
          });
          compared++;
        }
      });
      // What the rewrites intend, as PowerShell bound it.
      const all = after.flat();
      const of = (cmdlet: string) => all.filter((r) => r.cmdlet === cmdlet);
      for (const r of of('Export-ExchangeCertificate')) {
        expect(r.parameters.BinaryEncoded).toBe(true);
        expect(r.parameters).not.toHaveProperty('FileName');
      }
      for (const r of of('Import-ExchangeCertificate')) expect(r.parameterSet).toBe('FileData');
      for (const r of of('New-ExchangeCertificate')) expect(r.parameters).not.toHaveProperty('RequestFile');
      expect(of('Set-Content').map((r) => r.parameters.LiteralPath)).toEqual([['C:\\certs\\mail.req']]);
      for (const r of of('Remove-ExchangeCertificate')) expect(show(r.parameters.Confirm)).toBe('false');
      for (const r of of('Enable-ExchangeCertificate')) expect(r.parameters.Force).toBe(true);
      for (const r of of('Get-Content'))
        expect(shell === '7' ? r.parameters.AsByteStream : String(r.parameters.Encoding).toLowerCase()).toBe(
          shell === '7' ? true : 'byte',
        );
      expect(compared).toBeGreaterThanOrEqual(10);

      // Statements no edit touched bind as they did before the port (on a target that still has the old parameters).
      const before = await run(shell === '7' ? '5.1' : shell, '2013', originals);
      let untouched = 0;
      originals.forEach((text, i) => {
        for (const rec of before[i]!) {
          const cmd = commandAt(text, rec.line, rec.column);
          if (!cmd) continue;
          const { startOffset: s, endOffset: e } = cmd.extent;
          if (ports[i]!.edits.some((ed) => ed.start <= e && ed.end >= s)) continue;
          const same = after[i]!.find(
            (r) =>
              r.cmdlet === rec.cmdlet && commandAt(ports[i]!.text, r.line, r.column)?.extent.text === cmd.extent.text,
          );
          expect(same && { set: same.parameterSet, parameters: show(same.parameters) }).toEqual({
            set: rec.parameterSet,
            parameters: show(rec.parameters),
          });
          untouched++;
        }
      });
      expect(untouched).toBeGreaterThanOrEqual(1);
    }, 180_000);
  }
});
