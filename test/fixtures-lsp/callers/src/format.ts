/** Formats a price; no metric anywhere near it. */
export function formatPrice(cents: number): string {
  const prices = new Map<number, string>();
  prices.set(cents, `${(cents / 100).toFixed(2)} EUR`);
  return prices.get(cents) ?? '';
}
