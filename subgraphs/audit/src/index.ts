import { defineSubgraph } from '@drobble/kit/context-service';
import { createAuditContext } from './context.ts';
import { subscribeAuditLog } from './events/audit-consumer.ts';
import { buildAuditSchema, schemaPath } from './graphql/schema.ts';
import { createAuditPrisma } from './infra/prisma.ts';

/** The audit subgraph: an append-only log of every event on every stream. */
export default defineSubgraph({
  name: 'audit',
  schemaPath,
  createPrisma: (runtime) => createAuditPrisma(runtime.databaseUrl),
  async wire({ runtime, logger, prisma, resources }) {
    resources.add('audit log consumer', await subscribeAuditLog(runtime.bus, prisma, logger));
    return { schema: buildAuditSchema(), createContext: createAuditContext({ prisma }) };
  },
});
