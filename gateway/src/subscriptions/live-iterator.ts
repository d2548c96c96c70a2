/**
 * A push-based async generator for one subscription: `push` queues a value (the oldest is dropped
 * past `maxQueued`, so a slow client cannot grow memory without bound), `fail` ends it with an
 * error, and `return()` (graphql-ws calls it on complete or disconnect) runs `onEnd` once.
 */
export function createLiveIterator<T>(onEnd: () => void, maxQueued = 100) {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let failWaiting: ((error: unknown) => void) | undefined;
  let failure: unknown;
  let done = false;

  const end = () => {
    if (done) return;
    done = true;
    queue.length = 0;
    onEnd();
    waiting?.({ value: undefined, done: true });
    waiting = failWaiting = undefined;
  };

  const iterator: AsyncGenerator<T, void, unknown> = {
    next() {
      if (failure !== undefined) {
        const error = failure;
        failure = undefined;
        end();
        return Promise.reject(error);
      }
      if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => {
        waiting = resolve;
        failWaiting = reject;
      });
    },
    async return() {
      end();
      return { value: undefined, done: true };
    },
    async throw(error) {
      end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
    async [Symbol.asyncDispose]() {
      end();
    },
  };

  return {
    iterator,
    push(value: T) {
      if (done) return;
      if (waiting) {
        const resolve = waiting;
        waiting = failWaiting = undefined;
        resolve({ value, done: false });
        return;
      }
      queue.push(value);
      if (queue.length > maxQueued) queue.shift();
    },
    fail(error: unknown) {
      if (done) return;
      if (failWaiting) {
        const reject = failWaiting;
        waiting = failWaiting = undefined;
        end();
        reject(error);
        return;
      }
      failure = error;
    },
    get ended() {
      return done;
    },
  };
}
