import { itemCount, lineTotal, subtotal, type CartView, type PricedLine } from '../../domain/cart.ts';

/** Cart fields computed from the priced view. */
export const Cart = {
  itemCount: (cart: CartView) => itemCount(cart),
  subtotal: (cart: CartView) => subtotal(cart),
  customer: (cart: CartView) => (cart.userId ? { id: cart.userId } : null),
};

/** CartLine: the variant as a stub for catalog to resolve; prices are the current ones. */
export const CartLine = {
  variant: (line: PricedLine) => ({ id: line.variantId }),
  unitPrice: (line: PricedLine) => ({ amount: line.unitPrice, currency: line.currency }),
  lineTotal: (line: PricedLine) => lineTotal(line),
};

/** Wishlist: product stubs for catalog to resolve. */
export const Wishlist = {
  products: (wishlist: { productIds: string[] }) => wishlist.productIds.map((id) => ({ id })),
};
