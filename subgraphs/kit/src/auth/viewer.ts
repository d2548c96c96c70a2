/** Contract roles. */
export const Roles = ['CUSTOMER', 'ADMIN', 'SELLER', 'SUPPORT'] as const;
export type Role = (typeof Roles)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (Roles as readonly string[]).includes(value);

/** Who is calling, as verified from the gateway's internal token. */
export interface Viewer {
  userId: string | null;
  roles: readonly Role[];
  sessionId: string | null;
  /** The client's IP address as the gateway saw it (signed into the internal token), for per-address limits. */
  clientAddress?: string | null;
}

export interface SignedInViewer extends Viewer {
  userId: string;
}

export const anonymousViewer: Viewer = Object.freeze({ userId: null, roles: Object.freeze([]) as readonly Role[], sessionId: null });
