// The helper commands the interpreter implements itself, by canonical name.
import type { CommandContext } from '../command-context.js';
import { convertToSecureString } from './convert-to-secure-string.js';
import { forEachObject } from './for-each-object.js';
import { formatListCommand, formatTableCommand } from './format-commands.js';
import { getContent } from './get-content.js';
import { getDate } from './get-date.js';
import { outHost, outNull, outString } from './out-commands.js';
import { readHost } from './read-host.js';
import { selectObject } from './select-object.js';
import { setContent } from './set-content.js';
import { testPath } from './test-path.js';
import { whereObject } from './where-object.js';
import { convertToJson } from './convert-to-json.js';
import { getMemberCommand } from './get-member.js';
import { groupObject } from './group-object.js';
import { getChildItem, newItem, removeItem } from './item-commands.js';
import { measureObject } from './measure-object.js';
import { newObject } from './new-object.js';
import { addContent, exportCsv, outFile } from './output-files.js';
import { joinPath, splitPath } from './path-commands.js';
import { getCredential, newTimeSpan, startSleep, writeVerbose } from './session-commands.js';
import { sortObject } from './sort-object.js';
import { startTranscript, stopTranscript } from './transcript-commands.js';
import { writeError, writeHost, writeOutput, writeWarning } from './write-commands.js';

/** A helper command: runs once per invocation with all its pipeline input. */
export type HelperCommand = (ctx: CommandContext) => Promise<unknown[]>;

/** Helper implementations by canonical command name. */
export const HELPER_COMMANDS: Readonly<Record<string, HelperCommand>> = Object.freeze({
  'Get-Content': getContent,
  'Set-Content': setContent,
  'ConvertTo-SecureString': convertToSecureString,
  'Read-Host': readHost,
  'Where-Object': whereObject,
  'ForEach-Object': forEachObject,
  'Select-Object': selectObject,
  'Format-Table': formatTableCommand,
  'Format-List': formatListCommand,
  'Write-Host': writeHost,
  'Write-Output': writeOutput,
  'Write-Warning': writeWarning,
  'Write-Error': writeError,
  'Out-Null': outNull,
  'Out-String': outString,
  'Out-Host': outHost,
  'Get-Date': getDate,
  'Test-Path': testPath,
  'New-Object': newObject,
  'Sort-Object': sortObject,
  'Measure-Object': measureObject,
  'Group-Object': groupObject,
  'Get-Member': getMemberCommand,
  'Export-Csv': exportCsv,
  'Out-File': outFile,
  'ConvertTo-Json': convertToJson,
  'Add-Content': addContent,
  'New-Item': newItem,
  'Remove-Item': removeItem,
  'Get-ChildItem': getChildItem,
  'Join-Path': joinPath,
  'Split-Path': splitPath,
  'Write-Verbose': writeVerbose,
  'Start-Sleep': startSleep,
  'Start-Transcript': startTranscript,
  'Stop-Transcript': stopTranscript,
  'Get-Credential': getCredential,
  'New-TimeSpan': newTimeSpan,
});
