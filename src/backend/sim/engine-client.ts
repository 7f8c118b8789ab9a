// A Node client of the engine socket (tests, bench, tools): one connection, requests answered by id.
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import type { EngineRequest, EngineResponse } from './engine-protocol.js';

/** An open connection to an engine. */
export interface EngineClient {
  call(request: Omit<EngineRequest, 'id'>): Promise<EngineResponse>;
  close(): void;
}

/**
 * Connects to the engine listening on `path` (rejects when nothing listens there).
 * @example const c = await connectEngine('.exchcert/engine.sock'); const r = await c.call({ op: 'hello' }); c.close();
 */
export function connectEngine(path: string): Promise<EngineClient> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(path);
    const waiting = new Map<number, { resolve(r: EngineResponse): void; reject(e: Error): void }>();
    let nextId = 1;
    const fail = (error: Error) => {
      for (const w of waiting.values()) w.reject(error);
      waiting.clear();
    };
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      socket.on('error', fail);
      socket.on('close', () => fail(new Error('The engine closed the connection.')));
      createInterface({ input: socket, crlfDelay: Infinity }).on('line', (line) => {
        const response = JSON.parse(line) as EngineResponse;
        waiting.get(response.id)?.resolve(response);
        waiting.delete(response.id);
      });
      resolve({
        call(request) {
          const id = nextId++;
          return new Promise<EngineResponse>((res, rej) => {
            waiting.set(id, { resolve: res, reject: rej });
            socket.write(`${JSON.stringify({ ...request, id })}\n`);
          });
        },
        close: () => socket.end(),
      });
    });
  });
}
