import { hasRole, requireRole } from '@drobble/kit/auth/guards';
import type { Viewer } from '@drobble/kit/auth/viewer';
import { parsePaging, type PageArgs } from '@drobble/kit/paging';
import type { ReviewsPrisma } from '../infra/prisma.ts';
import { toReview, type Review } from '../infra/reviews.ts';
import type { Prisma } from '../generated/prisma/client.ts';

export interface ReviewPage {
  items: Review[];
  pageInfo: { page: number; pageSize: number; total: number };
}

async function pageOf(prisma: ReviewsPrisma, where: Prisma.ReviewWhereInput, orderBy: Prisma.ReviewOrderByWithRelationInput[], args: PageArgs): Promise<ReviewPage> {
  const paging = parsePaging(args.page, args.pageSize);
  const [rows, total] = await prisma.$transaction([
    prisma.review.findMany({ where, orderBy, skip: paging.skip, take: paging.pageSize }),
    prisma.review.count({ where }),
  ], { isolationLevel: 'RepeatableRead' });
  return { items: rows.map(toReview), pageInfo: { page: paging.page, pageSize: paging.pageSize, total } };
}

/** Query.pendingReviews (ADMIN): the moderation queue, oldest first. */
export function pendingReviews(prisma: ReviewsPrisma, viewer: Viewer, args: PageArgs): Promise<ReviewPage> {
  requireRole(viewer, 'ADMIN');
  return pageOf(prisma, { status: 'PENDING' }, [{ createdAt: 'asc' }, { id: 'asc' }], args);
}

/** User.reviews, newest first: every status for the user themself and staff, approved ones for anyone else. */
export function userReviews(prisma: ReviewsPrisma, viewer: Viewer, userId: string, args: PageArgs): Promise<ReviewPage> {
  const everything = viewer.userId === userId || hasRole(viewer, 'ADMIN', 'SUPPORT');
  return pageOf(prisma, { authorId: userId, ...(everything ? {} : { status: 'APPROVED' }) }, [{ createdAt: 'desc' }, { id: 'desc' }], args);
}
