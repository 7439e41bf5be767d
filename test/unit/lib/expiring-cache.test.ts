import { ExpiringCache } from '../../../lib/expiring-cache';

describe('ExpiringCache', () => {
  it('keeps a value until its expiry and forgets it from then on', () => {
    const cache = new ExpiringCache<string>(10);
    cache.set('token', 'caller', 2_000, 1_000);
    expect(cache.get('token', 1_999)).toBe('caller');
    expect(cache.get('token', 2_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('stores nothing that has expired already', () => {
    const cache = new ExpiringCache<string>(10);
    cache.set('old', 'caller', 1_000, 1_000);
    expect(cache.get('old', 999)).toBeUndefined();
  });

  it('holds at most its bound, forgetting the entry stored longest ago', () => {
    const cache = new ExpiringCache<number>(3);
    for (let i = 0; i < 1_000; i++) cache.set(`token-${i}`, i, 10_000, 0);
    expect(cache.size).toBe(3);
    expect(cache.get('token-996', 1)).toBeUndefined();
    expect([997, 998, 999].map((i) => cache.get(`token-${i}`, 1))).toEqual([997, 998, 999]);
  });

  it('refuses a bound that holds nothing', () => {
    expect(() => new ExpiringCache(0)).toThrow('at least one entry');
  });
});
