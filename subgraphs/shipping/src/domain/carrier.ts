export type ShippingMethod = 'STANDARD' | 'EXPRESS';

export interface CarrierService {
  carrier: string;
  /** Two letters that start its tracking numbers. */
  prefix: string;
  /** Business days from preparation to delivery. */
  businessDays: number;
}

/** Which carrier ships each method, and how fast. */
export const CARRIERS: Readonly<Record<ShippingMethod, CarrierService>> = {
  STANDARD: { carrier: 'Drobble Post', prefix: 'DP', businessDays: 5 },
  EXPRESS: { carrier: 'Drobble Express', prefix: 'DX', businessDays: 2 },
};
