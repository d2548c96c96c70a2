import { hasRole, isSignedIn } from '@drobble/kit/auth/guards';
import type { Viewer } from '@drobble/kit/auth/viewer';
import { DomainError, ErrorCode } from '@drobble/kit/errors';

/**
 * How each Subscription field of the contract is served: the event subject it follows, which events
 * concern one subscription (`matches`), and the ordinary query that resolves the payload through
 * the supergraph with the subscriber's own selection set (so fields owned by other subgraphs work).
 */
export interface LiveField {
  subject: string;
  /** The Query field that returns the payload, e.g. `order` for `orderUpdated`. */
  queryField: string;
  /** Subscription argument -> query argument, e.g. orderId -> id. */
  argumentMap: Record<string, string>;
  /** Whether an event concerns a subscription with these arguments, as this viewer. */
  matches(data: Record<string, unknown>, args: Record<string, unknown>, viewer: Viewer): boolean;
  /** Throws a DomainError when the viewer may not subscribe at all (checked before anything runs). */
  authorize(viewer: Viewer): void;
  /** An extra check through the supergraph at subscribe time (e.g. the order is the viewer's). */
  accessQuery?: { query: string; variables(args: Record<string, unknown>): Record<string, unknown>; allowed(data: unknown, viewer: Viewer): boolean };
}

const forbidden = () => new DomainError(ErrorCode.FORBIDDEN, 'You may not subscribe to this');
const requireSignedIn = (viewer: Viewer) => {
  if (!isSignedIn(viewer)) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in to subscribe');
};

export const liveFields: Record<string, LiveField> = {
  orderUpdated: {
    subject: 'orders.order.status_changed.v1',
    queryField: 'order',
    argumentMap: { orderId: 'id' },
    matches: (data, args, viewer) => data.orderId === args.orderId && (hasRole(viewer, 'ADMIN') || data.customerId === viewer.userId),
    authorize: requireSignedIn,
    accessQuery: {
      // Owner or ADMIN: the orders subgraph says whose order it is (and NOT_FOUND for a stranger's).
      query: 'query OrderUpdatedAccess($id: ID!) { order(id: $id) { customer { id } } }',
      variables: (args) => ({ id: args.orderId }),
      allowed: (data, viewer) => {
        if (hasRole(viewer, 'ADMIN')) return true;
        const order = (data as { order?: { customer?: { id?: string } | null } | null } | null)?.order;
        return !!order && order.customer?.id === viewer.userId;
      },
    },
  },
  dashboardUpdated: {
    subject: 'analytics.dashboard.updated.v1',
    queryField: 'dashboard',
    argumentMap: {},
    matches: (_data, _args, viewer) => hasRole(viewer, 'ADMIN'),
    authorize: (viewer) => {
      requireSignedIn(viewer);
      if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    },
  },
  stockChanged: {
    subject: 'inventory.stock.changed.v1',
    queryField: 'product',
    argumentMap: { productId: 'id' },
    matches: (data, args) => data.productId === args.productId,
    authorize: () => {},
  },
};
