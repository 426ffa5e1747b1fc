import { existsSync } from 'node:fs';
import { Browser, Locator, Page, chromium } from 'playwright-core';
import { AppProcess, spawnApp } from './app-process';
import { RosterApi } from './roster-api';
import { TestDatabase, createTestDatabase } from './test-database';
import { TEST_JWT_SECRET, tokenFor } from './tokens';

/** Debian's Chromium (`apt-get install chromium`): Playwright never downloads a browser here. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A browser test takes a few seconds; a loaded machine may take several times as long. */
export const BROWSER_TEST_TIMEOUT_MS = 30_000;
/** Well within the test's time, so that a missing element fails naming its locator. */
const WAIT_MS = 10_000;

/** Where the console keeps its token (console/src/auth/signed-in-user.ts). */
const TOKEN_KEY = 'game-session-console.token';

/**
 * Headless, with a fresh profile of Playwright's own; no calls home, which this closed network
 * refuses by the dozen (background networking, component updates, sync, QUIC).
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: the browser tests drive Debian's Chromium. Install it with ` +
        '`apt-get install -y chromium` (.ci/run does), or point CHROMIUM_PATH at another Chromium.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface ConsoleRig {
  /** The built app (dist/main.js and dist-console), as its own process, on a database of its own. */
  readonly app: AppProcess;
  /** The REST API as `userId` (whose token names them `tokenName`, when given), to set the table and to check what the server holds. */
  api(userId: string, tokenName?: string): RosterApi;
  /** A browser context of its own (another person's browser), signed in as `userId` when given. */
  /** A signed-in page when `userId` is given, with `name` as the token's name claim. */
  pageOf(userId?: string, name?: string): Promise<Page>;
}

/** For a test file: the app and Chromium start before its tests and stop after them. */
export function useConsoleRig(): ConsoleRig {
  let database: TestDatabase | undefined;
  let app: AppProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    // The browser first: without one, the file fails at once, saying how to install it.
    browser = await launchChromium();
    database = await createTestDatabase();
    app = await spawnApp(database.url);
  }, BROWSER_TEST_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    if (app) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    await database?.drop();
  }, BROWSER_TEST_TIMEOUT_MS);
  const started = () => {
    if (!app || !browser) throw new Error('the app and the browser start in beforeAll');
    return { app, browser };
  };
  return {
    get app() {
      return started().app;
    },
    api: (userId, tokenName) => new RosterApi(started().app.url, userId, tokenName),
    pageOf: async (userId, name) => {
      const context = await started().browser.newContext();
      context.setDefaultTimeout(WAIT_MS);
      if (userId) {
        const signIn = `localStorage.setItem(${JSON.stringify(TOKEN_KEY)}, ${JSON.stringify(tokenFor(userId, TEST_JWT_SECRET, name))})`;
        await context.addInitScript({ content: signIn });
      }
      return context.newPage();
    },
  };
}

/** The session page, once its live feed is subscribed ("Live" shows with the roster): from then on, changes made elsewhere show. */
export async function openSession(page: Page, appUrl: string, sessionId: string): Promise<void> {
  await page.goto(`${appUrl}/sessions/${sessionId}`);
  await page.getByRole('status').filter({ hasText: /^Live$/ }).waitFor();
}

const rosterOf = (page: Page): Locator => page.getByRole('table', { name: 'Roster' });

export const rosterRowOf = (page: Page, userId: string): Locator => rosterOf(page).getByRole('row').filter({ hasText: userId });

export const removeButtons = (page: Page): Locator => rosterOf(page).getByRole('button', { name: /^Remove / });

/** Every control that changes the roster or the status: a Finished or Cancelled session shows none. */
export const rosterControls = (page: Page): Locator =>
  removeButtons(page).or(page.getByRole('button', { name: /^(Add participant|Leave session|Move to )/ }));

/** The confirmation of a move that cannot be undone, named after it (console/src/session/status-moves.tsx). */
export const finalMoveDialog = (page: Page, status: 'Finished' | 'Cancelled'): Locator =>
  page.getByRole('dialog', { name: `Move to ${status}` });

/**
 * Holds the page's `method` requests to `url` until the returned function is called: long enough to
 * see what the page shows while a request runs.
 */
export async function holdRequests(page: Page, method: string, url: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    if (route.request().method() === method) await held;
    await route.continue();
  });
  return release;
}
