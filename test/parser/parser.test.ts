import { describe, expect, it } from '@jest/globals';
import { parse } from '../../src/parser/parser.js';
import { ParseError } from '../../src/parser/parse-error.js';
import { MAX_DEPTH, MAX_NESTING } from '../../src/parser/parser-base.js';
import { getHelpContent } from '../../src/parser/help-content.js';
import type {
  AssignmentStatementAst,
  CommandAst,
  CommandParameterAst,
  ExpressionAst,
  PipelineAst,
  StatementAst,
  StringConstantExpressionAst,
} from '../../src/ast/ast.js';
import { only, parseError, shape, shapeOf } from './ast-shape.js';

const SEED = {
  request:
    '$RequestData = New-ExchangeCertificate -GenerateRequest -Server AMS-EXCH01 -SubjectName "c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl" -DomainName webmail.exchangefun.nl, autodiscover.exchangefun.nl -PrivateKeyExportable $true',
  saveRequest: 'Set-Content -path "C:\\install\\ssl-request.req" -value $RequestData',
  readCer: '$Data = [Byte[]]$(Get-Content -Path "c:\\install\\webmail_exchangefun_nl.cer" -Encoding byte -ReadCount 0)',
  importCer: 'Import-ExchangeCertificate -Server AMS-EXCH01 -FileData $Data',
  enable:
    'Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE | Enable-ExchangeCertificate -Server AMS-EXCH01 -Services IIS',
  exportPfx:
    'Export-ExchangeCertificate -Thumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE -FileName "C:\\Install\\webmail_exchangefun_nl.pfx" -BinaryEncoded -Password (ConvertTo-SecureString -String \'Pass1word\' -AsPlainText -Force)',
  importPfx:
    "Import-ExchangeCertificate -Server RESEXCH01 -FileData ([Byte[]]$(Get-Content -Path c:\\install\\webmail_exchangefun_nl.pfx -Encoding byte -ReadCount 0)) -Password (ConvertTo-SecureString -String 'Pass1word' -AsPlainText -Force)",
};

function pipelineOf(s: StatementAst): PipelineAst {
  if (s.type !== 'PipelineAst') throw new Error(`expected a pipeline, got ${s.type}`);
  return s;
}

function commandOf(s: StatementAst, index = 0): CommandAst {
  const e = pipelineOf(s).pipelineElements[index]!;
  if (e.type !== 'CommandAst') throw new Error(`expected a command, got ${e.type}`);
  return e;
}

function command(text: string): CommandAst {
  return commandOf(only(text));
}

function expression(text: string): ExpressionAst {
  const e = pipelineOf(only(text)).pipelineElements[0]!;
  if (e.type !== 'CommandExpressionAst') throw new Error(`expected an expression, got ${e.type}`);
  return e.expression;
}

function assignment(text: string): AssignmentStatementAst {
  const s = only(text);
  if (s.type !== 'AssignmentStatementAst') throw new Error(`expected an assignment, got ${s.type}`);
  return s;
}

function param(e: unknown): CommandParameterAst {
  const p = e as CommandParameterAst;
  if (p.type !== 'CommandParameterAst') throw new Error(`expected a parameter, got ${JSON.stringify(p)}`);
  return p;
}

function bare(value: string): Partial<StringConstantExpressionAst> {
  return { type: 'StringConstantExpressionAst', value, stringConstantType: 'BareWord' };
}

describe('the seed runbook', () => {
  it('step 1: New-ExchangeCertificate into $RequestData, -DomainName takes one array of two bare words', () => {
    const a = assignment(SEED.request);
    expect(a.left).toMatchObject({ type: 'VariableExpressionAst', variablePath: 'RequestData' });
    expect(a.operator).toBe('=');
    const cmd = commandOf(a.right);
    const els = cmd.commandElements;
    expect(els[0]).toMatchObject(bare('New-ExchangeCertificate'));
    expect(els.map((e) => (e.type === 'CommandParameterAst' ? `-${e.parameterName}` : e.type))).toEqual([
      'StringConstantExpressionAst',
      '-GenerateRequest',
      '-Server',
      'StringConstantExpressionAst',
      '-SubjectName',
      'StringConstantExpressionAst',
      '-DomainName',
      'ArrayLiteralAst',
      '-PrivateKeyExportable',
      'VariableExpressionAst',
    ]);
    expect(els[5]).toMatchObject({
      stringConstantType: 'DoubleQuoted',
      value: 'c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl',
    });
    const domains = els[7]!;
    expect(domains.type).toBe('ArrayLiteralAst');
    if (domains.type !== 'ArrayLiteralAst') return;
    expect(domains.elements).toEqual([
      expect.objectContaining(bare('webmail.exchangefun.nl')),
      expect.objectContaining(bare('autodiscover.exchangefun.nl')),
    ]);
    expect(domains.extent.text).toBe('webmail.exchangefun.nl, autodiscover.exchangefun.nl');
    expect(els[9]).toMatchObject({ type: 'VariableExpressionAst', variablePath: 'true' });
    expect(param(els[1])).toMatchObject({
      parameterName: 'GenerateRequest',
      argument: null,
      usedColon: false,
      dash: '-',
    });
  });

  it('step 1: Set-Content with a double-quoted path and a variable', () => {
    expect(shapeOf(SEED.saveRequest)).toBe(
      'cmd(bare:Set-Content -path dq:C:\\install\\ssl-request.req -value $RequestData)',
    );
  });

  it('step 3: [Byte[]]$(Get-Content ...) is a ConvertExpressionAst over a SubExpressionAst', () => {
    const right = pipelineOf(assignment(SEED.readCer).right).pipelineElements[0]!;
    expect(right.type).toBe('CommandExpressionAst');
    if (right.type !== 'CommandExpressionAst') return;
    const conv = right.expression;
    expect(conv.type).toBe('ConvertExpressionAst');
    if (conv.type !== 'ConvertExpressionAst') return;
    expect(conv.typeConstraint).toMatchObject({ type: 'TypeConstraintAst', typeName: 'Byte[]' });
    expect(conv.typeConstraint.extent.text).toBe('[Byte[]]');
    expect(conv.child.type).toBe('SubExpressionAst');
    expect(shape(conv.child)).toBe(
      '$(cmd(bare:Get-Content -Path dq:c:\\install\\webmail_exchangefun_nl.cer -Encoding bare:byte -ReadCount 0:Int32))',
    );
  });

  it('step 3: Import-ExchangeCertificate -FileData $Data', () => {
    expect(shapeOf(SEED.importCer)).toBe(
      'cmd(bare:Import-ExchangeCertificate -Server bare:AMS-EXCH01 -FileData $Data)',
    );
  });

  it('step 4: a two-command pipeline; the 40-digit thumbprint is a bare word, not a number', () => {
    const p = pipelineOf(only(SEED.enable));
    expect(p.pipelineElements).toHaveLength(2);
    expect(commandOf(p, 0).commandElements[4]).toMatchObject(bare('225B26D7F8EF0721887213EEF71F87380DE8AEEE'));
    expect(shape(p)).toBe(
      'cmd(bare:Get-ExchangeCertificate -Server bare:AMS-EXCH01 -Thumbprint bare:225B26D7F8EF0721887213EEF71F87380DE8AEEE) | cmd(bare:Enable-ExchangeCertificate -Server bare:AMS-EXCH01 -Services bare:IIS)',
    );
    expect(p.extent.text).toBe(SEED.enable);
  });

  it('step 5: -Password (ConvertTo-SecureString ...) is a ParenExpressionAst', () => {
    const cmd = command(SEED.exportPfx);
    const pw = cmd.commandElements[cmd.commandElements.length - 1]!;
    expect(pw.type).toBe('ParenExpressionAst');
    expect(shape(pw)).toBe('(cmd(bare:ConvertTo-SecureString -String sq:Pass1word -AsPlainText -Force))');
    expect(pw.extent.text).toBe("(ConvertTo-SecureString -String 'Pass1word' -AsPlainText -Force)");
  });

  it('step 6: -FileData ([Byte[]]$(...)) with an unquoted path', () => {
    expect(shapeOf(SEED.importPfx)).toBe(
      'cmd(bare:Import-ExchangeCertificate -Server bare:RESEXCH01 -FileData ([Byte[]]$(cmd(bare:Get-Content -Path bare:c:\\install\\webmail_exchangefun_nl.pfx -Encoding bare:byte -ReadCount 0:Int32))) -Password (cmd(bare:ConvertTo-SecureString -String sq:Pass1word -AsPlainText -Force)))',
    );
  });

  it('parses the whole runbook with LF, CRLF, lone CR and ; separators alike', () => {
    const lines = Object.values(SEED);
    const expected = lines.map(shapeOf).join('; ');
    for (const sep of ['\n', '\r\n', '\r', ';', ' ; ', '\n\n\n']) {
      const ast = parse(lines.join(sep));
      expect(ast.statements).toHaveLength(7);
      expect(shape(ast)).toBe(expected);
    }
  });
});

