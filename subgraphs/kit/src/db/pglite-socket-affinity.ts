/**
 * pglite-socket 0.1.x queues the wire protocol per MESSAGE and keeps a connection's turn only while
 * PGlite is inside a transaction. Outside one, an extended-protocol query (Parse, Bind, Describe,
 * Execute, ... Sync) from one connection can interleave with another connection's: both use the
 * unnamed statement of PGlite's single session, so one gets "bind message supplies 3 parameters,
 * but prepared statement "" requires 2" (08P01), or worse. Seen as soon as several subgraphs query
 * the embedded server at once (relays, consumers, start-up queries).
 *
 * This keeps the turn with a connection from its first extended-protocol message up to and
 * including its Sync, as PostgreSQL itself would serve one session. Applied to the server's queue.
 */

/** Frontend messages that end an extended-protocol exchange (Sync) or stand alone (simple Query). */
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
}

/** The fields of pglite-socket's QueryQueueManager this relies on (plain JS properties). */
interface QueryQueue {
  queue: QueuedMessage[];
  lastHandlerId: number | null;
  db: { isInTransaction(): boolean };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Which handler holds the turn, given the next message it would process. */
export function turnAfter(holder: number | null, message: QueuedMessage): number | null {
  const type = message.message[0];
  if (type === SYNC || type === QUERY || type === TERMINATE) return null;
  // Startup/SSL requests have no type byte (length first); they never open an exchange.
  if (type === 0) return holder;
  return message.handlerId;
}

/** Patches a PGLiteSocketServer's queue in place (call once, before connections arrive). */
export function keepExtendedQueriesTogether(server: object): void {
  const queue = (server as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || typeof queue.processQueue !== 'function' || !Array.isArray(queue.queue)) {
    throw new Error('pglite-socket internals changed: review kit/src/db/pglite-socket-affinity.ts');
  }
  let holder: number | null = null;
  const originalProcess = queue.processQueue.bind(queue);
  const originalClear = queue.clearQueueForHandler.bind(queue);
  // The queue takes `queue.shift()` outside transactions: hand out the holder's messages only.
  const patch = (messages: QueuedMessage[]) => {
    messages.shift = function shiftForHolder(this: QueuedMessage[]) {
      const index = holder === null ? 0 : this.findIndex((m) => m.handlerId === holder);
      if (index === -1) return undefined; // the loop stops; the holder's next message restarts it
      const [next] = this.splice(index, 1);
      if (next) holder = turnAfter(holder, next);
      return next;
    };
  };
  queue.processQueue = () => {
    patch(queue.queue);
    return originalProcess();
  };
  queue.clearQueueForHandler = (handlerId: number) => {
    if (holder === handlerId) holder = null;
    originalClear(handlerId); // replaces the array
    patch(queue.queue);
    if (queue.queue.length > 0) void queue.processQueue();
  };
}
