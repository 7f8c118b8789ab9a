// Parameter tables of the commands the interpreter implements that exchcert's registry does not list.
import { defineCmdlet, param } from '../spec/cmdlet-spec.js';
import type { CmdletSpec, ParameterSpec } from '../spec/cmdlet-spec.js';
import { LANGUAGE_ALIASES, LANGUAGE_CMDLETS } from './language-cmdlet-specs.js';

const v3: readonly ['5.1', '7'] = ['5.1', '7'];

/**
 * Write-Host/Write-Output collect extra positional arguments (ValueFromRemainingArguments); the spec model has no such
 * flag, so hidden positional parameters stand in for them.
 */
function remaining(): ParameterSpec[] {
  return Array.from({ length: 12 }, (_, i) => param(`RemainingArgument${i + 1}`, 'Object', { position: i + 1 }));
}

const forEachObject = defineCmdlet({
  name: 'ForEach-Object',
  kind: 'helper',
  synopsis: 'Runs a script block for each input object.',
  sets: ['ScriptBlockSet', 'PropertyAndMethodSet'],
  defaultSet: 'ScriptBlockSet',
  parameters: [
    param('InputObject', 'Object', { pipeline: 'value' }),
    param('Begin', 'ScriptBlock', { sets: ['ScriptBlockSet'] }),
    param('Process', 'ScriptBlock', { sets: ['ScriptBlockSet'], mandatory: true, position: 0 }),
    param('End', 'ScriptBlock', { sets: ['ScriptBlockSet'] }),
    param('MemberName', 'String', { sets: ['PropertyAndMethodSet'], mandatory: true, position: 0, shells: v3 }),
    param('ArgumentList', 'Object[]', { sets: ['PropertyAndMethodSet'], aliases: ['Args'], shells: v3 }),
  ],
});

const writeHost = defineCmdlet({
  name: 'Write-Host',
  kind: 'helper',
  synopsis: 'Writes to the host.',
  sets: ['Default'],
  defaultSet: 'Default',
  parameters: [
    param('Object', 'Object', { position: 0, pipeline: 'value', aliases: ['Msg', 'Message'] }),
    param('NoNewline', 'SwitchParameter'),
    param('Separator', 'Object'),
    param('ForegroundColor', 'String'),
    param('BackgroundColor', 'String'),
    ...remaining(),
  ],
});

const writeOutput = defineCmdlet({
  name: 'Write-Output',
  kind: 'helper',
  synopsis: 'Writes objects to the pipeline.',
  sets: ['Default'],
  defaultSet: 'Default',
  parameters: [
    param('InputObject', 'Object', { mandatory: true, position: 0, pipeline: 'value' }),
    param('NoEnumerate', 'SwitchParameter', { shells: v3 }),
    ...remaining(),
  ],
});

const writeWarning = defineCmdlet({
  name: 'Write-Warning',
  kind: 'helper',
  synopsis: 'Writes a warning.',
  sets: ['Default'],
  defaultSet: 'Default',
  parameters: [param('Message', 'String', { mandatory: true, position: 0, pipeline: 'value', aliases: ['Msg'] })],
});

const writeError = defineCmdlet({
  name: 'Write-Error',
  kind: 'helper',
  synopsis: 'Writes a non-terminating error.',
  sets: ['NoException', 'WithException', 'ErrorRecord'],
  defaultSet: 'NoException',
  parameters: [
    param('Message', 'String', {
      sets: ['NoException', 'WithException'],
      mandatory: true,
      position: 0,
      pipeline: 'value',
      aliases: ['Msg'],
    }),
    param('Exception', 'Object', { sets: ['WithException'], mandatory: true }),
    param('ErrorRecord', 'Object', { sets: ['ErrorRecord'], mandatory: true }),
    param('Category', 'String'),
    param('ErrorId', 'String'),
    param('TargetObject', 'Object'),
    param('RecommendedAction', 'String'),
    param('CategoryActivity', 'String', { aliases: ['Activity'] }),
    param('CategoryReason', 'String', { aliases: ['Reason'] }),
    param('CategoryTargetName', 'String', { aliases: ['TargetName'] }),
    param('CategoryTargetType', 'String', { aliases: ['TargetType'] }),
  ],
});