describe('extents', () => {
  it('gives 1-based lines/columns, 0-based offsets and the exact text of each node', () => {
    const text = 'Get-X -A 1\r\n  $y = "z" |\n  fl';
    const ast = parse(text);
    expect(ast.extent).toMatchObject({ startLine: 1, startColumn: 1, startOffset: 0, endOffset: text.length, text });
    const cmd = commandOf(ast.statements[0]!);
    expect(cmd.extent).toMatchObject({
      startLine: 1,
      startColumn: 1,
      endLine: 1,
      endColumn: 11,
      startOffset: 0,
      endOffset: 10,
      text: 'Get-X -A 1',
    });
    const a = ast.statements[1] as AssignmentStatementAst;
    expect(a.extent).toMatchObject({
      startLine: 2,
      startColumn: 3,
      endLine: 3,
      endColumn: 5,
      startOffset: 14,
      text: '$y = "z" |\n  fl',
    });
    expect(a.left.extent).toMatchObject({ startLine: 2, startColumn: 3, endColumn: 5, text: '$y' });
  });

  it('serialise as plain extents (lines, columns and text are worked out when read)', () => {
    const a = parse('Get-X\n  $y = 1').statements[1] as AssignmentStatementAst;
    expect(JSON.parse(JSON.stringify(a.left.extent))).toEqual({
      startLine: 2,
      startColumn: 3,
      endLine: 2,
      endColumn: 5,
      startOffset: 8,
      endOffset: 10,
      text: '$y',
    });
  });

  it('counts columns in UTF-16 code units', () => {
    const e = command('echo 😀 x').commandElements[2]!;
    expect(e.extent).toMatchObject({ startColumn: 9, startOffset: 8, text: 'x' });
  });

  it('covers a command from its name to its last element, and a pipeline from first to last element', () => {
    const p = pipelineOf(only('  a -b c   |   d  '));
    expect(p.extent.text).toBe('a -b c   |   d');
    expect(commandOf(p).extent.text).toBe('a -b c');
    expect(command('a -P:  value').commandElements[1]!.extent.text).toBe('-P:  value');
  });
});

