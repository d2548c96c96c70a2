/** Hour (UTC) given as the estimated delivery time on the delivery day. */
const DELIVERY_HOUR_UTC = 18;

const isWeekend = (date: Date) => date.getUTCDay() === 0 || date.getUTCDay() === 6;

/**
 * `businessDays` working days (Monday to Friday, UTC) after `from`, at 18:00 UTC. Preparation on a
 * weekend counts from the next Monday. Public holidays are not known here.
 */
export function estimateDelivery(from: Date, businessDays: number): Date {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), DELIVERY_HOUR_UTC));
  let left = businessDays;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (!isWeekend(day)) left -= 1;
  }
  return day;
}
