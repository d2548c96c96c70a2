import { DateTime } from '@drobble/kit/graphql/date-time';
import { confirmTestPayment } from './Mutation/confirmTestPayment.ts';
import { Order } from './Order.ts';
import { Payment } from './Payment.ts';
import { payments } from './Query/payments.ts';

/** Every resolver of the payments subgraph, keyed as in schema.graphql. */
export const resolvers = {
  DateTime,
  Query: { payments },
  Mutation: { confirmTestPayment },
  Payment,
  Order,
};
