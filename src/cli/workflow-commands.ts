// The admin's workflows as CLI commands (registered by run-cli in one loop).
import type { CommandModule } from 'yargs';
import type { CliIo } from './cli-io.js';
import { configCommand } from './commands/config.js';
import { deployCommand } from './commands/deploy.js';
import { renewCommand } from './commands/renew.js';
import { reportCommand } from './commands/report.js';
import { planCommand } from './commands/plan.js';
import { applyCommand } from './commands/apply.js';

/** Every workflow command module, in help order. */
export function workflowCommands(io: CliIo, done: (code: number) => void): CommandModule[] {
  return [
    renewCommand(io, done),
    deployCommand(io, done),
    reportCommand(io, done),
    planCommand(io, done),
    applyCommand(io, done),
    configCommand(io, done),
  ];
}
