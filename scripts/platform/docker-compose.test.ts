import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listSubgraphs, repoRoot } from '@drobble/schema/subgraphs.ts';

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: unknown };
  depends_on?: Record<string, unknown>;
}

const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const subgraphs = listSubgraphs();

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, NATS with JetStream and Elasticsearch with health checks', () => {
    for (const name of ['postgres', 'nats', 'elasticsearch']) expect(compose.services[name]?.healthcheck, name).toBeDefined();
    expect(JSON.stringify(compose.services.nats)).toContain('-js');
  });

  it.each(subgraphs.map((subgraph) => [subgraph.name, subgraph] as const))('runs the %s subgraph on its registered port with a health check', (name, subgraph) => {
    const service = compose.services[name];
    expect(service, `${name} is missing from docker-compose.yml`).toBeDefined();
    expect(service!.command?.join(' ')).toContain(`subgraphs/${name}/src/main.ts`);
    expect(service!.environment?.PORT).toBe(String(subgraph.port));
    expect(service!.environment?.DATABASE_URL).toMatch(/^postgresql:\/\//);
    expect(service!.environment?.NATS_URL).toMatch(/^nats:\/\//);
    expect(service!.healthcheck).toBeDefined();
  });

  it('routes the gateway to every subgraph and waits for them to be healthy', () => {
    const gateway = compose.services.gateway!;
    expect(gateway.healthcheck).toBeDefined();
    for (const subgraph of subgraphs) {
      expect(gateway.environment?.[`SUBGRAPH_${subgraph.name.toUpperCase()}_URL`]).toBe(`http://${subgraph.name}:${subgraph.port}/graphql`);
      expect(gateway.depends_on?.[subgraph.name]).toEqual({ condition: 'service_healthy' });
    }
  });

  it('has no service the code does not know', () => {
    const known = new Set(['postgres', 'nats', 'redis', 'elasticsearch', 'gateway', ...subgraphs.map((subgraph) => subgraph.name)]);
    expect(Object.keys(compose.services).filter((name) => !known.has(name))).toEqual([]);
  });
});
