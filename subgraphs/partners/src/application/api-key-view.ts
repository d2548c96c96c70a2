/** A stored key as the API shows it: never the hash, usage as a plain number. */
export function toApiKey(row: {
  id: string;
  name: string;
  prefix: string;
  allowedOperations: string[];
  rateLimitPerMinute: number;
  usageCount: bigint;
  lastUsedAt: Date | null;
  createdAt: Date;
  revokedAt: Date | null;
}) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    allowedOperations: row.allowedOperations,
    rateLimitPerMinute: row.rateLimitPerMinute,
    usageCount: Number(row.usageCount),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
