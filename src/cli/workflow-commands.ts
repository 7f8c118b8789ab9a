// The admin's workflows as CLI commands (registered by run-cli in one loop).
import type { CommandModule } from 'yargs';
import type { CliIo } from './cli-io.js';
import { configCommand } from './commands/config.js';
import { deployCommand } from './commands/deploy.js';
import { renewCommand } from './commands/renew.js';

/** Every workflow command module, in help order. */
export function workflowCommands(io: CliIo, done: (code: number) => void): CommandModule[] {
  return [renewCommand(io, done), deployCommand(io, done), configCommand(io, done)];
}
