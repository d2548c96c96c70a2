import { DateTime } from '@drobble/kit/graphql/date-time';
import { moderateReview } from './Mutation/moderateReview.ts';
import { submitReview } from './Mutation/submitReview.ts';
import { Product } from './Product.ts';
import { pendingReviews } from './Query/pendingReviews.ts';
import { Review } from './Review.ts';
import { User } from './User.ts';

/** Every resolver of the reviews subgraph, keyed as in schema.graphql. */
export const resolvers = {
  DateTime,
  Query: { pendingReviews },
  Mutation: { submitReview, moderateReview },
  Review,
  Product,
  User,
};
