import { DateTime } from '@drobble/kit/graphql/date-time';
import { markNotificationRead } from './Mutation/markNotificationRead.ts';
import { myNotifications } from './Query/myNotifications.ts';

/** Every resolver of the notifications subgraph, keyed as in schema.graphql. */
export const resolvers = {
  DateTime,
  Query: { myNotifications },
  Mutation: { markNotificationRead },
};
