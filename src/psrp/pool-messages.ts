// Bodies of the messages a client sends (MS-PSRP 2.2.2): capability, pool init, pipeline creation, host responses.
import type { ClixmlWriter } from './clixml-writer.js';
import { ps } from './ps-value.js';
import type { PsObject, PsValueInput } from './ps-value.js';

/** One command of a pipeline: a cmdlet/function name or script text, with named or positional arguments. */
export interface PsrpCommand {
  readonly name: string;
  /** True: `name` is script text. */
  readonly isScript?: boolean;
  /** Script text only: false runs it at the caller's (global) scope like AddScript(text, false). */
  readonly useLocalScope?: boolean;
  /** Named (`name` set) or positional arguments, in order. */
  readonly args?: readonly { readonly name?: string; readonly value: PsValueInput }[];
}

const OBJECT_LIST = [
  'System.Collections.Generic.List`1[[System.Management.Automation.PSObject, System.Management.Automation, Version=1.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]',
  'System.Object',
];

const mergeNone = () => ps.enumValue('System.Management.Automation.Runspaces.PipelineResultTypes', 'None', 0);
const apartment = () => ps.enumValue('System.Threading.ApartmentState', 'Unknown', 2);

/** HostInfo: a host with a UI (so prompts come to us) but no raw UI. */
function hostInfo(): PsObject {
  return ps.object({
    extended: { _isHostNull: false, _isHostUINull: false, _isHostRawUINull: true, _useRunspaceHost: false },
  });
}

/** SESSION_CAPABILITY. */
export function sessionCapability(w: ClixmlWriter, protocolVersion: string): string {
  return w.write(
    ps.object({
      extended: {
        protocolversion: ps.version(protocolVersion),
        PSVersion: ps.version('2.0'),
        SerializationVersion: ps.version('1.1.0.1'),
      },
    }),
  );
}

/** INIT_RUNSPACEPOOL with one runspace. */
export function initRunspacePool(w: ClixmlWriter): string {
  return w.write(
    ps.object({
      extended: {
        MinRunspaces: ps.i32(1),
        MaxRunspaces: ps.i32(1),
        PSThreadOptions: ps.enumValue('System.Management.Automation.Runspaces.PSThreadOptions', 'Default', 0),
        ApartmentState: apartment(),
        HostInfo: hostInfo(),
        ApplicationArguments: null,
      },
    }),
  );
}

function command(c: PsrpCommand): PsObject {
  return ps.object({
    extended: {
      Cmd: c.name,
      IsScript: c.isScript ?? false,
      UseLocalScope: c.isScript ? (c.useLocalScope ?? false) : null,
      MergeMyResult: mergeNone(),
      MergeToResult: mergeNone(),
      MergePreviousResults: mergeNone(),
      MergeError: mergeNone(),
      MergeWarning: mergeNone(),
      MergeVerbose: mergeNone(),
      MergeDebug: mergeNone(),
      MergeInformation: mergeNone(),
      Args: ps.object({
        types: OBJECT_LIST,
        list: (c.args ?? []).map((a) => ps.object({ extended: { N: a.name ?? null, V: a.value } })),
      }),
    },
  });
}

/** CREATE_PIPELINE: one statement of piped commands, with or without input. */
export function createPipeline(w: ClixmlWriter, commands: readonly PsrpCommand[], noInput = true): string {
  return w.write(
    ps.object({
      extended: {
        NoInput: noInput,
        ApartmentState: apartment(),
        RemoteStreamOptions: ps.enumValue('System.Management.Automation.RemoteStreamOptions', 'AddInvocationInfo', 15),
        AddToHistory: false,
        HostInfo: hostInfo(),
        PowerShell: ps.object({
          extended: {
            Cmds: ps.object({ types: OBJECT_LIST, list: commands.map(command) }),
            IsNested: false,
            History: null,
            RedirectShellErrorOutputPipe: true,
          },
        }),
        IsNested: false,
      },
    }),
  );
}

/**
 * PIPELINE_HOST_RESPONSE / RUNSPACEPOOL_HOST_RESPONSE carrying an exception (`me`, an ErrorRecord): the host method
 * throws it inside the server, as a local host throws PromptingException when it cannot ask.
 */
export function hostException(
  w: ClixmlWriter,
  callId: PsValueInput,
  method: PsValueInput,
  message: string,
  errorId: string,
): string {
  const exception = ps.object({
    types: ['System.Management.Automation.Host.PromptingException', 'System.Exception', 'System.Object'],
    display: message,
    adapted: { Message: message },
  });
  const record = ps.object({
    types: ['System.Management.Automation.ErrorRecord', 'System.Object'],
    display: message,
    extended: {
      Exception: exception,
      TargetObject: null,
      FullyQualifiedErrorId: errorId,
      InvocationInfo: null,
      ErrorCategory_Category: ps.i32(21),
      ErrorCategory_Activity: '',
      ErrorCategory_Reason: 'PromptingException',
      ErrorCategory_TargetName: '',
      ErrorCategory_TargetType: '',
      ErrorCategory_Message: 'ResourceUnavailable: (:) [], PromptingException',
      SerializeExtendedInfo: false,
    },
  });
  return w.write(ps.object({ extended: { me: record, ci: callId, mi: method } }));
}

/** PIPELINE_HOST_RESPONSE / RUNSPACEPOOL_HOST_RESPONSE carrying a return value. */
export function hostResponse(
  w: ClixmlWriter,
  callId: PsValueInput,
  method: PsValueInput,
  result: PsValueInput,
): string {
  return w.write(ps.object({ extended: { mr: result, ci: callId, mi: method } }));
}
