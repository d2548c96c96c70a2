import { DomainError, ErrorCode } from '@drobble/kit/errors';

/**
 * Optimistic concurrency. Every change bumps Product.version by one. A writer that names the
 * version it read (expectedVersion) only succeeds when that is still the current version; the
 * repository enforces this with one conditional UPDATE ... WHERE id = $1 AND version = $2, so two
 * concurrent writers with the same expectedVersion cannot both win.
 */
export const isStale = (expectedVersion: number | null | undefined, currentVersion: number) =>
  expectedVersion !== null && expectedVersion !== undefined && expectedVersion !== currentVersion;

export const staleVersion = (expectedVersion: number, currentVersion: number) =>
  new DomainError(
    ErrorCode.CONFLICT,
    `The product was changed meanwhile (expected version ${expectedVersion}, current version ${currentVersion}); reload and retry`,
    { field: 'expectedVersion', extensions: { currentVersion } },
  );

/** The extra condition a conditional update must match (none when no version was given). */
export const versionCondition = (expectedVersion: number | null | undefined): { version?: number } =>
  expectedVersion === null || expectedVersion === undefined ? {} : { version: expectedVersion };
