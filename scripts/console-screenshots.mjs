#!/usr/bin/env node
// Screenshots of the console for the README: `npm run screenshots` (it builds first).
// Starts the built app on a throwaway embedded PostgreSQL (or DATABASE_URL), plays a short game
// night in Debian's Chromium (CHROMIUM_PATH), and writes docs/console/*.png.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { freePort, startProcess, stopProcess } from '../bench/support.mjs';

const OUT = 'docs/console';
const GM = '11111111-1111-4111-8111-111111111111';
const PLAYER = '22222222-2222-4222-8222-222222222222';
const ASSISTANT = '33333333-3333-4333-8333-333333333333';
const GUEST = '44444444-4444-4444-8444-444444444444';
const NEWCOMER = '55555555-5555-4555-8555-555555555555';
const TITLE = 'Curse of Strahd, night 3';
/** Every browser alike, so that the pictures agree on the time of day. */
const CONTEXT = { viewport: { width: 1200, height: 860 }, locale: 'en-GB', timezoneId: 'UTC' };

/** dist/main.js outside production, so that the console offers "sign in as". */
async function startApp(dataDir) {
  const port = await freePort();
  // Unset, not inherited: a development server keeps its own secret and offers the dev sign-in.
  const child = await startProcess(['dist/main.js'], { PORT: String(port), DATA_DIR: dataDir, NODE_ENV: undefined, JWT_SECRET: undefined });
  return { url: `http://127.0.0.1:${port}`, stop: () => stopProcess(child) };
}

/** The REST API as `userId`, with a token from the app's own development route. */
async function apiAs(url, userId) {
  const call = async (method, path, body) => {
    const response = await fetch(`${url}/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body && JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  let token;
  ({ token } = await call('POST', '/dev/tokens', { userId }));
  return { token, call };
}

async function signedInPage(browser, token) {
  const context = await browser.newContext(CONTEXT);
  await context.addInitScript({ content: `localStorage.setItem('game-session-console.token', ${JSON.stringify(token)})` });
  return context.newPage();
}

const PHONE = { width: 390, height: 844 };

/** The screen at desktop size (its top `height` pixels where the rest would be empty page), then the whole page on a phone. */
async function shoot(page, name, height = CONTEXT.viewport.height) {
  await page.screenshot({ path: join(OUT, `${name}.png`), clip: { x: 0, y: 0, width: CONTEXT.viewport.width, height } });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: join(OUT, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(CONTEXT.viewport);
  console.log(`${OUT}/${name}.png, ${OUT}/${name}-phone.png`);
}

const folder = mkdtempSync(join(tmpdir(), 'roster-screenshots-'));
// The embedded PostgreSQL runs as the `postgres` user when this runs as root: it must reach the folder.
chmodSync(folder, 0o755);
mkdirSync(OUT, { recursive: true });
const app = await startApp(folder);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // Sign in: the "sign in as" box, filled in.
  const gmPage = await (await browser.newContext(CONTEXT)).newPage();
  await gmPage.goto(app.url);
  await gmPage.getByLabel('User id').fill(GM);
  await shoot(gmPage, 'sign-in', 660);

  // My sessions: a few sessions in several states; the table has names, an invitation link, a waiting room, a ban.
  const gm = await apiAs(app.url, GM);
  const older = await gm.call('POST', '/game-sessions', { title: 'Lost Mine of Phandelver' });
  await gm.call('PATCH', `/game-sessions/${older.id}`, { status: 'Scheduled' });
  const session = await gm.call('POST', '/game-sessions', { title: TITLE });
  await gm.call('PATCH', `/game-sessions/${session.id}/participants/${GM}`, { displayName: 'Strahd' });
  const seats = [[PLAYER, 'Player', 'Ireena'], [ASSISTANT, 'Assistant', 'Ismark'], [GUEST, 'Guest', 'Rahadin']];
  for (const [userId, type, displayName] of seats) await gm.call('POST', `/game-sessions/${session.id}/participants`, { userId, type, displayName });
  for (const status of ['Scheduled', 'InProgress']) await gm.call('PATCH', `/game-sessions/${session.id}`, { status });
  const open = await gm.call('POST', `/game-sessions/${session.id}/invites`, { type: 'Player', maxUses: 5 });
  const asking = await gm.call('POST', `/game-sessions/${session.id}/invites`, { type: 'Guest', approval: true });
  await gmPage.getByRole('button', { name: 'Sign in as this user' }).click();
  await gmPage.getByRole('table', { name: 'My sessions' }).getByText(TITLE).waitFor();
  await shoot(gmPage, 'my-sessions', 520);

  // Someone follows the link that asks first: what it opens, then the wait.
  const newcomer = await signedInPage(browser, (await apiAs(app.url, NEWCOMER)).token);
  await newcomer.goto(`${app.url}/join/${open.code}`);
  await newcomer.getByRole('button', { name: 'Join', exact: true }).waitFor();
  await newcomer.getByLabel('Your name at the table').fill('Van Richten');
  await shoot(newcomer, 'join', 460);
  await newcomer.goto(`${app.url}/join/${asking.code}`);
  await newcomer.getByRole('button', { name: 'Ask to join' }).click();
  await newcomer.getByRole('heading', { name: /^Waiting for Strahd/ }).waitFor();
  await shoot(newcomer, 'join-waiting', 360);

  // The session as its Game Master, the removal's confirmation open (note and ban); the player watches on their own.
  const playerPage = await signedInPage(browser, (await apiAs(app.url, PLAYER)).token);
  await playerPage.goto(`${app.url}/sessions/${session.id}`);
  await gmPage.getByRole('link', { name: TITLE }).click();
  await gmPage.getByRole('status').filter({ hasText: /^Live$/ }).waitFor();
  await playerPage.getByRole('status').filter({ hasText: /^Live$/ }).waitFor();
  await gmPage.getByRole('region', { name: /^Waiting to join/ }).waitFor();
  await gmPage.getByRole('button', { name: `Remove ${PLAYER}` }).click();
  const dialog = gmPage.getByRole('dialog', { name: 'Remove participant' });
  await dialog.getByLabel('Note (optional)').fill('Spoilers for the others, sorry');
  await dialog.getByLabel('Ban').selectOption({ label: '24 hours' });
  await shoot(gmPage, 'session-remove-dialog');

  // The removed player's page, at once; the GM's page with the undo offered and the ban listed.
  await dialog.getByRole('button', { name: 'Remove participant' }).click();
  await playerPage.getByRole('heading', { name: 'You were removed from this session' }).waitFor();
  await shoot(playerPage, 'removed', 420);
  await gmPage.getByRole('dialog').waitFor({ state: 'hidden' });
  await gmPage.getByRole('heading', { name: 'Roster (3)' }).waitFor();
  await gmPage.getByRole('table', { name: 'Bans' }).waitFor();
  await gmPage.screenshot({ path: join(OUT, 'session.png'), fullPage: true });
  await gmPage.setViewportSize(PHONE);
  await gmPage.screenshot({ path: join(OUT, 'session-phone.png'), fullPage: true });
  console.log(`${OUT}/session.png, ${OUT}/session-phone.png`);
} finally {
  await browser.close();
  await app.stop();
  rmSync(folder, { recursive: true, force: true });
}
