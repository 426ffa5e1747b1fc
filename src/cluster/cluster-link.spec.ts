import { ClusterLink, reconnectDelay } from './cluster-link';

describe('ClusterLink', () => {
  let now: jest.SpyInstance<number>;
  const at = (ms: number) => now.mockReturnValue(ms);
  beforeEach(() => {
    now = jest.spyOn(Date, 'now');
    at(0);
  });
  afterEach(() => now.mockRestore());
  const link = () => new ClusterLink('LISTEN connection', 'listening');

  it('an instance that has always been alone, with its link whole, sends nothing to others', () => {
    expect(link().othersMayListen(1)).toBe(false);
  });

  it('sends while its link is down, and for 10 minutes after it is back, whatever the count says', () => {
    const l = link();
    l.lost('connection closed');
    expect(l.othersMayListen(1)).toBe(true);
    at(1000);
    l.restored();
    at(1000 + 10 * 60_000 - 1);
    expect(l.othersMayListen(1)).toBe(true);
    at(1000 + 10 * 60_000);
    expect(l.othersMayListen(1)).toBe(false);
  });

  it('sends for 10 minutes after it last counted another instance', () => {
    const l = link();
    expect(l.othersMayListen(2)).toBe(true);
    at(10 * 60_000 - 1);
    expect(l.othersMayListen(1)).toBe(true);
    at(10 * 60_000);
    expect(l.othersMayListen(1)).toBe(false);
  });

  it('tells its listeners once per loss, when the link is back, not on the first connection', () => {
    const l = link();
    const heard = jest.fn();
    l.onRestored(heard);
    l.restored();
    l.lost('a');
    l.lost('b');
    l.restored();
    l.restored();
    expect(heard).toHaveBeenCalledTimes(1);
  });
});

describe('reconnectDelay', () => {
  it('retries first within 100 ms and never waits more than a second', () => {
    const delays = Array.from({ length: 200 }, (_, i) => reconnectDelay(i % 20));
    expect(Math.max(...delays.filter((_, i) => i % 20 === 0))).toBeLessThanOrEqual(100);
    expect(Math.max(...delays)).toBeLessThanOrEqual(1000);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(50);
  });
});