describe('commands', () => {
  it('takes bare-word names, including aliases like fl, ? and %', () => {
    expect(shapeOf('Get-X | fl | ? { $_ } | % { 1 }')).toBe(
      'cmd(bare:Get-X) | cmd(bare:fl) | cmd(bare:? {$_}) | cmd(bare:% {1:Int32})',
    );
  });

  it('takes & and . invocation operators', () => {
    expect(shapeOf("& 'c:\\a b.exe' -x")).toBe('&cmd(sq:c:\\a b.exe -x)');
    expect(shapeOf('. .\\setup.ps1')).toBe('.cmd(bare:.\\setup.ps1)');
    expect(shapeOf('& $cmd @args')).toBe('&cmd($cmd @args)');
  });

  it('reads parameters with all four dashes, recording the dash', () => {
    const els = command('Get-X –Server a —Force ―P -Q').commandElements.slice(1);
    expect(
      els.filter((e) => e.type === 'CommandParameterAst').map((e) => [param(e).parameterName, param(e).dash]),
    ).toEqual([
      ['Server', '\u2013'],
      ['Force', '\u2014'],
      ['P', '\u2015'],
      ['Q', '-'],
    ]);
  });

  it('binds -Name:value (whitespace allowed after the colon) as the parameter argument', () => {
    expect(param(command('Get-X -Force:$false').commandElements[1])).toMatchObject({
      parameterName: 'Force',
      usedColon: true,
      argument: { type: 'VariableExpressionAst', variablePath: 'false' },
    });
    expect(param(command('Get-X -P: value').commandElements[1])).toMatchObject({
      usedColon: true,
      argument: bare('value'),
    });
    expect(shapeOf('Get-X -P:-x')).toBe('cmd(bare:Get-X -P:bare:-x)');
    expect(shapeOf('Get-X -P:a,b')).toBe('cmd(bare:Get-X -P:array(bare:a, bare:b))');
    expect(shapeOf("Get-X -P:'--%' a")).toBe('cmd(bare:Get-X -P:sq:--% bare:a)');
  });

  it('keeps a following value separate from a switch without colon', () => {
    expect(shapeOf('Get-X -Force $false')).toBe('cmd(bare:Get-X -Force $false)');
  });

  it('reads bare words, numbers, strings, variables and member access as arguments', () => {
    expect(shapeOf('Get-X AMS-EXCH01 2048 c:\\x.cer $x.Name $x.M(1) $x[0] $env:COMPUTERNAME')).toBe(
      'cmd(bare:Get-X bare:AMS-EXCH01 2048:Int32 bare:c:\\x.cer $x.Name $x.M(1:Int32) $x[0:Int32] $env:COMPUTERNAME)',
    );
    expect(shapeOf('Get-X $a-b a$b "x$($y)"')).toBe('cmd(bare:Get-X bare"{$a}-b" bare"a{$b}" dq"x{$($y)}")');
    expect(shapeOf('Get-X @(1) @{a=1} { 1 } $(2)')).toBe(
      'cmd(bare:Get-X @(1:Int32) @{bare:a=1:Int32} {1:Int32} $(2:Int32))',
    );
  });

  it('reads [Type]::Member as a bare word in argument mode, as PowerShell does', () => {
    expect(shapeOf('echo [int]::MaxValue')).toBe('cmd(bare:echo bare:[int]::MaxValue)');
    expect(shapeOf('echo ([int]::MaxValue)')).toBe('cmd(bare:echo (type[int]::MaxValue))');
  });

  it('builds one ArrayLiteralAst from comma-separated arguments; a newline may follow a comma', () => {
    expect(shapeOf('Get-X -Services IIS, SMTP -P a,\n  b')).toBe(
      'cmd(bare:Get-X -Services array(bare:IIS, bare:SMTP) -P array(bare:a, bare:b))',
    );
    expect(shapeOf("Get-X 'a','b'")).toBe('cmd(bare:Get-X array(sq:a, sq:b))');
  });

  it('rejects a trailing or leading comma', () => {
    const trailing = parseError('Get-X a,');
    expect([trailing.reason, trailing.line, trailing.column, trailing.incompleteInput]).toEqual([
      "Missing expression after ',' in pipeline element.",
      1,
      9,
      true,
    ]);
    expect(parseError('Get-X ,a').reason).toBe('Missing argument in parameter list.');
  });

  it('splats @params', () => {
    const els = command('New-ExchangeCertificate @params -Force').commandElements;
    expect(els[1]).toMatchObject({ type: 'VariableExpressionAst', variablePath: 'params', splatted: true });
    expect(parseError('$x = @params').reason).toMatch(
      /splatting operator '@' cannot be used to reference variables in an expression/,
    );
    expect(parseError('Get-X @a, @b').reason).toMatch(/cannot be part of a comma-separated list/);
  });

  it('ends parameter parsing at --', () => {
    expect(shapeOf('Get-X -- -Y --')).toBe('cmd(bare:Get-X -- bare:-Y bare:--)');
    expect(param(command('Get-X -- a').commandElements[1])).toMatchObject({ parameterName: '-', argument: null });
  });

  it('takes the rest of the line verbatim after --% (up to | or &&)', () => {
    expect(shapeOf('icacls.exe c:\\x --% /grant "a b":(F) $x')).toBe(
      'cmd(bare:icacls.exe bare:c:\\x bare:--% bare:/grant "a b":(F) $x)',
    );
    expect(shapeOf('a --% x y | b')).toBe('cmd(bare:a bare:--% bare:x y ) | cmd(bare:b)');
    expect(shapeOf('a --% x "|" y')).toBe('cmd(bare:a bare:--% bare:x "|" y)');
    expect(shapeOf('a --%')).toBe('cmd(bare:a bare:--% bare:)');
  });

  it("handles a quoted '--%' as PowerShell does: only -P:'--%' and ('--%') are always safe", () => {
    expect(shapeOf("& '--%' -x y")).toBe('&cmd(sq:--% bare:-x y)');
    expect(shapeOf("Get-X '--%' a b")).toBe('cmd(bare:Get-X sq:--% bare:a bare:b)');
    expect(shapeOf("Get-X ('--%') a")).toBe('cmd(bare:Get-X (sq:--%) bare:a)');
    expect(parseError("Get-X '--%' -x y").reason).toMatch(
      /quoted '--%' followed by a parameter makes PowerShell drop '-x'/,
    );
  });

  it('keeps a#b as one word and ends the statement at a real comment', () => {
    expect(shapeOf('Get-X a#b # comment')).toBe('cmd(bare:Get-X bare:a#b)');
  });
});

