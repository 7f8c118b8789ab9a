// Parameter tables of the everyday cmdlets the interpreter implements (objects, files, output, session).
import { defineCmdlet, param } from '../spec/cmdlet-spec.js';
import type { CmdletSpec } from '../spec/cmdlet-spec.js';

const v3: readonly ['5.1', '7'] = ['5.1', '7'];
const only7: readonly ['7'] = ['7'];

function simple(
  name: string,
  synopsis: string,
  parameters: Parameters<typeof defineCmdlet>[0]['parameters'],
): CmdletSpec {
  return defineCmdlet({ name, kind: 'helper', synopsis, sets: ['Default'], defaultSet: 'Default', parameters });
}

const input = () => param('InputObject', 'Object', { pipeline: 'value' });

const newObject = defineCmdlet({
  name: 'New-Object',
  kind: 'helper',
  synopsis: 'Creates an instance of a .NET type.',
  sets: ['Net', 'Com'],
  defaultSet: 'Net',
  parameters: [
    param('TypeName', 'String', { sets: ['Net'], mandatory: true, position: 0 }),
    param('ArgumentList', 'Object[]', { sets: ['Net'], position: 1, aliases: ['Args'] }),
    param('ComObject', 'String', { sets: ['Com'], mandatory: true, position: 0 }),
    param('Property', 'Object'),
    param('Strict', 'SwitchParameter'),
  ],
});

const sortObject = simple('Sort-Object', 'Sorts objects by property values.', [
  param('Property', 'Object[]', { position: 0 }),
  param('Descending', 'SwitchParameter'),
  param('Unique', 'SwitchParameter'),
  param('CaseSensitive', 'SwitchParameter'),
  param('Culture', 'String'),
  param('Top', 'Int32', { shells: only7 }),
  param('Bottom', 'Int32', { shells: only7 }),
  param('Stable', 'SwitchParameter', { shells: only7 }),
  input(),
]);

const measureObject = simple('Measure-Object', 'Counts objects and sums, averages, maxima and minima of properties.', [
  param('Property', 'String[]', { position: 0 }),
  param('Sum', 'SwitchParameter'),
  param('Average', 'SwitchParameter'),
  param('Maximum', 'SwitchParameter'),
  param('Minimum', 'SwitchParameter'),
  param('Line', 'SwitchParameter'),
  param('Word', 'SwitchParameter'),
  param('Character', 'SwitchParameter'),
  param('AllStats', 'SwitchParameter', { shells: only7 }),
  input(),
]);

const groupObject = simple('Group-Object', 'Groups objects by property values.', [
  param('Property', 'Object[]', { position: 0 }),
  param('NoElement', 'SwitchParameter'),
  param('AsHashTable', 'SwitchParameter'),
  param('AsString', 'SwitchParameter'),
  param('CaseSensitive', 'SwitchParameter'),
  input(),
]);

const getMember = simple('Get-Member', 'Lists the members of objects.', [
  param('Name', 'String[]', { position: 0 }),
  param('MemberType', 'String', { aliases: ['Type'] }),
  param('Static', 'SwitchParameter'),
  param('Force', 'SwitchParameter'),
  input(),
]);

const exportCsv = simple('Export-Csv', 'Writes objects to a CSV file.', [
  param('Path', 'String', { position: 0 }),
  param('LiteralPath', 'String', { aliases: ['PSPath', 'LP'] }),
  param('Delimiter', 'String', { position: 1 }),
  param('NoTypeInformation', 'SwitchParameter', { aliases: ['NTI'] }),
  param('IncludeTypeInformation', 'SwitchParameter', { aliases: ['ITI'], shells: only7 }),
  param('Encoding', 'Encoding'),
  param('Append', 'SwitchParameter', { shells: v3 }),
  param('Force', 'SwitchParameter'),
  param('NoClobber', 'SwitchParameter', { aliases: ['NoOverwrite'] }),
  param('UseCulture', 'SwitchParameter'),
  param('UseQuotes', 'String', { shells: only7 }),
  input(),
]);

const outFile = simple('Out-File', 'Writes formatted output to a file.', [
  param('FilePath', 'String', { position: 0, aliases: ['Path'] }),
  param('LiteralPath', 'String', { aliases: ['PSPath', 'LP'] }),
  param('Encoding', 'Encoding', { position: 1 }),
  param('Append', 'SwitchParameter'),
  param('Force', 'SwitchParameter'),
  param('NoClobber', 'SwitchParameter', { aliases: ['NoOverwrite'] }),
  param('NoNewline', 'SwitchParameter', { shells: v3 }),
  param('Width', 'Int32'),
  input(),
]);

const convertToJson = simple('ConvertTo-Json', 'Converts objects to JSON text.', [
  param('InputObject', 'Object', { position: 0, pipeline: 'value', mandatory: true }),
  param('Depth', 'Int32'),
  param('Compress', 'SwitchParameter'),
  param('EnumsAsStrings', 'SwitchParameter', { shells: only7 }),
  param('AsArray', 'SwitchParameter', { shells: only7 }),
  param('EscapeHandling', 'String', { shells: only7 }),
]);

const addContent = simple('Add-Content', 'Appends text to a file.', [
  param('Path', 'String[]', { position: 0, mandatory: true, pipeline: 'property' }),
  param('Value', 'Object[]', { position: 1, mandatory: true, pipeline: 'both' }),
  param('Encoding', 'Encoding'),
  param('NoNewline', 'SwitchParameter', { shells: v3 }),
  param('Force', 'SwitchParameter'),
  param('PassThru', 'SwitchParameter'),
]);