const outNull = defineCmdlet({
  name: 'Out-Null',
  kind: 'helper',
  synopsis: 'Discards output.',
  sets: ['Default'],
  defaultSet: 'Default',
  parameters: [param('InputObject', 'Object', { pipeline: 'value' })],
});

const outString = defineCmdlet({
  name: 'Out-String',
  kind: 'helper',
  synopsis: 'Formats objects as text.',
  sets: ['NoNewLineFormatting', 'StreamFormatting'],
  defaultSet: 'NoNewLineFormatting',
  parameters: [
    param('InputObject', 'Object', { pipeline: 'value' }),
    param('Stream', 'SwitchParameter', { sets: ['StreamFormatting'] }),
    param('NoNewline', 'SwitchParameter', { sets: ['NoNewLineFormatting'], shells: ['7'] }),
    param('Width', 'Int32'),
  ],
});

const outHost = defineCmdlet({
  name: 'Out-Host',
  kind: 'helper',
  synopsis: 'Writes formatted objects to the host.',
  sets: ['Default'],
  defaultSet: 'Default',
  parameters: [param('InputObject', 'Object', { pipeline: 'value' }), param('Paging', 'SwitchParameter')],
});

const getDate = defineCmdlet({
  name: 'Get-Date',
  kind: 'helper',
  synopsis: 'Gets the current date and time.',
  sets: ['net', 'UFormat'],
  defaultSet: 'net',
  parameters: [
    param('Date', 'Object', { position: 0, pipeline: 'value', aliases: ['LastWriteTime'] }),
    param('Year', 'Int32'),
    param('Month', 'Int32'),
    param('Day', 'Int32'),
    param('Hour', 'Int32'),
    param('Minute', 'Int32'),
    param('Second', 'Int32'),
    param('Millisecond', 'Int32', { shells: v3 }),
    param('DisplayHint', 'String'),
    param('Format', 'String', { sets: ['net'] }),
    param('UFormat', 'String', { sets: ['UFormat'] }),
    param('AsUTC', 'SwitchParameter', { shells: ['7'] }),
  ],
});

const testPath = defineCmdlet({
  name: 'Test-Path',
  kind: 'helper',
  synopsis: 'Tells whether a path exists.',
  sets: ['Path', 'LiteralPath'],
  defaultSet: 'Path',
  parameters: [
    param('Path', 'String[]', { sets: ['Path'], mandatory: true, position: 0, pipeline: 'both' }),
    param('LiteralPath', 'String[]', {
      sets: ['LiteralPath'],
      mandatory: true,
      pipeline: 'property',
      aliases: ['PSPath', 'LP'],
    }),
    param('PathType', 'String', { aliases: ['Type'], accepted: ['Any', 'Container', 'Leaf'] }),
    param('IsValid', 'SwitchParameter'),
    param('Filter', 'String'),
    param('Include', 'String[]'),
    param('Exclude', 'String[]'),
    param('Credential', 'Object'),
  ],
});

const BUILTINS: readonly CmdletSpec[] = [
  forEachObject,
  writeHost,
  writeOutput,
  writeWarning,
  writeError,
  outNull,
  outString,
  outHost,
  getDate,
  testPath,
  ...LANGUAGE_CMDLETS,
];

const ALIASES: Readonly<Record<string, string>> = {
  '%': 'ForEach-Object',
  foreach: 'ForEach-Object',
  echo: 'Write-Output',
  write: 'Write-Output',
  ...LANGUAGE_ALIASES,
};

const BY_NAME = new Map(BUILTINS.map((c) => [c.name.toLowerCase(), c]));

/**
 * The interpreter's own command tables (passed to bindCommand as BindContext.commands), by name or alias.
 * @example builtinCommand('%')?.name // 'ForEach-Object'
 */
export function builtinCommand(name: string): CmdletSpec | undefined {
  const lower = name.toLowerCase();
  return BY_NAME.get((ALIASES[lower] ?? lower).toLowerCase());
}
