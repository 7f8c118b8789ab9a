// Start-Transcript / Stop-Transcript: the console's text recorded to a file of the simulated file system.
import { formatDate } from '../../runtime/ps-format.js';
import { toStr } from '../../runtime/ps-values.js';
import type { CommandContext } from '../command-context.js';

const STARS = '**********************';

function stamp(ctx: CommandContext): string {
  return formatDate(ctx.env.now ? ctx.env.now() : new Date(), 'yyyyMMddHHmmss');
}

function shellName(ctx: CommandContext): string {
  return ctx.dialect.shell === '7' ? 'PowerShell' : 'Windows PowerShell';
}

/** Start-Transcript. */
export async function startTranscript(ctx: CommandContext): Promise<unknown[]> {
  const written = ctx.params.literalPath ?? ctx.params.path;
  const host = ctx.env.connectedServer;
  const path = ctx.resolvePath(
    written === undefined
      ? `C:\\Users\\Administrator\\Documents\\PowerShell_transcript.${host}.exchcert.${stamp(ctx)}.txt`
      : toStr(written),
  );
  if (ctx.params.noClobber === true && ctx.env.fs.exists(path)) {
    ctx.fail({
      message: `The file '${path}' already exists.`,
      category: 'ResourceExists',
      errorId: 'NoClobber',
      exceptionType: 'System.IO.IOException',
    });
  }
  if (ctx.transcript.path !== null) ctx.transcript.stop('');
  const header = [
    STARS,
    `${shellName(ctx)} transcript start`,
    `Start time: ${stamp(ctx)}`,
    `Machine: ${host}`,
    STARS,
    '',
  ].join('\r\n');
  // Start-Transcript creates the folder it writes to, as PowerShell does.
  const parent = path.replace(/[\\/][^\\/]*$/, '');
  if (parent !== path && !/^[A-Za-z]:$/.test(parent) && !ctx.env.fs.exists(parent)) ctx.env.fs.makeDirectory?.(parent);
  ctx.transcript.start(ctx.env.fs, path, header, ctx.params.append === true, 'utf8BOM');
  return Promise.resolve([`Transcript started, output file is ${path}`]);
}

/** Stop-Transcript. */
export async function stopTranscript(ctx: CommandContext): Promise<unknown[]> {
  const footer = [STARS, `${shellName(ctx)} transcript end`, `End time: ${stamp(ctx)}`, STARS, ''].join('\r\n');
  const path = ctx.transcript.stop(footer);
  if (path === null) {
    ctx.fail({
      message: 'An error occurred stopping transcription: The host is not currently transcribing.',
      category: 'InvalidOperation',
      errorId: 'InvalidOperation',
      exceptionType: 'System.Management.Automation.PSInvalidOperationException',
      fullyQualifiedErrorId: 'InvalidOperation,Microsoft.PowerShell.Commands.StopTranscriptCommand',
    });
  }
  return Promise.resolve([`Transcript stopped, output file is ${path}`]);
}
