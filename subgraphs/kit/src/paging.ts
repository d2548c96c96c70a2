import { badInput } from './errors.ts';

/** The contract's page size: 20 unless asked, at most 100. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The paging arguments every paginated field of the contract takes. */
export interface PageArgs {
  page?: number | null;
  pageSize?: number | null;
}

export interface Paging {
  page: number;
  pageSize: number;
  /** Rows to skip and take (Prisma's `skip`/`take`, SQL's OFFSET/LIMIT). */
  skip: number;
  take: number;
}

/** page is 1-based (default 1); pageSize defaults to 20, at most 100; BAD_USER_INPUT naming the field otherwise. */
export function parsePaging(page: number | null | undefined, pageSize: number | null | undefined): Paging {
  const current = page ?? 1;
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(current) || current < 1) throw badInput('page', 'page must be 1 or more');
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw badInput('pageSize', `pageSize must be between 1 and ${MAX_PAGE_SIZE}`);
  return { page: current, pageSize: size, skip: (current - 1) * size, take: size };
}