describe('pipelines and statements', () => {
  it('separates statements by newlines (CR, LF, CRLF) and semicolons, skipping blank lines', () => {
    expect(shapeOf('a\r\rb\n\nc\r\n\r\nd;;e')).toBe('cmd(bare:a); cmd(bare:b); cmd(bare:c); cmd(bare:d); cmd(bare:e)');
    expect(parse('').statements).toEqual([]);
    expect(parse('\n \t\n; # only a comment').statements).toEqual([]);
  });

  it('continues a pipeline after | and before a line starting with | (PowerShell 7)', () => {
    expect(shapeOf('a |\n\n  b')).toBe('cmd(bare:a) | cmd(bare:b)');
    expect(shapeOf('a\n  | b\n  # note\n  | c')).toBe('cmd(bare:a) | cmd(bare:b) | cmd(bare:c)');
    expect(shapeOf('a\n\n| b'.replace('| b', 'b'))).toBe('cmd(bare:a); cmd(bare:b)');
    expect(parseError('a\n\n| b').reason).toBe('An empty pipe element is not allowed.');
  });

  it('reads && || chains (left-associative) and a trailing & as PowerShell 7 does', () => {
    const chain = only('Get-X && Get-Y || Get-Z');
    expect(chain.type).toBe('PipelineChainAst');
    if (chain.type !== 'PipelineChainAst') return;
    expect([chain.operator, chain.lhs.type, chain.lhs.extent.text, chain.rhs.extent.text]).toEqual([
      '||',
      'PipelineChainAst',
      'Get-X && Get-Y',
      'Get-Z',
    ]);
    const bg = only('Start-Long &');
    expect(bg.type === 'PipelineAst' && bg.background).toBe(true);
    expect(parseError('a &&').incompleteInput).toBe(true);
  });

  it('allows an expression only as the first pipeline element', () => {
    expect(shapeOf('1,2 | % { $_ }')).toBe('array(1:Int32, 2:Int32) | cmd(bare:% {$_})');
    expect(parseError('a | $x').reason).toBe('Expressions are only allowed as the first element of a pipeline.');
  });

  it('reads assignments with every operator; the right side can be a pipeline or a statement', () => {
    for (const op of ['=', '+=', '-=', '*=', '/=', '%=']) expect(assignment(`$x ${op} 1`).operator).toBe(op);
    expect(shapeOf('$c = Get-X -A 1 | Select -First 1')).toBe(
      '$c = cmd(bare:Get-X -A 1:Int32) | cmd(bare:Select -First 1:Int32)',
    );
    expect(shapeOf('$x = $y = 1')).toBe('$x = $y = 1:Int32');
    expect(shapeOf('$x = if ($a) { 1 } else { 2 }')).toBe('$x = if($a){1:Int32}else{2:Int32}');
    expect(shapeOf('$a, $b = 1, 2')).toBe('array($a, $b) = array(1:Int32, 2:Int32)');
    expect(shapeOf('[int]$x = "5"')).toBe('[int]$x = dq:5');
    expect(shapeOf('$h.Key = 1; $a[0] = 2')).toBe('$h.Key = 1:Int32; $a[0:Int32] = 2:Int32');
    expect(parseError('(1) = 2').reason).toMatch(/The assignment expression is not valid/);
    expect(parseError('$x =').incompleteInput).toBe(true);
  });

  it('reads if/elseif/else with newlines between } and the keywords, case-insensitively', () => {
    const ifs = only('IF ($x -eq 1) {\n  a\n}\nElseIf ($y) { b }\n\nELSE\n{ c }');
    expect(ifs.type).toBe('IfStatementAst');
    expect(shape(ifs)).toBe('if(($x -eq 1:Int32)){cmd(bare:a)}elseif($y){cmd(bare:b)}else{cmd(bare:c)}');
    expect(shapeOf('if ($x) { a }\nb')).toBe('if($x){cmd(bare:a)}; cmd(bare:b)');
    expect(shapeOf('if ($r = Get-X) { $r }')).toBe('if($r = cmd(bare:Get-X)){$r}');
  });

  it('reads foreach over a pipeline', () => {
    const f = only('foreach ($c in Get-ExchangeCertificate -Server A | ? { $_.IsSelfSigned }) {\n  $c.Thumbprint\n}');
    expect(f.type).toBe('ForEachStatementAst');
    expect(shape(f)).toBe(
      'foreach($c in cmd(bare:Get-ExchangeCertificate -Server bare:A) | cmd(bare:? {$_.IsSelfSigned})){$c.Thumbprint}',
    );
  });

  it('reads try/catch [types]/catch/finally across newlines', () => {
    const t = only(
      'try { Import-X }\ncatch [System.Net.WebException], [System.IO.IOException] { $_ }\ncatch { throw }\nfinally { "done" }',
    );
    expect(t.type).toBe('TryStatementAst');
    expect(shape(t)).toBe(
      'try{cmd(bare:Import-X)}catch[System.Net.WebException],[System.IO.IOException]{$_}catch{throw}finally{dq:done}',
    );
    expect(parseError('try {} catch {} catch [X] {}').reason).toBe('Catch block must be the last catch block.');
    expect(parseError('try { a }').reason).toBe('The Try statement is missing its Catch or Finally block.');
  });

  it('reads throw, return, break and continue', () => {
    expect(shapeOf('throw "bad thing"; throw; return $x; return')).toBe('throw dq:bad thing; throw; return $x; return');
    expect(shapeOf('foreach ($a in $b) { if ($a) { break } else { continue } }')).toBe(
      'foreach($a in $b){if($a){break}else{continue}}',
    );
    expect(parseError('try {} finally { return }').reason).toBe('Flow of control cannot leave a Finally block.');
    expect(shapeOf('try {} finally { foreach ($a in $b) { break } }')).toBe('try{}finally{foreach($a in $b){break}}');
  });

  it('reads every statement PowerShell has, with PowerShell node names', () => {
    const cases: [string, string][] = [
      ['while ($true) { }', 'WhileStatementAst'],
      ['do { } while ($x)', 'DoWhileStatementAst'],
      ['do { } until ($x)', 'DoUntilStatementAst'],
      ['for ($i = 0; $i -lt 3; $i++) { }', 'ForStatementAst'],
      ['for (;;) { }', 'ForStatementAst'],
      ['switch -regex -casesensitive ($x) { "a" { } default { } }', 'SwitchStatementAst'],
      ['function f { }', 'FunctionDefinitionAst'],
      ['filter f { $_ }', 'FunctionDefinitionAst'],
      [
        'class C : B { [int] $X = 1; hidden static [string] M([int] $a) { return "" } C() : base(1) { } }',
        'TypeDefinitionAst',
      ],
      ['enum E { A; B = 2 }', 'TypeDefinitionAst'],
      ['[Flags()] enum E { A = 1; B = 2 }', 'TypeDefinitionAst'],
      ['trap [Exception] { continue }', 'TrapStatementAst'],
      ['exit 1', 'ExitStatementAst'],
      ['data d -SupportedCommand ConvertFrom-StringData { "x" }', 'DataStatementAst'],
      [':outer foreach ($a in $b) { break outer }', 'ForEachStatementAst'],
      ['configuration Web { Node localhost { } }', 'ConfigurationDefinitionAst'],
      ['else { }', 'PipelineAst'],
    ];
    for (const [text, type] of cases) expect([text, only(text).type]).toEqual([text, type]);
  });

  it('reads param blocks with attributes, named blocks, using statements and redirections', () => {
    const sb = parse(
      'using namespace System.Text\n[CmdletBinding()]\nparam([Parameter(Mandatory)][string] $Name = "x", $Other)\nbegin { a }\nprocess { b }\nend { c }',
    );
    expect(sb.usingStatements?.[0]?.usingStatementKind).toBe('Namespace');
    expect(sb.paramBlock?.attributes.map((a) => a.typeName)).toEqual(['CmdletBinding']);
    expect(
      sb.paramBlock?.parameters.map((p) => [
        p.name.variablePath,
        p.attributes.length,
        p.defaultValue?.extent.text ?? null,
      ]),
    ).toEqual([
      ['Name', 2, '"x"'],
      ['Other', 0, null],
    ]);
    expect([
      sb.beginBlock?.statements.length,
      sb.processBlock?.statements.length,
      sb.endBlock?.statements.length,
      sb.statements.length,
    ]).toEqual([1, 1, 1, 0]);
    const cmd = only('Get-X 2>&1 > out.txt');
    const el = cmd.type === 'PipelineAst' ? cmd.pipelineElements[0] : undefined;
    expect(el?.redirections?.map((r) => r.type)).toEqual(['MergingRedirectionAst', 'FileRedirectionAst']);
    expect(el?.extent.text).toBe('Get-X 2>&1 > out.txt');
  });

  it('reads the PowerShell 7 operators and attributed expressions', () => {
    expect(shapeOf('$a ? 1 : 2')).toBe('TernaryExpressionAst<$a ? 1 : 2>');
    expect(shapeOf('$a ?? 1')).toBe('($a ?? 1:Int32)');
    expect(assignment('$a ??= 1').operator).toBe('??=');
    expect(shapeOf('${x}?.Name')).toBe('$x.Name');
    expect(shapeOf('[ValidateNotNull()]$x = 1')).toBe('AttributedExpressionAst<[ValidateNotNull()]$x> = 1:Int32');
    expect(shapeOf('[System.String, mscorlib]::Empty')).toBe('type[System.String, mscorlib]::Empty');
  });

  it('reports the error PowerShell reports for an empty switch, at its closing brace', () => {
    const e = parseError('switch ($x) {}');
    expect([e.line, e.column]).toEqual([1, 14]);
  });
});

