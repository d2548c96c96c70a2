import { badInput } from '@drobble/kit/errors';

/** An address as entered (GraphQL AddressInput). */
export interface AddressInput {
  fullName: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
  phone?: string | null;
}

export interface ValidAddress {
  fullName: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
}

/** A user keeps at most this many saved addresses. */
export const MAX_ADDRESSES = 20;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
/** Two-letter codes ICU names that are not ISO 3166-1 countries (groupings, reserved, unknown). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

/** ISO 3166-1 alpha-2, as known to the runtime's ICU data (e.g. "US", "GB", "DE"). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  return regionNames.of(code) !== code;
}

function required(field: string, raw: string, max: number): string {
  const value = raw.trim();
  if (value.length === 0) throw badInput(field, `${field} is required`);
  if (value.length > max) throw badInput(field, `${field} must be at most ${max} characters long`);
  return value;
}

function optional(field: string, raw: string | null | undefined, max: number): string | null {
  const value = raw?.trim() ?? '';
  if (value.length === 0) return null;
  if (value.length > max) throw badInput(field, `${field} must be at most ${max} characters long`);
  return value;
}

const PHONE = /^\+?[0-9 ()./-]{5,25}$/;

/** Trims every field; BAD_USER_INPUT naming the first bad field (input.<field>). */
export function parseAddress(input: AddressInput): ValidAddress {
  const country = input.country.trim().toUpperCase();
  if (!isCountryCode(country)) throw badInput('input.country', 'country must be an ISO 3166-1 alpha-2 code, e.g. "US"');
  const phone = optional('input.phone', input.phone, 25);
  if (phone !== null && !PHONE.test(phone)) throw badInput('input.phone', 'phone may hold only digits, spaces, + ( ) . / -');
  return {
    fullName: required('input.fullName', input.fullName, 200),
    line1: required('input.line1', input.line1, 200),
    line2: optional('input.line2', input.line2, 200),
    city: required('input.city', input.city, 100),
    region: optional('input.region', input.region, 100),
    postalCode: required('input.postalCode', input.postalCode, 20),
    country,
    phone,
  };
}
