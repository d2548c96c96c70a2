import type { Logger } from './logger.ts';

export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * What a context started and must stop: stopped in reverse order of registration (the server
 * before the consumers, the consumers before the outbox relay, everything before the database),
 * each once, and every one of them even when an earlier one fails to stop.
 */
export class Resources {
  private readonly stack: { name: string; stop: () => Promise<void> }[] = [];
  private stopping: Promise<void> | undefined;
  private readonly logger: Pick<Logger, 'error'>;

  constructor(logger: Pick<Logger, 'error'>) {
    this.logger = logger;
  }

  /** Registers a started resource and returns it. */
  add<T extends Stoppable>(name: string, resource: T): T {
    this.onStop(name, () => resource.stop());
    return resource;
  }

  /** Registers several started resources of one kind (for example a context's event consumers). */
  addAll<T extends Stoppable>(name: string, resources: T[]): T[] {
    this.onStop(name, async () => {
      await Promise.all(resources.map((resource) => resource.stop()));
    });
    return resources;
  }

  onStop(name: string, stop: () => Promise<void>): void {
    if (this.stopping) throw new Error(`cannot register ${name}: already stopping`);
    this.stack.push({ name, stop });
  }

  /** Stops everything registered, newest first; the first failure is rethrown after the rest stopped. */
  stopAll(): Promise<void> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  private async drain(): Promise<void> {
    let firstFailure: unknown;
    for (const entry of this.stack.reverse()) {
      try {
        await entry.stop();
      } catch (error) {
        this.logger.error({ err: error, resource: entry.name }, 'failed to stop');
        firstFailure ??= error;
      }
    }
    if (firstFailure !== undefined) throw firstFailure;
  }
}