const newItem = simple('New-Item', 'Creates a file or folder.', [
  param('Path', 'String[]', { position: 0, pipeline: 'property' }),
  param('Name', 'String', { pipeline: 'property' }),
  param('ItemType', 'String', { aliases: ['Type'] }),
  param('Value', 'Object', { pipeline: 'value' }),
  param('Force', 'SwitchParameter'),
]);

const removeItem = simple('Remove-Item', 'Deletes files and folders.', [
  param('Path', 'String[]', { position: 0, pipeline: 'both' }),
  param('LiteralPath', 'String[]', { aliases: ['PSPath', 'LP', 'FullName'], pipeline: 'property' }),
  param('Recurse', 'SwitchParameter'),
  param('Force', 'SwitchParameter'),
  param('Filter', 'String'),
  param('Include', 'String[]'),
  param('Exclude', 'String[]'),
  param('WhatIf', 'SwitchParameter', { aliases: ['wi'] }),
  param('Confirm', 'SwitchParameter', { aliases: ['cf'] }),
]);

const getChildItem = simple('Get-ChildItem', 'Lists the files and folders in a folder.', [
  param('Path', 'String[]', { position: 0, pipeline: 'both' }),
  param('LiteralPath', 'String[]', { aliases: ['PSPath', 'LP'] }),
  param('Filter', 'String', { position: 1 }),
  param('Recurse', 'SwitchParameter', { aliases: ['s'] }),
  param('File', 'SwitchParameter', { shells: v3 }),
  param('Directory', 'SwitchParameter', { aliases: ['ad', 'd'], shells: v3 }),
  param('Include', 'String[]'),
  param('Exclude', 'String[]'),
  param('Force', 'SwitchParameter'),
  param('Name', 'SwitchParameter'),
]);

const joinPath = simple('Join-Path', 'Joins a path and a child path.', [
  param('Path', 'String[]', { position: 0, mandatory: true, pipeline: 'both', aliases: ['PSPath'] }),
  param('ChildPath', 'String', { position: 1, mandatory: true, pipeline: 'property' }),
  param('AdditionalChildPath', 'String[]', { position: 2, shells: only7 }),
  param('Resolve', 'SwitchParameter'),
]);

const splitPath = simple('Split-Path', 'Returns a part of a path.', [
  param('Path', 'String[]', { position: 0, mandatory: true, pipeline: 'both' }),
  param('Parent', 'SwitchParameter'),
  param('Leaf', 'SwitchParameter'),
  param('LeafBase', 'SwitchParameter', { shells: only7 }),
  param('Extension', 'SwitchParameter', { shells: only7 }),
  param('Qualifier', 'SwitchParameter'),
  param('NoQualifier', 'SwitchParameter'),
  param('Resolve', 'SwitchParameter'),
]);

const writeVerbose = simple('Write-Verbose', 'Writes a verbose message.', [
  param('Message', 'String', { position: 0, mandatory: true, pipeline: 'value', aliases: ['Msg'] }),
]);

const startSleep = simple('Start-Sleep', 'Waits (on the simulated clock).', [
  param('Seconds', 'Object', { position: 0, aliases: ['s'] }),
  param('Milliseconds', 'Int32', { aliases: ['ms'] }),
]);

const startTranscript = simple('Start-Transcript', 'Records the session to a file.', [
  param('Path', 'String', { position: 0 }),
  param('LiteralPath', 'String', { aliases: ['PSPath', 'LP'] }),
  param('Append', 'SwitchParameter'),
  param('Force', 'SwitchParameter'),
  param('NoClobber', 'SwitchParameter', { aliases: ['NoOverwrite'] }),
  param('IncludeInvocationHeader', 'SwitchParameter', { shells: v3 }),
]);

const stopTranscript = simple('Stop-Transcript', 'Stops recording the session.', []);

const getCredential = simple('Get-Credential', 'Asks for a user name and password.', [
  param('Credential', 'Object', { position: 0 }),
  param('Message', 'String', { shells: v3 }),
  param('UserName', 'String', { shells: v3 }),
  param('Title', 'String', { shells: only7 }),
]);

const newTimeSpan = simple('New-TimeSpan', 'Creates a TimeSpan.', [
  param('Start', 'Object', { position: 0, aliases: ['LastWriteTime'] }),
  param('End', 'Object', { position: 1 }),
  param('Days', 'Int32'),
  param('Hours', 'Int32'),
  param('Minutes', 'Int32'),
  param('Seconds', 'Int32'),
]);

/** The everyday cmdlets' tables. */
export const LANGUAGE_CMDLETS: readonly CmdletSpec[] = [
  newObject,
  sortObject,
  measureObject,
  groupObject,
  getMember,
  exportCsv,
  outFile,
  convertToJson,
  addContent,
  newItem,
  removeItem,
  getChildItem,
  joinPath,
  splitPath,
  writeVerbose,
  startSleep,
  startTranscript,
  stopTranscript,
  getCredential,
  newTimeSpan,
];

/** Their aliases (the same in 5.1 and 7 on Windows). */
export const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  sort: 'Sort-Object',
  measure: 'Measure-Object',
  group: 'Group-Object',
  gm: 'Get-Member',
  epcsv: 'Export-Csv',
  ac: 'Add-Content',
  ni: 'New-Item',
  del: 'Remove-Item',
  rm: 'Remove-Item',
  ri: 'Remove-Item',
  erase: 'Remove-Item',
  rd: 'Remove-Item',
  rmdir: 'Remove-Item',
  dir: 'Get-ChildItem',
  ls: 'Get-ChildItem',
  gci: 'Get-ChildItem',
  sleep: 'Start-Sleep',
};
