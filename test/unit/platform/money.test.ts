import { describe, expect, it } from 'vitest';
import { applyBasisPoints, formatMoney, parseDecimalToMinor } from '../../../src/platform/index.ts';

describe('money', () => {
  it('parses decimal prices to minor units without float drift', () => {
    expect(parseDecimalToMinor('129.00')).toBe(12900);
    expect(parseDecimalToMinor('0.29')).toBe(29);
    expect(parseDecimalToMinor('1,299.5')).toBe(129950);
    expect(parseDecimalToMinor('$19.995')).toBe(2000);
    expect(parseDecimalToMinor('1500', 'JPY')).toBe(1500);
    expect(parseDecimalToMinor('12 dollars')).toBeNull();
    expect(parseDecimalToMinor('')).toBeNull();
  });

  it('applies basis-point rates with half-up rounding', () => {
    expect(applyBasisPoints(12900, 600)).toBe(774);
    expect(applyBasisPoints(2500, 625)).toBe(156);
    expect(applyBasisPoints(-2500, 625)).toBe(-156);
  });

  it('formats for people', () => {
    expect(formatMoney(12900, 'USD')).toBe('$129.00');
    expect(formatMoney(12900, 'EUR', 'fr-FR')).toMatch(/129,00\s€/);
  });
});
