import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findContextSchemas, generatePrismaClient } from '../../../../scripts/prisma-generate.ts';

describe('scripts/prisma-generate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'drobble-generate-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds every context schema and skips "_" fixtures and folders without one', async () => {
    for (const name of ['shop', '_fixture', 'empty', 'billing']) await mkdir(join(dir, name));
    await writeFile(join(dir, 'shop', 'schema.prisma'), '');
    await writeFile(join(dir, 'billing', 'schema.prisma'), '');
    await writeFile(join(dir, '_fixture', 'schema.prisma'), '');
    expect(await findContextSchemas(dir)).toEqual([join(dir, 'billing', 'schema.prisma'), join(dir, 'shop', 'schema.prisma')]);
  });

  it("fails with Prisma's own error for an invalid schema (offline, no engine download)", async () => {
    const path = join(dir, 'broken.prisma');
    await writeFile(path, 'datasource db {\n  provider = "postgresql"\n}\nmodel Broken {\n  id Strin @id\n}\n');
    await expect(generatePrismaClient(path)).rejects.toThrow(/prisma generate --schema .*broken\.prisma failed:[\s\S]*Strin/);
  });
});
