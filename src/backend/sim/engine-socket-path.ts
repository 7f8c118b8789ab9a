// Where the engine of a state folder listens; light enough for every CLI process to ask (node:path only).
import { join } from 'node:path';

/** The socket's file name inside the state folder (not on Windows, where the engine listens on a named pipe). */
export const ENGINE_SOCKET_NAME = 'engine.sock';

/**
 * Where the engine of a state folder listens: a Unix domain socket in it, or a named pipe on Windows.
 * @example engineSocketPath('/srv/lab', 'linux') // '/srv/lab/engine.sock'
 */
export function engineSocketPath(stateDir: string, platform: string): string {
  if (platform === 'win32')
    return `\\\\.\\pipe\\exchcert-engine-${Buffer.from(stateDir.toLowerCase()).toString('hex').slice(-80)}`;
  return join(stateDir, ENGINE_SOCKET_NAME);
}
