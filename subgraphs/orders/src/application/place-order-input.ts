import { z } from 'zod';
import { badInput } from '@drobble/kit/errors';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((value) => (value ? value : null));

const address = z.object({
  fullName: text(200),
  line1: text(200),
  line2: optionalText(200),
  city: text(100),
  region: optionalText(100),
  postalCode: text(20),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "DE"'),
  phone: optionalText(40),
});

export const placeOrderInput = z.object({
  cartId: z.guid('must be a cart id'),
  email: z.email('must be an email address').max(320).nullish(),
  shippingAddress: address,
  billingAddress: address.nullish(),
  shippingMethod: z.enum(['STANDARD', 'EXPRESS']),
  payment: z.object({ provider: z.enum(['TEST', 'STRIPE']), token: z.string().max(255).nullish() }),
  /** Same key from the same caller returns the same order (retries, double clicks). */
  idempotencyKey: z.string().trim().min(1).max(200).nullish(),
  /** Cart.version the shopper saw; placeOrder waits until orders' projection has it. */
  cartVersion: z.number().int().positive().nullish(),
});

export type PlaceOrderInput = z.infer<typeof placeOrderInput>;

/** Parses placeOrder's input; the first problem becomes BAD_USER_INPUT with its field path. */
export function parsePlaceOrderInput(raw: unknown): PlaceOrderInput {
  const result = placeOrderInput.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.');
  return failWith(field, `${field}: ${issue.message}`);
}

function failWith(field: string, message: string): never {
  throw badInput(field, message);
}
