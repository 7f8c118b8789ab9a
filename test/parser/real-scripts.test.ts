// Done-when proof of issue 7: our parser against PowerShell's own on real scripts nobody here wrote — the .ps1/.psm1
// files shipped with PowerShell 7.6.9 and with Pester 6.2.0 (NuGet; .ci/run restores it). One pwsh process dumps
// pwsh's ASTs (pwsh-ast-dump.ps1); every statement and command must match by extent, errors by position.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from '@jest/globals';
import { describeWithPwsh, pwshPath } from '../support/pwsh.js';
import {
  brokenVariants,
  missingFrom,
  ourHelp,
  ourStructure,
  readScript,
  realScripts,
} from './real-scripts/script-structure.js';
import type { ScriptStructure } from './real-scripts/script-structure.js';

interface PwshFile extends ScriptStructure {
  readonly file: string;
  readonly help: readonly (readonly unknown[])[];
}

describeWithPwsh("our parser vs PowerShell 7.6.9's parser on PowerShell's and Pester's own scripts", () => {
  const files = realScripts(pwshPath());
  const originals = [...files.powershell, ...files.pester];
  let all: string[] = [];
  let pwsh: PwshFile[] = [];

  beforeAll(() => {
    if (originals.length === 0) return;
    const dir = mkdtempSync(join(tmpdir(), 'exchcert-real-'));
    try {
      // Broken copies of every file: the first error must be where pwsh reports it.
      const broken = originals.flatMap((file, i) =>
        brokenVariants(readScript(file)).map((v) => {
          const path = join(dir, `${i}-${v.name}.ps1`);
          writeFileSync(path, '\ufeff' + v.text);
          return path;
        }),
      );
      all = [...originals, ...broken];
      const list = join(dir, 'files.txt');
      writeFileSync(list, all.join('\n'));
      const script = join(import.meta.dirname, 'real-scripts', 'pwsh-ast-dump.ps1');
      const run = spawnSync(pwshPath()!, ['-NoProfile', '-NonInteractive', '-File', script, '-ListFile', list], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      if (run.status !== 0) throw new Error(`pwsh failed: ${run.stderr}`);
      pwsh = JSON.parse(run.stdout) as PwshFile[];
      // Read the broken copies now: the folder goes away.
      texts = new Map(all.map((f) => [f, readScript(f)]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
  let texts = new Map<string, string>();

  it('finds the scripts of PowerShell 7.6.9 and Pester 6.2.0 (.ci/run installs both)', () => {
    expect(files.powershell.length).toBeGreaterThanOrEqual(30);
    expect(files.pester.length).toBeGreaterThanOrEqual(2);
    expect(pwsh.map((f) => f.file)).toEqual(all);
    expect(all.length).toBeGreaterThan(originals.length * 3);
  });

  it('parses every file pwsh parses, with the same statements and commands; errors at the same place', () => {
    const problems: string[] = [];
    let lines = 0;
    let statements = 0;
    let commands = 0;
    let errors = 0;
    for (const theirs of pwsh) {
      const text = texts.get(theirs.file)!;
      const original = originals.includes(theirs.file);
      if (original) lines += text.split(/\r\n|\r|\n/).length;
      const ours = ourStructure(text);
      const name = theirs.file;
      if (theirs.error !== null || ours.error !== null) {
        if (theirs.error === null) {
          problems.push(
            `${name}: pwsh parses it, we report ${ours.error!.line}:${ours.error!.column} ${ours.error!.message}`,
          );
        } else if (ours.error === null)
          problems.push(
            `${name}: pwsh reports ${theirs.error.line}:${theirs.error.column} ${theirs.error.message}, we parse it`,
          );
        else if (ours.error.line !== theirs.error.line || ours.error.column !== theirs.error.column) {
          problems.push(
            `${name}: first error at ${ours.error.line}:${ours.error.column}, pwsh at ${theirs.error.line}:${theirs.error.column}`,
          );
        } else {
          errors++;
        }
        continue;
      }
      for (const s of missingFrom(theirs.statements, ours.statements))
        problems.push(`${name}: pwsh has statement ${s}, we do not`);
      for (const s of missingFrom(ours.statements, theirs.statements))
        problems.push(`${name}: we have statement ${s}, pwsh does not`);
      for (const c of missingFrom(theirs.commands, ours.commands))
        problems.push(`${name}: pwsh has command ${c}, we do not`);
      for (const c of missingFrom(ours.commands, theirs.commands))
        problems.push(`${name}: we have command ${c}, pwsh does not`);
      statements += theirs.statements.length;
      commands += theirs.commands.length;
    }
    console.log(
      `real scripts compared with pwsh: ${originals.length} files (${lines} lines) and ${all.length - originals.length} broken copies; ` +
        `${statements} statements and ${commands} commands matched, ${errors} first errors at pwsh's position`,
    );
    expect(problems.slice(0, 50)).toEqual([]);
    expect(commands).toBeGreaterThan(1000);
    expect(errors).toBeGreaterThan(20);
  });

  it("finds every function's comment-based help where pwsh's GetHelpContent() does, with the same sections", () => {
    const problems: string[] = [];
    let compared = 0;
    for (const theirs of pwsh.filter((f) => originals.includes(f.file))) {
      const ours = ourHelp(texts.get(theirs.file)!);
      for (const h of missingFrom(theirs.help, ours))
        problems.push(`${theirs.file}: pwsh has help ${h.slice(0, 200)}, we do not`);
      for (const h of missingFrom(ours, theirs.help))
        problems.push(`${theirs.file}: we have help ${h.slice(0, 200)}, pwsh does not`);
      compared += theirs.help.length;
    }
    console.log(`comment-based help compared with pwsh: ${compared} functions`);
    expect(problems.slice(0, 30)).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });
});
