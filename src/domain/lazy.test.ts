import { describe, expect, it } from 'vitest';
import { lazy } from './lazy';

describe('lazy', () => {
  it('makes the value on first use only, then gives the same one', () => {
    let made = 0;
    const formatter = lazy(() => {
      made += 1;
      return new Intl.NumberFormat('vi-VN');
    });
    expect(made).toBe(0);
    const first = formatter();
    expect(formatter()).toBe(first);
    expect(made).toBe(1);
    expect(first.format(1234.5)).toBe('1.234,5');
  });

  it('keeps a value that is falsy', () => {
    let made = 0;
    const zero = lazy(() => {
      made += 1;
      return 0;
    });
    expect(zero()).toBe(0);
    expect(zero()).toBe(0);
    expect(made).toBe(1);
  });
});
