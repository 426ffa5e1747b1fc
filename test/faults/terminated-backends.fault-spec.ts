import { Client } from 'pg';
import { SteadyLoad, until } from '../support/steady-load';
import { useTestApp } from '../support/test-app';

const KILLS = 40;
const KILL_EVERY_MS = 120;

describe("The app's PostgreSQL backends are terminated again and again mid-transaction", () => {
  const t = useTestApp({ DB_CONNECT_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '1000' });

  it('answers 201 or 503 (Retry-After), never 500, and loses nothing acknowledged', async () => {
    const admin = new Client({ connectionString: t.database.url });
    await admin.connect();
    const load = await SteadyLoad.start(t.http, 6);
    await until(() => load.acknowledgedCount >= 20);

    let terminated = 0;
    for (let i = 0; i < KILLS; i++) {
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'game-session-roster' AND datname = current_database()`,
      );
      terminated += rowCount ?? 0;
      await new Promise((resolve) => setTimeout(resolve, KILL_EVERY_MS));
    }
    const ackedAfterKills = load.acknowledgedCount;
    await until(() => load.acknowledgedCount >= ackedAfterKills + 20);
    await load.stop();
    await admin.end();

    const lost = await load.lost();
    console.log(
      `terminated backends: ${terminated} over ${KILLS} rounds; ${load.outcomes.length} requests, ${load.acknowledgedCount} acknowledged, ` +
        `${load.count(503)} answered 503, ${load.count(500)} answered 500, improper answers: ${load.improper.length}, lost: ${lost}`,
    );
    expect(load.improper).toEqual([]);
    expect(lost).toBe(0);
  }, 90_000);
});