describe('comment-based help', () => {
  it('finds help before a function, at the start of its body or at its end, as PowerShell does', () => {
    const text = [
      '<#',
      '  .SYNOPSIS',
      '    Exports a certificate.',
      '  .PARAMETER Thumbprint',
      '    Which one.',
      '  .EXAMPLE',
      '    Export-It -Thumbprint x',
      '#>',
      '',
      'function Export-It { param($Thumbprint) }',
      'function Inside {',
      '  # .SYNOPSIS',
      '  #   In the body.',
      '}',
      '# not help',
      'function None { }',
    ].join('\n');
    const root = parse(text);
    const fns = root.statements.filter((s) => s.type === 'FunctionDefinitionAst');
    const [exportIt, inside, none] = fns.map((f) => getHelpContent(root, f));
    expect(exportIt?.synopsis).toBe('Exports a certificate.\n');
    expect(exportIt?.parameters).toEqual({ THUMBPRINT: 'Which one.\n' });
    // PowerShell keeps the blank line before '#>' (checked with pwsh 7.6.9's GetHelpContent()).
    expect(exportIt?.examples).toEqual(['Export-It -Thumbprint x\n\n']);
    expect(inside?.synopsis).toBe('In the body.\n');
    expect(none).toBeNull();
  });
});

describe('#requires', () => {
  it('reads #requires comments as PowerShell does, with its errors at its positions', () => {
    const r = parse(
      "x\n  #Requires -Version 3 -Modules A, @{ModuleName='B';ModuleVersion='1.0'}\n#requires -RunAsAdministrator -PSEdition Core",
    ).scriptRequirements;
    expect([r?.requiredPSVersion, r?.requiredModules.length, r?.isElevationRequired, r?.requiredPSEditions]).toEqual([
      '3.0',
      2,
      true,
      ['Core'],
    ]);
    expect(parse('# requires -Version 3').scriptRequirements).toBeUndefined();
    const cases: [string, string][] = [
      ['#Requires -Foo 1', '1:11 Cannot process the #requires statement because it is not in the correct format.'],
      ['#requires -Version', '1:11 Parameter Version requires an argument.'],
      ['#requiresx -Foo', '1:2 Cannot process the #requires statement because it is not in the correct format.'],
      [
        '#requires -Version abc',
        '1:20 The argument for the Version parameter is not valid. Specify a valid PowerShell version, in the format major.minor version.',
      ],
    ];
    for (const [text, want] of cases) {
      const e = parseError(text);
      expect(`${e.line}:${e.column} ${e.reason.split('\n')[0]}`).toBe(want);
    }
  });
});

