import type { Page } from 'playwright-core';
import { BROWSER_TEST_TIMEOUT_MS, openSession, useConsoleRig } from '../support/console-browser';
import { seriousAccessibilityFindings } from '../support/axe';
import { newUserId } from '../support/tokens';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS * 2);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/**
 * The page is no wider than the screen, every control a thumb must hit is at least 44 px tall, and
 * axe finds nothing serious, on the phone and at desktop size (the layouts differ: cards, tables).
 */
async function expectFitsAPhone(page: Page, screen: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  expect({ screen, desktop: await seriousAccessibilityFindings(page) }).toEqual({ screen, desktop: [] });
  await page.setViewportSize(PHONE);
  expect({ screen, phone: await seriousAccessibilityFindings(page) }).toEqual({ screen, phone: [] });
  // Strings, run in the page: the tests are compiled without the DOM's types.
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect({ screen, overflow }).toEqual({ screen, overflow: 0 });
  const small = await page.evaluate<string[]>(`[...document.querySelectorAll('button, select, input:not([type=checkbox]):not([type=radio]), a.button, textarea')]
    .filter((e) => e.getClientRects().length > 0 && !e.closest('dialog:not([open])'))
    .filter((e) => e.getBoundingClientRect().height < 44)
    .map((e) => e.outerHTML.slice(0, 80))`);
  expect({ screen, small }).toEqual({ screen, small: [] });
}

describe('the console on a phone (390 × 844), and axe on every screen', () => {
  const rig = useConsoleRig();

  async function phonePage(userId?: string, name?: string): Promise<Page> {
    const page = await rig.pageOf(userId, name);
    await page.setViewportSize(PHONE);
    return page;
  }

  it('every screen fits the width, every control is at least 44 px tall, axe finds no serious or critical violation', async () => {
    const gm = rig.api(newUserId(), 'Strahd von Zarovich');
    const { session, ids } = await gm.sessionWith('Player', 'Assistant', 'Guest');
    const [player, , guest] = ids;
    await gm.renameParticipant(session.id, player, 'Ireena Kolyana of Barovia').expect(200);
    await gm.call('post', `/api/game-sessions/${session.id}/invites`).send({ type: 'Player', approval: true }).expect(201);
    const code = (await gm.call('post', `/api/game-sessions/${session.id}/invites`).send({ type: 'Guest' }).expect(201)).body.code;
    await gm.removeParticipant(session.id, guest, { note: 'A long note about why, for the whole table to read', ban: { until: null } }).expect(200);

    const signIn = await phonePage();
    await signIn.goto(rig.app.url);
    await signIn.getByRole('heading', { name: /Sign in/ }).first().waitFor();
    await expectFitsAPhone(signIn, 'sign-in');

    const gmPage = await phonePage(gm.userId, 'Strahd von Zarovich');
    await gmPage.goto(rig.app.url);
    await gmPage.getByRole('link', { name: session.title }).waitFor();
    await expectFitsAPhone(gmPage, 'my sessions');
    await openSession(gmPage, rig.app.url, session.id);
    await gmPage.getByRole('table', { name: 'Bans' }).waitFor();
    await expectFitsAPhone(gmPage, "the GM's session page");

    const playerPage = await phonePage(player);
    await openSession(playerPage, rig.app.url, session.id);
    await expectFitsAPhone(playerPage, "a player's session page");

    const guestPage = await phonePage(guest);
    await guestPage.goto(`${rig.app.url}/sessions/${session.id}`);
    await guestPage.getByRole('heading', { name: 'You were removed from this session' }).waitFor();
    await expectFitsAPhone(guestPage, 'removed');

    const newcomer = await phonePage(newUserId());
    await newcomer.goto(`${rig.app.url}/join/${code}`);
    await newcomer.getByRole('button', { name: 'Join', exact: true }).waitFor();
    await expectFitsAPhone(newcomer, 'join');
  });
});
