import { describe, expect, it } from 'vitest';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepExtendedQueriesTogether, turnAfter } from './pglite-socket-affinity.ts';

const message = (handlerId: number, type: string) => ({ handlerId, message: new Uint8Array([type.charCodeAt(0), handlerId, 0, 0, 4]) });

describe('turnAfter', () => {
  it('holds the turn from the first extended message to Sync', () => {
    expect(turnAfter(null, message(1, 'P'))).toBe(1);
    expect(turnAfter(1, message(1, 'B'))).toBe(1);
    expect(turnAfter(1, message(1, 'S'))).toBeNull();
    expect(turnAfter(null, message(2, 'Q'))).toBeNull();
    expect(turnAfter(null, { handlerId: 3, message: new Uint8Array([0, 0, 0, 8, 4, 210, 22, 47]) })).toBeNull();
  });
});

/** pglite-socket's real queue over a fake PGlite that records what it executes, in order. */
function serverWithRecorder() {
  const executed: string[] = [];
  const db = {
    waitReady: Promise.resolve(),
    isInTransaction: () => false,
    runExclusive: <T>(work: () => Promise<T>) => work(),
    execProtocolRawStream: async (bytes: Uint8Array) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      executed.push(`${String.fromCharCode(bytes[0]!)}${bytes[1]}`);
    },
  };
  const server = new PGLiteSocketServer({ db: db as never, port: 0 });
  const queue = (server as unknown as { queryQueue: { enqueue(id: number, message: Uint8Array, onData: () => void): Promise<unknown> } }).queryQueue;
  const send = (id: number, types: string) => types.split('').map((type) => queue.enqueue(id, message(id, type).message, () => {}));
  return { server, executed, send };
}

/** Two connections' extended queries arriving interleaved, as two sockets' data events do. */
async function interleaved(patched: boolean) {
  const { server, executed, send } = serverWithRecorder();
  if (patched) keepExtendedQueriesTogether(server);
  const pending = [...send(1, 'P'), ...send(2, 'P'), ...send(1, 'B'), ...send(2, 'B'), ...send(1, 'E'), ...send(2, 'E'), ...send(1, 'S'), ...send(2, 'S')];
  await Promise.all(pending);
  return executed.join(' ');
}

describe('keepExtendedQueriesTogether', () => {
  it('unpatched pglite-socket interleaves two connections (the bug)', async () => {
    expect(await interleaved(false)).toBe('P1 P2 B1 B2 E1 E2 S1 S2');
  });

  it('patched, each connection runs Parse..Sync without the other cutting in', async () => {
    expect(await interleaved(true)).toBe('P1 B1 E1 S1 P2 B2 E2 S2');
  });
});