describe('dialects', () => {
  const dialectError = (text: string, shell: '2.0' | '5.1' | '7'): string => {
    try {
      parse(text, { shell });
    } catch (e) {
      if (e instanceof ParseError) return `${e.line}:${e.column} ${e.reason}`;
      throw e;
    }
    return 'parsed';
  };

  it('reports what PowerShell 2.0 and 5.1 lack, at the construct, only when a shell is given', () => {
    expect(dialectError('a\nb && c', '5.1')).toBe(
      "2:1 Windows PowerShell 5.1 does not have the '&&' pipeline chain operator (it exists from PowerShell 7).",
    );
    expect(dialectError('$x = $a ? 1 : 2', '5.1')).toBe(
      "1:6 Windows PowerShell 5.1 does not have the ternary operator '? :' (it exists from PowerShell 7).",
    );
    expect(dialectError('b && c', '7')).toBe('parsed');
    expect(dialectError('class C { }', '5.1')).toBe('parsed');
    expect(dialectError('a\nclass C { }', '2.0')).toBe(
      '2:1 Windows PowerShell 2.0 does not have class definitions (it exists from PowerShell 5.0).',
    );
    expect(dialectError('using namespace System', '2.0')).toMatch(/^1:1 .*'using' statements .*5\.0/);
    expect(dialectError('$h = [ordered]@{}', '2.0')).toMatch(/^1:6 .*\[ordered\]/);
    expect(dialectError('1 -in 1, 2', '2.0')).toMatch(/^1:1 .*'-in' operator .*3\.0/);
    expect(dialectError('Get-X 3> w.txt', '2.0')).toMatch(/^1:7 .*warning stream/);
    expect(dialectError('workflow w { }', '7')).toBe('1:1 Workflow is not supported in PowerShell 6+.');
    expect(dialectError('workflow w { }', '5.1')).toBe('parsed');
    expect(() => parse('b && c; class C { }; workflow w { }')).not.toThrow();
  });

  it('finds every PowerShell 7 construct in 5.1 (the check walks only scripts that spell one)', () => {
    const seven: [string, RegExp][] = [
      ['a || b', /'\|\|' pipeline chain/],
      ['Get-X &', /background operator/],
      ['$a ?? 1', /'\?\?' operator/],
      ['$a ??= 1', /'\?\?=' operator/],
      ['${a}?.b', /null-conditional operator '\?\.'/],
      ['${a}?[0]', /null-conditional operator '\?\[\]'/],
      ['function f { CLEAN { } }', /'clean' block/],
    ];
    for (const [text, reason] of seven) {
      expect(dialectError(text, '5.1')).toMatch(reason);
      expect(dialectError(text, '7')).toBe('parsed');
    }
    expect(dialectError('Get-X -A "a&b?"', '5.1')).toBe('parsed');
  });
});

describe('expressions', () => {
  it('reads strings, numbers and variables ($true/$false/$null are variables)', () => {
    expect(shapeOf('\'a\'; "b"; 1; $true; $null; ${a b}; $env:USERNAME; $_; $?; $$; $^')).toBe(
      'sq:a; dq:b; 1:Int32; $true; $null; $a b; $env:USERNAME; $_; $?; $$; $^',
    );
  });

  it('reads member access, method calls, static members and indexing', () => {
    expect(shapeOf('$x.Items[0].Name.ToUpper()')).toBe('$x.Items[0:Int32].Name.ToUpper()');
    expect(shapeOf("[System.IO.File]::ReadAllBytes('c:\\x')")).toBe('type[System.IO.File]::ReadAllBytes(sq:c:\\x)');
    expect(shapeOf('[System.Text.Encoding]::Unicode.GetBytes($t)')).toBe(
      'type[System.Text.Encoding]::Unicode.GetBytes($t)',
    );
    expect(shapeOf('$s.Substring(1,\n  2)')).toBe('$s.Substring(1:Int32, 2:Int32)');
    expect(shapeOf("$x.'a b'; $x.$name")).toBe('$x.sq:a b; $x.$name');
    const call = expression("[IO.File]::WriteAllBytes('c:\\o.pfx', $b)");
    expect(call).toMatchObject({
      type: 'InvokeMemberExpressionAst',
      static: true,
      expression: { type: 'TypeExpressionAst', typeName: 'IO.File' },
    });
  });

  it("reads a cast inside parentheses without scanning it as a bare word first (a ')' inside a string is fine)", () => {
    const text =
      "Import-ExchangeCertificate -FileData ([Byte[]]$(Get-Content -LiteralPath ')' -Encoding 'Byte' -ReadCount 0)) -Password (ConvertTo-SecureString -String '' -AsPlainText -Force)";
    expect(shapeOf(text)).toBe(
      'cmd(bare:Import-ExchangeCertificate -FileData ([Byte[]]$(cmd(bare:Get-Content -LiteralPath sq:) -Encoding sq:Byte -ReadCount 0:Int32))) -Password (cmd(bare:ConvertTo-SecureString -String sq: -AsPlainText -Force)))',
    );
    // At the start of a statement PowerShell first scans `[...` as a bare word, whose naive `$(` scan trips on the quote.
    expect(parseError("$d = [Byte[]]$(Get-Content -LiteralPath ')')").reason).toBe(
      "The string is missing the terminator: '.",
    );
  });

  it('reads $x?.Name as member access on the variable x? (? is a name character), as PowerShell does', () => {
    expect(shapeOf('$x?.Name')).toBe('$x?.Name');
  });

  it('reads casts and type literals', () => {
    expect(shapeOf('[string]$x; [Byte[]]$(1); [int[][]]$a; [System.Collections.Generic.List[string]]$l')).toBe(
      '[string]$x; [Byte[]]$(1:Int32); [int[][]]$a; [System.Collections.Generic.List[string]]$l',
    );
    expect(expression('[int]')).toMatchObject({ type: 'TypeExpressionAst', typeName: 'int' });
    expect(shapeOf('[int] [string] $x')).toBe('[int][string]$x');
    expect(shapeOf('[ordered]@{ a = 1 }')).toBe('[ordered]@{bare:a=1:Int32}');
    expect(parseError('[ordered]1').reason).toMatch(/ordered attribute can be specified only on a hash literal/);
  });

  it('reads array literals, @(), $(), hashtables and script blocks', () => {
    expect(shapeOf('1, 2, 3; ,1; @(); @(1, 2); $(1; 2)')).toBe(
      'array(1:Int32, 2:Int32, 3:Int32); array(1:Int32); @(); @(array(1:Int32, 2:Int32)); $(1:Int32; 2:Int32)',
    );
    expect(shapeOf("@{ a = 1; 'b' = 'x'\n  c = Get-Date }")).toBe(
      '@{bare:a=1:Int32; sq:b=sq:x; bare:c=cmd(bare:Get-Date)}',
    );
    expect(shapeOf('{ $_.Thumbprint -eq "x" }')).toBe('{($_.Thumbprint -eq dq:x)}');
    expect(parseError('@{ a = 1; A = 2 }').reason).toBe("Duplicate keys 'A' are not allowed in hash literals.");
  });

  it('reads unary operators, increments and casts', () => {
    expect(shapeOf('-not $x; !$x; -$x; +$x; ++$x; $x--; -split $s; -join $a; -bnot 1')).toBe(
      '(-not $x); (! $x); (- $x); (+ $x); (++ $x); (--postfix $x); (-split $s); (-join $a); (-bnot 1:Int32)',
    );
    expect(expression('-5')).toMatchObject({ type: 'ConstantExpressionAst', value: -5, staticType: 'Int32' });
    expect(parseError('1++').reason).toBe("The '++' operator works only on variables or on properties.");
  });

  it('follows PowerShell precedence: -and/-or < bitwise < comparison < + - < * / % < -f < .. < unary < comma', () => {
    expect(shapeOf('$a -or $b -and $c')).toBe('(($a -or $b) -and $c)');
    expect(shapeOf('1 -eq 1 -band 0')).toBe('((1:Int32 -eq 1:Int32) -band 0:Int32)');
    expect(shapeOf('1 -band 2 -or 3')).toBe('((1:Int32 -band 2:Int32) -or 3:Int32)');
    expect(shapeOf('1 + 2 -eq 3')).toBe('((1:Int32 + 2:Int32) -eq 3:Int32)');
    expect(shapeOf('1 + 2 * 3 - 4')).toBe('((1:Int32 + (2:Int32 * 3:Int32)) - 4:Int32)');
    expect(shapeOf('"{0}" -f 1 + 1')).toBe('((dq:{0} -f 1:Int32) + 1:Int32)');
    expect(shapeOf('1..3 -f 2')).toBe('((1:Int32 .. 3:Int32) -f 2:Int32)');
    expect(shapeOf('-not $a -eq $b')).toBe('((-not $a) -eq $b)');
    expect(shapeOf('1,2 -eq 2')).toBe('(array(1:Int32, 2:Int32) -eq 2:Int32)');
    expect(shapeOf('$a -shl 1 -eq 2')).toBe('(($a -shl 1:Int32) -eq 2:Int32)');
  });

  it('reads every comparison operator with i/c prefixes, case-insensitively and with any dash', () => {
    const ops = [
      'eq',
      'ne',
      'gt',
      'ge',
      'lt',
      'le',
      'like',
      'notlike',
      'match',
      'notmatch',
      'contains',
      'notcontains',
      'in',
      'notin',
      'replace',
      'split',
      'join',
      'is',
      'isnot',
      'as',
    ];
    for (const op of ops) {
      for (const p of ['', 'i', 'c']) {
        if ((op === 'is' || op === 'isnot' || op === 'as' || op === 'join') && p !== '') continue;
        expect(expression(`$a –${(p + op).toUpperCase()} $b`)).toMatchObject({
          type: 'BinaryExpressionAst',
          operator: `-${p}${op}`,
        });
      }
    }
  });

  it('allows a newline after a binary operator and after a comma', () => {
    expect(shapeOf('$a -and\n  $b')).toBe('($a -and $b)');
    expect(shapeOf('$x = 1,\n  2')).toBe('$x = array(1:Int32, 2:Int32)');
  });

  it('reads $() and variables inside expandable strings', () => {
    expect(shapeOf('"Name: $($c.Subject) on $env:COMPUTERNAME, ${x}!"')).toBe(
      'dq"Name: {$($c.Subject)} on {$env:COMPUTERNAME}, {$x}!"',
    );
    const s = expression('"a $($b + 1) c"');
    expect(s.type).toBe('ExpandableStringExpressionAst');
    if (s.type !== 'ExpandableStringExpressionAst') return;
    expect(s.parts[1]).toMatchObject({
      type: 'SubExpressionAst',
      extent: { startOffset: 3, endOffset: 12, text: '$($b + 1)' },
    });
    expect(shapeOf('"US$5 costs $ 1 and `$x"')).toBe('dq"US{$5} costs $ 1 and $x"');
  });
});

