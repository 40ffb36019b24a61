/** Money is integer minor units with a currency. Floats appear only when parsing or printing. */
export interface Money {
  amount: number;
  currency: string;
}

const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'XOF', 'XAF']);

export function minorDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
}

/**
 * Parses a decimal string such as "129.00" or "1,299.5" into minor units without going through
 * floating point, so 0.1 + 0.2 style errors cannot creep into prices. Returns null when it is not a
 * plain decimal amount.
 */
export function parseDecimalToMinor(text: string, currency = 'USD'): number | null {
  const cleaned = text.trim().replace(/[$€£,\s]/g, '');
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const digits = minorDigits(currency);
  const padded = (fraction + '0'.repeat(digits)).slice(0, digits);
  const dropped = fraction.slice(digits);
  let minor = Number(whole) * 10 ** digits + (padded ? Number(padded) : 0);
  if (dropped && Number(dropped[0]) >= 5) minor += 1;
  return sign === '-' ? -minor : minor;
}

export function formatMoney(amount: number, currency: string, locale = 'en-US'): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 10 ** digits);
}

/** Splits `amount` by `basisPoints` (1/100 of a percent), rounding half away from zero. */
export function applyBasisPoints(amount: number, basisPoints: number): number {
  const product = amount * basisPoints;
  return Math.sign(product) * Math.round(Math.abs(product) / 10_000);
}
