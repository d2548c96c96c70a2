import { addOrderNote as addNote } from '../../../application/admin-commands.ts';
import type { OrdersContext } from '../../../context.ts';

/** Mutation.addOrderNote (ADMIN, SUPPORT). */
export const addOrderNote = (_: unknown, args: { id: string; note: string }, context: OrdersContext) => addNote(context.deps, context, args.id, args.note);