describe('strings and quoting', () => {
  it('treats smart quotes as quotes', () => {
    expect(expression('‘Pass1word’')).toMatchObject({
      type: 'StringConstantExpressionAst',
      value: 'Pass1word',
      stringConstantType: 'SingleQuoted',
    });
    expect(expression("'it’’s'")).toMatchObject({ value: 'it’s', stringConstantType: 'SingleQuoted' });
    expect(expression('“Pass $x”')).toMatchObject({
      type: 'ExpandableStringExpressionAst',
      stringConstantType: 'DoubleQuoted',
    });
    expect(expression('„low“')).toMatchObject({ value: 'low', stringConstantType: 'DoubleQuoted' });
  });

  it('keeps CR/LF/NUL literal inside single quotes and processes backticks inside double quotes', () => {
    expect(expression("'a\r\nb\0`n'")).toMatchObject({ value: 'a\r\nb\0`n' });
    expect(expression('"tab`there`u{263A}`e"')).toMatchObject({
      value: 'tab\there\u263a\x1b',
      stringConstantType: 'DoubleQuoted',
    });
  });

  it('reads here-strings (closer at column 0, final newline dropped, @" expands)', () => {
    expect(expression("@'\nline 1\r\n  'quoted' $x\n'@")).toMatchObject({
      value: "line 1\r\n  'quoted' $x",
      stringConstantType: 'SingleQuotedHereString',
    });
    expect(shapeOf('@"\nHello $name\n"@')).toBe('hdq"Hello {$name}"');
    expect(expression('@"\nplain\n"@')).toMatchObject({
      type: 'StringConstantExpressionAst',
      value: 'plain',
      stringConstantType: 'DoubleQuotedHereString',
    });
    const e = parseError("$x = @'\ntext\n  '@");
    expect([e.reason, e.line, e.column, e.incompleteInput]).toEqual([
      'White space is not allowed before the string terminator.',
      3,
      3,
      true,
    ]);
  });

  it('joins embedded strings to bare words', () => {
    expect(shapeOf('Get-X a\'b c\' x"y z"')).toBe('cmd(bare:Get-X bare:ab c bare:xy z)');
    expect(shapeOf("Get-X 'a'b")).toBe('cmd(bare:Get-X sq:a bare:b)');
  });
});

