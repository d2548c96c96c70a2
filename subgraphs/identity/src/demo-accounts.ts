import type { Role } from '@drobble/kit/auth/viewer';

/** The demo accounts seeded when SEED_DEMO_DATA=true and there are no users (README and tests use these). */
export interface DemoAccount {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  /** The account's one role (what the banner prints). */
  role: Role;
  roles: readonly Role[];
  address: {
    fullName: string;
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postalCode: string;
    country: string;
    phone: string | null;
  };
}

export const DEMO_ADMIN: DemoAccount = {
  email: 'admin@drobble.dev',
  password: 'Admin-Drobble-2026!',
  firstName: 'Ada',
  lastName: 'Admin',
  role: 'ADMIN',
  roles: ['ADMIN'],
  address: { fullName: 'Ada Admin', line1: '1 Market Street', line2: 'Suite 100', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US', phone: '+14155550100' },
};

export const DEMO_CUSTOMER: DemoAccount = {
  email: 'customer@drobble.dev',
  password: 'Customer-Drobble-2026!',
  firstName: 'Casey',
  lastName: 'Customer',
  role: 'CUSTOMER',
  roles: ['CUSTOMER'],
  address: { fullName: 'Casey Customer', line1: '221B Baker Street', line2: null, city: 'London', region: null, postalCode: 'NW1 6XE', country: 'GB', phone: '+442071234567' },
};

export const demoAccounts: readonly DemoAccount[] = [DEMO_ADMIN, DEMO_CUSTOMER];
