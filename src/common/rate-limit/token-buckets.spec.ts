import { TokenBuckets } from './token-buckets';

describe('TokenBuckets', () => {
  let now = 0;
  const buckets = () => new TokenBuckets({ burst: 3, perSecond: 2 }, () => now);
  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets a burst through, then says how long to wait', () => {
    const b = buckets();

    expect([b.take('alice'), b.take('alice'), b.take('alice')]).toEqual([0, 0, 0]);
    expect(b.take('alice')).toBe(1);
  });

  it('refills over time, never above the burst', () => {
    const b = buckets();
    for (let i = 0; i < 3; i++) b.take('alice');

    now += 500;
    expect(b.take('alice')).toBe(0);
    expect(b.take('alice')).toBe(1);
    now += 60_000;
    expect([b.take('alice'), b.take('alice'), b.take('alice'), b.take('alice')]).toEqual([0, 0, 0, 1]);
  });

  it('keeps keys apart', () => {
    const b = buckets();
    for (let i = 0; i < 3; i++) b.take('alice');

    expect(b.take('bob')).toBe(0);
    expect(b.take('alice')).toBe(1);
  });

  it('forgets buckets that have filled up again, and no others', () => {
    const b = buckets();
    b.take('alice');
    for (let i = 0; i < 3; i++) b.take('bob');

    now += 600;
    b.sweep();

    expect(b.size).toBe(1);
    now += 1000;
    b.sweep();
    expect(b.size).toBe(0);
  });
});
