// Many servers: a throttled pool, per-server outcomes in order, one failure not stopping the others.
import { describe, expect, it } from '@jest/globals';
import type { Backend, RunResult } from '../../src/backend/backend.js';
import { fanOut, fanOutWork, parseServers } from '../../src/backend/fan-out.js';

function fakeBackend(onClose: () => void): Backend {
  return {
    name: 'fake',
    run: async () => {
      throw new Error('unused');
    },
    info: async () => ({ shell: '5.1', shellVersion: '5.1', exchange: undefined, exchangeVersion: null }),
    close: async () => onClose(),
  };
}

describe('parseServers', () => {
  it('reads A,B,C and @FILE (comments, blanks, duplicates dropped)', () => {
    expect(parseServers(' AMS-EXCH01,RESEXCH01 ,AMS-EXCH01')).toEqual(['AMS-EXCH01', 'RESEXCH01']);
    expect(parseServers('@list', () => '# fleet\nEX1\n\nex2.contoso.com  # dag\n')).toEqual(['EX1', 'ex2.contoso.com']);
  });
  it('refuses names that are not server names, empty lists and unreadable files with one line', () => {
    expect(() => parseServers('EX1,EX 2;rm')).toThrow("--servers: 'EX 2;rm' is not a server name.");
    expect(() => parseServers(',')).toThrow("--servers ',' names no server.");
    expect(() => parseServers('@/no/such/servers.txt')).toThrow(
      "--servers '@/no/such/servers.txt': the file cannot be read (ENOENT).",
    );
  });
});

describe('fanOut', () => {
  it('never has more than `throttle` calls at once, keeps order, and goes on after a failure', async () => {
    let running = 0;
    let peak = 0;
    let opened = 0;
    let closed = 0;
    const servers = Array.from({ length: 10 }, (_, i) => `EX${i}`);
    const done: string[] = [];
    const outcomes = await fanOut(servers, {
      throttle: 3,
      open: async () => {
        opened++;
        return fakeBackend(() => {
          closed++;
        });
      },
      call: async (_b, server) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5 + (server.charCodeAt(2) % 3) * 5));
        running--;
        if (server === 'EX4') throw new Error('EX4: the endpoint refused the connection');
        return { ok: server !== 'EX7', backend: 'fake', target: server } as unknown as RunResult;
      },
      onDone: (o) => done.push(o.server),
    });
    expect(peak).toBe(3);
    expect(outcomes.map((o) => o.server)).toEqual(servers);
    expect(outcomes.filter((o) => !o.ok).map((o) => o.server)).toEqual(['EX4', 'EX7']);
    expect(outcomes[4]).toMatchObject({ ok: false, result: null, error: 'EX4: the endpoint refused the connection' });
    expect(done.sort()).toEqual([...servers].sort());
    // One session per worker, plus a fresh one after the failed session was dropped; every one closed.
    expect(opened).toBe(4);
    expect(closed).toBe(opened);
  });
});

describe('fanOutWork', () => {
  const session = (log: string[], id: number) => ({
    id,
    close: async () => {
      log.push(`close ${id}`);
    },
  });
  it('runs several calls per server on one session; errors it survives keep it, others drop it', async () => {
    const log: string[] = [];
    let opened = 0;
    class StepFailed extends Error {}
    const outcomes = await fanOutWork(['A', 'B', 'C', 'D'], {
      throttle: 1,
      open: async () => session(log, ++opened),
      work: async (s, server) => {
        log.push(`${server} on ${s.id}`);
        if (server === 'B') throw new StepFailed('B: enable failed');
        if (server === 'C') throw new Error('C: the session died');
        return server.toLowerCase();
      },
      keepSession: (e) => e instanceof StepFailed,
    });
    expect(outcomes.map((o) => (o.ok ? o.value : o.error))).toEqual([
      'a',
      'B: enable failed',
      'C: the session died',
      'd',
    ]);
    expect(log).toEqual(['A on 1', 'B on 1', 'C on 1', 'close 1', 'D on 2', 'close 2']);
  });
  it('shared: one session opened once for every worker and closed once at the end', async () => {
    const log: string[] = [];
    let opened = 0;
    const outcomes = await fanOutWork(['A', 'B', 'C'], {
      throttle: 3,
      shared: true,
      open: async () => session(log, ++opened),
      work: async (s, server) => {
        if (server === 'B') throw new Error('B failed');
        return s.id;
      },
    });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(opened).toBe(1);
    expect(log).toEqual(['close 1']);
  });
});
