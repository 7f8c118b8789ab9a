// Shared by the workflow commands: open the configured backend, print each step's exact line, close.
import type { Argv } from 'yargs';
import { ValidationError } from '../errors/validation-error.js';
import type { Secret } from '../node/secret.js';
import { openWorkflowTarget } from '../workflow/open-workflow-target.js';
import { backendOptionsOf, withConnectionFlags } from './backend-flags.js';
import { WorkflowStepError } from '../workflow/run-step.js';
import type { StepRecord, WorkflowContext } from '../workflow/run-step.js';
import type { CliIo } from './cli-io.js';
import { cliContext } from './cli-context.js';
import type { CliContext } from './cli-context.js';
import { readPassword } from './read-password.js';
import type { PasswordArgs, WorkflowArgs } from './workflow-args.js';

/** The connection options of real backends and the fan-out's --throttle (every workflow, report included). */
export function withWorkflowConnection<T>(y: Argv<T>): Argv<T> {
  return withConnectionFlags(y).option('throttle', {
    type: 'number',
    describe: 'real backends: sessions working at once on many servers (default 4)',
  }) as Argv<T>;
}

/** `--what-if` and the password sources every changing workflow has. */
export function withWorkflowOptions<T>(y: Argv<T>, password: 'required' | 'optional' | 'none'): Argv<T> {
  let b = withWorkflowConnection(y).option('what-if', {
    type: 'boolean',
    describe: 'show the exact lines that would run; change nothing',
  });
  if (password !== 'none') {
    b = b
      .option('password-file', { type: 'string', describe: 'read the PFX password from this file on this machine' })
      .option('password-env', { type: 'string', describe: 'read the PFX password from this environment variable' })
      .option('password-stdin', { type: 'boolean', describe: 'read the PFX password from standard input' });
  }
  return b as Argv<T>;
}

/** The password from --password-file/--password-env/--password-stdin, else a terminal prompt, else a clear error. */
export async function workflowPassword(a: PasswordArgs, io: CliIo): Promise<Secret> {
  const sources = {
    passwordFile: a['password-file'],
    passwordEnv: a['password-env'],
    passwordStdin: a['password-stdin'],
  };
  const given = await readPassword(sources, io);
  if (given) return given;
  if (io.stdinIsTTY && io.promptSecret) return (await readPassword({ passwordPrompt: true }, io))!;
  throw new ValidationError({
    code: 'PASSWORD_MISSING',
    parameter: 'password',
    allowed: '--password-env NAME, --password-file FILE or --password-stdin',
    message:
      'A PFX password is needed: give --password-env NAME, --password-file FILE or --password-stdin (or run on a terminal to be asked).',
  });
}

/** One line per step for people: status, server, step, then the exact line. */
export function formatStep(s: StepRecord): string {
  const head = `# ${s.step} on ${s.server}${s.status === 'done' ? '' : ` (${s.status})`}`;
  return `${head}\n${s.line}\n${s.errors.map((e) => `  error: ${e}\n`).join('')}`;
}

/**
 * Opens the configured backend for a workflow command, prints each step's line as it finishes (unless --json), runs
 * `fn` and closes the backend whatever happens. A failed step is reported on one line and gives null.
 */
export async function runWorkflow<T>(
  a: WorkflowArgs,
  io: CliIo,
  fn: (ctx: WorkflowContext, cli: CliContext) => Promise<T>,
): Promise<T | null> {
  const cli = await cliContext(a, io);
  const throttle = a.throttle;
  if (throttle !== undefined && !(Number.isInteger(throttle) && throttle >= 1 && throttle <= 64)) {
    throw new ValidationError({
      code: 'INVALID_OPTION',
      parameter: 'throttle',
      value: String(throttle),
      allowed: '1 to 64',
      message: `--throttle '${String(throttle)}' is not a number of sessions from 1 to 64.`,
    });
  }
  const backendOptions = {
    ...backendOptionsOf(a),
    state: cli.config.state.value,
    ...(cli.config.connect ? { connect: cli.config.connect.value } : {}),
  };
  const target = await openWorkflowTarget(cli.config.backend.value, cli.config.state.value, {
    backendOptions,
    log: cli.log,
    ...(throttle !== undefined ? { throttle } : {}),
  });
  const ctx: WorkflowContext = {
    target,
    log: cli.log,
    whatIf: a['what-if'] === true,
    onStep: (s) => {
      if (!cli.json) io.stdout.write(formatStep(s));
    },
  };
  try {
    return await fn(ctx, cli);
  } catch (e) {
    if (!(e instanceof WorkflowStepError)) throw e;
    io.stderr.write(
      cli.json
        ? `${JSON.stringify({ error: { code: e.code, message: e.message, step: e.step } })}\n`
        : `exchcert: ${e.message}\n`,
    );
    return null;
  } finally {
    await target.close();
  }
}

/** Splits `a,b` and repeated options into a list. */
export function listOption(value: unknown): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list
    .flatMap((v) => String(v).split(','))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * A list option that must name at least one item: the list, or a ValidationError naming the option.
 * @example requiredList(args, 'servers', 'server names', 'server name') // ['EX1', 'EX2']
 */
export function requiredList(
  args: Readonly<Record<string, unknown>>,
  flag: string,
  allowed: string,
  item: string,
): string[] {
  const list = listOption(args[flag]);
  if (list.length > 0) return list;
  throw new ValidationError({
    code: 'MISSING',
    parameter: flag,
    allowed,
    message: `--${flag} needs at least one ${item}.`,
  });
}
