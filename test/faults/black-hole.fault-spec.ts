import { Logger } from '@nestjs/common';
import request from 'supertest';
import { useAppBehindProxy } from '../support/app-behind-proxy';
import { SteadyLoad, until } from '../support/steady-load';

const DARK_MS = 4000;
const WAIT_AFTER_HEAL_MS = 20_000;

describe('The network to PostgreSQL goes dark (packets vanish, no RST), then heals', () => {
  const setup = useAppBehindProxy();

  it('serves again within 5 s of the heal and is ready within 5 s, with only 503s (Retry-After) while dark, losing nothing acknowledged, and logs once that it went and once that it is back', async () => {
    const { proxy, app: t } = setup;
    const logged = [jest.spyOn(Logger.prototype, 'warn'), jest.spyOn(Logger.prototype, 'log')];
    const lines = (pattern: RegExp) => logged.flatMap((spy) => spy.mock.calls).filter(([message]) => pattern.test(String(message)));
    // A full pool first: every connection made before the dark is dead after it.
    await Promise.all(Array.from({ length: 10 }, () => t.dataSource.query('SELECT pg_sleep(0.05)')));
    const load = await SteadyLoad.start(t.http, 4);
    await until(() => load.acknowledgedCount >= 20);

    proxy.blackhole();
    await new Promise((resolve) => setTimeout(resolve, DARK_MS));
    const readyWhileDark = await request(t.http).get('/health/ready');
    proxy.heal();
    const healedAt = Date.now();
    let readyAt: number | undefined;
    while (readyAt === undefined && Date.now() < healedAt + WAIT_AFTER_HEAL_MS) {
      if ((await request(t.http).get('/health/ready')).status === 200) readyAt = Date.now();
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await until(() => load.firstSuccessAfter(healedAt) !== undefined, WAIT_AFTER_HEAL_MS).catch(() => undefined);
    const ackedAtHeal = load.acknowledgedCount;
    await until(() => load.acknowledgedCount >= ackedAtHeal + 20, WAIT_AFTER_HEAL_MS).catch(() => undefined);
    await load.stop();

    const firstSuccessMs = (load.firstSuccessAfter(healedAt) ?? Infinity) - healedAt;
    const readyMs = (readyAt ?? Infinity) - healedAt;
    const lost = await load.lost();
    console.log(
      `black hole ${DARK_MS} ms: ${load.outcomes.length} requests, ${load.acknowledgedCount} acknowledged, ${load.count(503)} answered 503, ` +
        `slowest ${Math.max(...load.outcomes.map((o) => o.ms))} ms; after the heal: first success in ${firstSuccessMs} ms, ` +
        `ready in ${readyMs} ms; improper answers: ${load.improper.length}, lost: ${lost}`,
    );
    expect(readyWhileDark.status).toBe(503);
    expect(load.improper).toEqual([]);
    expect(load.count(503)).toBeGreaterThan(0);
    expect(firstSuccessMs).toBeLessThan(5000);
    expect(readyMs).toBeLessThan(5000);
    expect(lost).toBe(0);
    expect(lines(/PostgreSQL stopped answering/)).toHaveLength(1);
    expect(lines(/PostgreSQL answers again/)).toHaveLength(1);
  }, 90_000);
});
