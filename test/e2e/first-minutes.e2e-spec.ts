import { Server, createServer } from 'node:net';
import { startAppProcess } from '../support/app-process';
import { TestDatabase, createTestDatabase } from '../support/test-database';

describe('First minutes: a start that cannot go on says why in one line and exits 1', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('a taken port: exit 1 with a line that names the port and what to do', async () => {
    const holder: Server = await new Promise((resolve) => {
      const server = createServer().listen(0, () => resolve(server));
    });
    const port = (holder.address() as { port: number }).port;
    try {
      const app = startAppProcess({ PORT: String(port), DATABASE_URL: database.url });

      expect(await app.exited).toBe(1);
      expect(app.output()).toContain(`Port ${port} is already in use: stop whatever listens there, or set PORT to a free port`);
    } finally {
      holder.close();
    }
  }, 30_000);

  it('a bad configuration: exit 1 naming each bad variable, nothing started', async () => {
    const app = startAppProcess({ PORT: 'eighty', DB_POOL_MAX: '0', DATABASE_URL: database.url });

    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('PORT must be an integer from 0 to 65535, got "eighty"');
    expect(app.output()).toContain('DB_POOL_MAX must be an integer from 1 to 1000, got "0"');
  }, 30_000);
});