describe('comments and line continuation', () => {
  it('skips # and <# #> comments; <# does not nest', () => {
    expect(shapeOf('# header\nGet-X <# inline #> -A 1 # trailing\n<# block\n # more #>\nGet-Y')).toBe(
      'cmd(bare:Get-X -A 1:Int32); cmd(bare:Get-Y)',
    );
    expect(shapeOf('<# a <# b #> Get-Z')).toBe('cmd(bare:Get-Z)');
    expect(parseError('Get-X <# open').incompleteInput).toBe(true);
  });

  it('treats a backtick right before a newline as a continuation', () => {
    expect(shapeOf('New-X -A 1 `\n  -B 2 `\r\n  -C 3')).toBe('cmd(bare:New-X -A 1:Int32 -B 2:Int32 -C 3:Int32)');
  });

  it('treats backtick-space as an escaped space, so the newline still ends the statement', () => {
    expect(shapeOf('New-X -A 1 ` \n-B 2')).toBe('cmd(bare:New-X -A 1:Int32); cmd(bare:-B 2:Int32)');
  });

  it('ignores the signature block', () => {
    const text =
      'Get-X\r\n# SIG # Begin signature block\r\n# MIIXXAYJKoZIhvcNAQcCoIIXTTCCF0kCAQExCzAJBgUrDgMCGgUAMGkGCisGAQQB\r\n# SIG # End signature block\r\n';
    expect(shapeOf(text)).toBe('cmd(bare:Get-X)');
    expect(parseError('Get-X\n# SIG # Begin signature block\nGet-Y').reason).toBe(
      'Executable script code found in signature block.',
    );
  });
});

describe('number lexing in arguments', () => {
  it('types numbers and keeps non-numbers as bare words', () => {
    const els = command(
      'echo 2048 1E5 0x10 1kb 1234D 225B26D7F8EF0721887213EEF71F87380DE8AEEE 5l 1.5 1abc',
    ).commandElements.slice(1);
    expect(els.map((e) => (e.type === 'ConstantExpressionAst' ? `${e.value}:${e.staticType}` : shape(e)))).toEqual([
      '2048:Int32',
      '100000:Double',
      '16:Int32',
      '1024:Int32',
      '1234:Decimal',
      'bare:225B26D7F8EF0721887213EEF71F87380DE8AEEE',
      '5:Int64',
      '1.5:Double',
      'bare:1abc',
    ]);
  });
});

describe('errors', () => {
  it('reports an unterminated string with line, column, caret and incompleteInput', () => {
    const e = parseError("Get-X -A 1\nSet-X -P 'open");
    expect([e.line, e.column, e.offset, e.incompleteInput]).toEqual([2, 10, 20, true]);
    expect(e.reason).toBe("The string is missing the terminator: '.");
    expect(e.excerpt).toBe("Set-X -P 'open\n         ^");
    expect(e.message).toContain("line 2:10: The string is missing the terminator: '.");
  });

  it('names the file when given', () => {
    expect(() => parse('"x', { file: 'run.ps1' })).toThrow(/^run\.ps1:1:1: /);
  });

  it('marks missing closers as incomplete input', () => {
    for (const text of [
      'Get-X (',
      'Get-X (a',
      'if ($x) {',
      '$x = @{ a = 1',
      '$(',
      '@(',
      '{',
      '$x.M(1,',
      '$x[',
      "@'\nx",
      'a |',
      '$x = 1 +',
    ]) {
      expect(parseError(text).incompleteInput).toBe(true);
    }
    expect(parseError('Get-X (a b c))').incompleteInput).toBe(false);
    expect(parseError('}').reason).toBe("Unexpected token '}' in expression or statement.");
  });

  it('reports the position of unexpected tokens', () => {
    const e = parseError('$x = 1 2');
    expect([e.reason, e.line, e.column]).toEqual(["Unexpected token '2' in expression or statement.", 1, 8]);
    const m = parseError('$x = (1 +\n)');
    expect([m.reason, m.line, m.column]).toEqual([
      "You must provide a value expression following the '+' operator.",
      1,
      10,
    ]);
  });

  it('never throws anything but ParseError for deep nesting', () => {
    for (const text of [
      '('.repeat(100_000),
      '$('.repeat(50_000),
      '{'.repeat(100_000),
      '@{a='.repeat(30_000),
      '!'.repeat(100_000) + '1',
      '-not '.repeat(30_000) + '1',
      '"$('.repeat(30_000),
      '[int]'.repeat(50_000) + '1',
      'a (b '.repeat(30_000),
    ]) {
      const e = parseError(text);
      expect(e).toBeInstanceOf(ParseError);
    }
    expect(parseError('('.repeat(100_000)).reason).toMatch(/nested too deeply/);
  });

  it('states the nesting limit where it fires: 256 levels of any bracket kind (issue 11)', () => {
    const kinds: ((n: number) => string)[] = [
      (n) => '('.repeat(n) + '1' + ')'.repeat(n),
      (n) => '$('.repeat(n) + '1' + ')'.repeat(n),
      (n) => '@('.repeat(n) + '1' + ')'.repeat(n),
      (n) => '{'.repeat(n) + '}'.repeat(n),
      (n) => '@{a='.repeat(n) + '1' + '}'.repeat(n),
      (n) => 'if (1) {'.repeat(n) + '}'.repeat(n),
      (n) => 'a ('.repeat(n) + 'b' + ')'.repeat(n),
      (n) => '$x['.repeat(n) + '1' + ']'.repeat(n),
      (n) => '"$('.repeat(n) + '1' + ')"'.repeat(n),
      (n) => '$x.m('.repeat(n) + '1' + ')'.repeat(n),
      (n) => 'function f {'.repeat(n) + '}'.repeat(n),
      (n) => 'while (1) {'.repeat(n) + '}'.repeat(n),
    ];
    for (const make of kinds) {
      expect(() => parse(make(MAX_NESTING))).not.toThrow();
      const e = parseError(make(MAX_NESTING + 1));
      expect([make(1), e.reason]).toEqual([
        make(1),
        `The script is nested too deeply for the runbook parser: it allows at most ${MAX_NESTING} levels of brackets, braces and parentheses.`,
      ]);
    }
    expect(MAX_NESTING).toBe(256);
  });

  it('states the complexity limit for long operator chains where it fires', () => {
    expect(() => parse('-not '.repeat(MAX_DEPTH - 10) + '1')).not.toThrow();
    expect(parseError('-not '.repeat(MAX_DEPTH) + '1').reason).toBe(
      `The script is too complex for the runbook parser: it allows at most ${MAX_DEPTH} nested statements, operators, casts and member accesses.`,
    );
  });

  it('accepts reasonable nesting', () => {
    expect(() => parse('('.repeat(100) + '1' + ')'.repeat(100))).not.toThrow();
    expect(() => parse('$x = ' + '@{a='.repeat(60) + '1' + '}'.repeat(60))).not.toThrow();
  });
});
