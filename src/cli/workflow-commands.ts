// The admin's workflows as CLI commands (registered by run-cli in one loop).
import type { CommandModule } from 'yargs';
import type { CliIo } from './cli-io.js';
import { configCommand } from './commands/config.js';
import { deployCommand } from './commands/deploy.js';
import { renewCommand } from './commands/renew.js';
import { reportCommand } from './commands/report.js';
import { planCommand } from './commands/plan.js';
import { applyCommand } from './commands/apply.js';

/** A command typed by its arguments, as yargs' list of commands takes it (its builder declares those arguments). */
function untyped<U>(module: CommandModule<object, U>): CommandModule {
  return module as unknown as CommandModule;
}

/** Every workflow command module, in help order. */
export function workflowCommands(io: CliIo, done: (code: number) => void): CommandModule[] {
  return [
    untyped(renewCommand(io, done)),
    untyped(deployCommand(io, done)),
    untyped(reportCommand(io, done)),
    untyped(planCommand(io, done)),
    untyped(applyCommand(io, done)),
    untyped(configCommand(io, done)),
  ];
}
