import { DateTime } from '@drobble/kit/graphql/date-time';
import { Cart, CartLine, Wishlist } from './Cart.ts';
import { addToCart } from './Mutation/addToCart.ts';
import { addToWishlist } from './Mutation/addToWishlist.ts';
import { mergeGuestCart } from './Mutation/mergeGuestCart.ts';
import { removeFromCart } from './Mutation/removeFromCart.ts';
import { removeFromWishlist } from './Mutation/removeFromWishlist.ts';
import { updateCartLine } from './Mutation/updateCartLine.ts';
import { abandonedCarts } from './Query/abandonedCarts.ts';
import { cart } from './Query/cart.ts';
import { wishlist } from './Query/wishlist.ts';

/** Every resolver of the cart subgraph, keyed as in schema.graphql. */
export const resolvers = {
  DateTime,
  Query: { cart, wishlist, abandonedCarts },
  Mutation: { addToCart, updateCartLine, removeFromCart, mergeGuestCart, addToWishlist, removeFromWishlist },
  Cart,
  CartLine,
  Wishlist,
};
