import { DateTime } from '@drobble/kit/graphql/date-time';
import { DeadLetter } from './DeadLetter.ts';
import { addOrderNote } from './Mutation/addOrderNote.ts';
import { cancelOrder } from './Mutation/cancelOrder.ts';
import { markOrderDelivered } from './Mutation/markOrderDelivered.ts';
import { markOrderShipped } from './Mutation/markOrderShipped.ts';
import { placeOrder } from './Mutation/placeOrder.ts';
import { refundOrder } from './Mutation/refundOrder.ts';
import { retryDeadLetter } from './Mutation/retryDeadLetter.ts';
import { Order, OrderLine } from './Order.ts';
import { deadLetters } from './Query/deadLetters.ts';
import { exportOrders } from './Query/exportOrders.ts';
import { myOrders } from './Query/myOrders.ts';
import { order } from './Query/order.ts';
import { orders } from './Query/orders.ts';
import { Subscription } from './Subscription.ts';
import { User } from './User.ts';

/** Every resolver of the orders subgraph, keyed as in schema.graphql. */
export const resolvers = {
  DateTime,
  Query: { order, myOrders, orders, exportOrders, deadLetters },
  Mutation: { placeOrder, cancelOrder, markOrderShipped, markOrderDelivered, refundOrder, addOrderNote, retryDeadLetter },
  Subscription,
  Order,
  OrderLine,
  User,
  DeadLetter,
};
