import pg from 'pg';

/** The identity outbox rows (subject + envelope), oldest first: what will be published. */
export async function outboxEvents(connectionString: string): Promise<{ subject: string; envelope: { data: Record<string, unknown>; [key: string]: unknown } }[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT subject, envelope FROM "identity"."outbox_event" ORDER BY created_at, id');
    return rows;
  } finally {
    await client.end();
  }
}
