import { BROWSER_TEST_TIMEOUT_MS, openSession, rosterRowOf, useConsoleRig } from '../support/console-browser';
import { userIdsOf } from '../support/roster-api';
import { newUserId } from '../support/tokens';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

/** Several people's browsers (one context each) on one session: what one does, the others see at once. */
describe('live console (browser)', () => {
  const rig = useConsoleRig();

  it("the removed player's tabs all show the removed screen within a second; another participant sees the roster change live", async () => {
    const gm = newUserId();
    const { session, ids } = await rig.api(gm).sessionWith('Player', 'Assistant');
    const [player, assistant] = ids;
    const gmPage = await rig.pageOf(gm);
    const playerTab = await rig.pageOf(player);
    const playerOtherTab = await playerTab.context().newPage();
    const assistantPage = await rig.pageOf(assistant);
    for (const page of [gmPage, playerTab, playerOtherTab, assistantPage]) await openSession(page, rig.app.url, session.id);

    await rosterRowOf(gmPage, player).getByRole('button', { name: `Remove ${player}` }).click();
    await gmPage.getByRole('dialog', { name: 'Remove participant' }).getByRole('button', { name: 'Remove participant' }).click();
    const confirmedAt = Date.now();
    for (const tab of [playerTab, playerOtherTab]) {
      await tab.getByRole('heading', { name: 'You were removed from this session' }).waitFor({ timeout: 1000 });
    }
    expect(Date.now() - confirmedAt).toBeLessThan(1000);
    await rosterRowOf(assistantPage, player).waitFor({ state: 'detached', timeout: 1000 });

    expect(await playerTab.getByText(`The Game Master removed you from “${session.title}”`).isVisible()).toBe(true);
    expect(await rosterRowOf(assistantPage, assistant).isVisible()).toBe(true);
    await assistantPage.getByRole('heading', { name: 'Roster (2)' }).waitFor();
    await rig.api(player).getSession(session.id).expect(404);
    expect(userIdsOf((await rig.api(gm).getSession(session.id).expect(200)).body)).toEqual([gm, assistant]);
  });

  it('a player removed while their page was closed is told on their next visit who removed them and when', async () => {
    const gm = rig.api(newUserId(), 'Strahd');
    const { session, ids } = await gm.sessionWith('Player');
    const [player] = ids;
    await gm.removeParticipant(session.id, player).expect(200);
    const playerPage = await rig.pageOf(player);

    await playerPage.goto(`${rig.app.url}/sessions/${session.id}`);

    await playerPage.getByRole('heading', { name: 'You were removed from this session' }).waitFor();
    expect(await playerPage.getByText(/^Strahd \(the Game Master\) removed you from the session at /).isVisible()).toBe(true);
  });

  it('a participant leaves through their own confirmation; the Game Master sees it live', async () => {
    const gm = newUserId();
    const { session, ids } = await rig.api(gm).sessionWith('Guest');
    const [guest] = ids;
    const gmPage = await rig.pageOf(gm);
    const guestPage = await rig.pageOf(guest);
    await openSession(gmPage, rig.app.url, session.id);
    await openSession(guestPage, rig.app.url, session.id);
    expect(await guestPage.getByRole('button', { name: /^Remove / }).count()).toBe(0);

    await guestPage.getByRole('button', { name: 'Leave session' }).click();
    const dialog = guestPage.getByRole('dialog', { name: 'Leave session' });
    await dialog.getByText(`Leave “${session.title}”, where you sit as Guest?`).waitFor();
    await dialog.getByRole('button', { name: 'Leave session' }).click();
    await guestPage.getByRole('heading', { name: 'You left this session' }).waitFor();
    // Leaving reads as the player's own choice: not in the colour of a removal.
    const colourOf = (selector: string) => guestPage.evaluate<string>(`getComputedStyle(document.querySelector('${selector}')).color`);
    expect(await colourOf('.removed h1')).toBe(await colourOf('body'));
    await rosterRowOf(gmPage, guest).waitFor({ state: 'detached' });
    await gmPage
      .getByRole('table', { name: 'History' })
      .getByRole('row')
      .filter({ hasText: 'Left the session (Guest)' })
      .filter({ hasText: /left$/ })
      .waitFor();

    expect(userIdsOf((await rig.api(gm).getSession(session.id).expect(200)).body)).toEqual([gm]);
    const events = (await rig.api(gm).listEvents(session.id).expect(200)).body.items;
    expect(events.at(-1)).toMatchObject({ event: 'ParticipantLeft', userId: guest, reason: 'left', removedBy: null });
  });

  it("changes made elsewhere appear on a player's page without reload: a seat and a status move", async () => {
    const gm = newUserId();
    const { session, ids } = await rig.api(gm).sessionWith('Player');
    const playerPage = await rig.pageOf(ids[0]);
    await openSession(playerPage, rig.app.url, session.id);
    const newcomer = newUserId();

    await rig.api(gm).addParticipant(session.id, newcomer, 'Guest').expect(201);
    await rig.api(gm).changeStatus(session.id, 'Scheduled').expect(200);
    await rosterRowOf(playerPage, newcomer).getByText('Guest', { exact: true }).waitFor();
    await playerPage.locator('.session-facts').getByText('Scheduled', { exact: true }).waitFor();
    await playerPage
      .getByRole('table', { name: 'History' })
      .getByRole('row')
      .filter({ hasText: 'Moved the session from Draft to Scheduled' })
      .waitFor();
  });

  it('after a lost connection the page catches up with what it missed (afterSeq)', async () => {
    const gm = newUserId();
    const { session, ids } = await rig.api(gm).sessionWith('Player');
    const playerPage = await rig.pageOf(ids[0]);
    await openSession(playerPage, rig.app.url, session.id);

    await playerPage.context().setOffline(true);
    await playerPage.getByRole('status').filter({ hasText: 'Reconnecting…' }).waitFor();
    const missed = newUserId();
    await rig.api(gm).addParticipant(session.id, missed, 'Assistant').expect(201);
    await playerPage.context().setOffline(false);

    await playerPage.getByRole('status').filter({ hasText: /^Live$/ }).waitFor();
    await rosterRowOf(playerPage, missed).getByText('Assistant', { exact: true }).waitFor();
    await playerPage.getByRole('heading', { name: 'Roster (3)' }).waitFor();
  });

  it('who is online shows live: a player who opens the session is online for the Game Master; when they close it, offline after the grace', async () => {
    const gm = newUserId();
    const { session, ids } = await rig.api(gm).sessionWith('Player');
    const [player] = ids;
    const gmPage = await rig.pageOf(gm);
    await openSession(gmPage, rig.app.url, session.id);
    await rosterRowOf(gmPage, gm).getByRole('img', { name: 'online' }).waitFor();
    await rosterRowOf(gmPage, player).getByRole('img', { name: 'offline' }).waitFor();
    await gmPage.getByText('1 of 2 online').waitFor();
    expect(await gmPage.title()).toBe(`${session.title} · Game session console`);

    const playerPage = await rig.pageOf(player);
    await openSession(playerPage, rig.app.url, session.id);
    await rosterRowOf(gmPage, player).getByRole('img', { name: 'online' }).waitFor();
    await rosterRowOf(playerPage, gm).getByRole('img', { name: 'online' }).waitFor();
    await gmPage.getByText('2 of 2 online').waitFor();

    await playerPage.close();
    await rosterRowOf(gmPage, player).getByRole('img', { name: 'offline' }).waitFor({ timeout: 10_000 });
  });

  it('an undo made elsewhere puts the player back in their old place, live; a hand-over moves "You are the Game Master" to the new one', async () => {
    const gm = rig.api(newUserId(), 'Strahd');
    const { session, ids } = await gm.sessionWith('Player', 'Guest');
    const [player, guest] = ids;
    const gmPage = await rig.pageOf(gm.userId);
    const guestPage = await rig.pageOf(guest);
    for (const page of [gmPage, guestPage]) await openSession(page, rig.app.url, session.id);

    await gm.removeParticipant(session.id, player, { note: 'Oops' }).expect(200);
    await guestPage.getByRole('heading', { name: 'Roster (2)' }).waitFor();
    await gm.restoreParticipant(session.id, player).expect(200);

    await guestPage.getByRole('heading', { name: 'Roster (3)' }).waitFor();
    const rows = guestPage.getByRole('table', { name: 'Roster' }).getByRole('row');
    expect(await rows.nth(2).textContent()).toContain(player);
    await guestPage.getByRole('table', { name: 'History' }).getByRole('row').filter({ hasText: `Undid the removal of ${player} (Player)` }).waitFor();

    await gm.handOver(session.id, guest, 'stay').expect(200);
    await guestPage.locator('.session-facts').getByText('You are the Game Master').waitFor();
    await gmPage.locator('.session-facts').getByText('You are a Player').waitFor();
  });

  it('the GM makes an invitation link; a player opens it, sees what it opens, joins in one click and lands in the session; its uses grow', async () => {
    const gm = rig.api(newUserId(), 'Strahd');
    const session = await gm.createdSession('Night 7');
    const gmPage = await rig.pageOf(gm.userId, 'Strahd');
    await openSession(gmPage, rig.app.url, session.id);

    const form = gmPage.getByRole('form', { name: 'New invitation link' });
    await form.getByLabel('Seat as').selectOption('Guest');
    await form.getByLabel('Uses').fill('3');
    await form.getByRole('button', { name: 'Create link' }).click();
    const links = gmPage.getByRole('list', { name: 'Live invitation links' });
    const link = (await links.locator('code.link').first().textContent())!;
    expect(link).toMatch(new RegExp(`^${rig.app.url}/join/[A-Za-z0-9_-]{32}$`));
    await links.getByText('Guest, 0 of 3 uses').waitFor();

    const player = newUserId();
    const playerPage = await rig.pageOf(player);
    await playerPage.goto(link);
    await playerPage.getByRole('heading', { name: 'Join “Night 7”' }).waitFor();
    await playerPage.getByText('Strahd invites you to sit as a Guest.').waitFor();
    await playerPage.getByLabel('Your name at the table').fill('Ben');
    await playerPage.getByRole('button', { name: 'Join', exact: true }).click();

    await playerPage.getByRole('heading', { name: 'Night 7', exact: true }).waitFor();
    expect(new URL(playerPage.url()).pathname).toBe(`/sessions/${session.id}`);
    await rosterRowOf(gmPage, player).getByText('Ben').waitFor();
    await links.getByText('Guest, 1 of 3 uses').waitFor();
  });

  it('a link that asks the GM first: the player waits; the GM lets them in from the waiting room, live; the waiting page turns into the session', async () => {
    const gm = rig.api(newUserId(), 'Strahd');
    const session = await gm.createdSession('Night 8');
    const code = (await gm.call('post', `/api/game-sessions/${session.id}/invites`).send({ type: 'Player', approval: true }).expect(201)).body.code;
    const gmPage = await rig.pageOf(gm.userId);
    await openSession(gmPage, rig.app.url, session.id);
    const player = newUserId();
    const playerPage = await rig.pageOf(player, 'Ireena');

    await playerPage.goto(`${rig.app.url}/join/${code}`);
    await playerPage.getByText('You join as Ireena.').waitFor();
    await playerPage.getByRole('button', { name: 'Ask to join' }).click();
    await playerPage.getByRole('heading', { name: 'Waiting for Strahd to let you in' }).waitFor();

    const waiting = gmPage.getByRole('region', { name: /^Waiting to join/ });
    await waiting.getByText(/Ireena .* asks to join as Player/).waitFor();
    await waiting.getByRole('button', { name: 'Let in' }).click();

    await playerPage.getByRole('heading', { name: 'Night 8', exact: true }).waitFor();
    await rosterRowOf(gmPage, player).waitFor();
    await waiting.waitFor({ state: 'detached' });
  });

  it('a revoked link says it cannot be used, in the words of the server', async () => {
    const gm = rig.api(newUserId());
    const session = await gm.createdSession();
    const code = (await gm.call('post', `/api/game-sessions/${session.id}/invites`).send({ type: 'Player' }).expect(201)).body.code;
    await gm.call('delete', `/api/game-sessions/${session.id}/invites/${code}`).expect(204);
    const page = await rig.pageOf(newUserId());

    await page.goto(`${rig.app.url}/join/${code}`);

    await page.getByRole('heading', { name: 'This invitation cannot be used' }).waitFor();
    await page.getByRole('alert').getByText('Invitation not found').waitFor();
  });

  it('a player renames themselves; the GM sees the new name live, with a colour of their own; the GM renames anyone', async () => {
    const gm = rig.api(newUserId(), 'Strahd');
    const { session, ids } = await gm.sessionWith('Player', 'Guest');
    const [player, guest] = ids;
    const [gmPage, playerPage] = [await rig.pageOf(gm.userId), await rig.pageOf(player)];
    for (const page of [gmPage, playerPage]) await openSession(page, rig.app.url, session.id);
    expect(await rosterRowOf(playerPage, guest).getByRole('button', { name: /^Rename/ }).count()).toBe(0);

    await rosterRowOf(playerPage, player).getByRole('button', { name: `Rename ${player}` }).click();
    const dialog = playerPage.getByRole('dialog', { name: 'Rename' });
    await dialog.getByLabel('Your name at the table').fill('Ireena');
    await dialog.getByRole('button', { name: 'Rename' }).click();

    await rosterRowOf(gmPage, player).getByText('Ireena').waitFor();
    expect(await rosterRowOf(gmPage, player).locator('.avatar').textContent()).toBe('I');
    await rosterRowOf(gmPage, guest).getByRole('button', { name: `Rename ${guest}` }).click();
    const gmDialog = gmPage.getByRole('dialog', { name: 'Rename' });
    await gmDialog.getByLabel(`Name of ${guest} at the table`).fill('Ismark');
    await gmDialog.getByRole('button', { name: 'Rename' }).click();
    await rosterRowOf(playerPage, guest).getByText('Ismark').waitFor();
  });

  it('"My sessions" is live: seated elsewhere, the session shows at once; removed elsewhere, it goes', async () => {
    const gm = rig.api(newUserId());
    const session = await gm.createdSession('Night 11');
    const player = newUserId();
    const page = await rig.pageOf(player);
    await page.goto(rig.app.url);
    await page.getByText('None yet: create one above, or ask a Game Master to seat you.').waitFor();

    await gm.addParticipant(session.id, player).expect(201);
    await page.getByRole('link', { name: 'Night 11' }).waitFor();
    await gm.removeParticipant(session.id, player).expect(200);
    await page.getByRole('link', { name: 'Night 11' }).waitFor({ state: 'detached' });
    await page.getByText('None yet: create one above, or ask a Game Master to seat you.').waitFor();
  });

  it('a declined request says so; the GM revokes a link from the list; times read "just now" with the exact time on hover', async () => {
    const gm = rig.api(newUserId(), 'Strahd');
    const session = await gm.createdSession('Night 12');
    const code = (await gm.call('post', `/api/game-sessions/${session.id}/invites`).send({ type: 'Guest', approval: true }).expect(201)).body.code;
    const gmPage = await rig.pageOf(gm.userId);
    await openSession(gmPage, rig.app.url, session.id);
    const player = newUserId();
    const playerPage = await rig.pageOf(player, 'Ben');
    await playerPage.goto(`${rig.app.url}/join/${code}`);
    await playerPage.getByRole('button', { name: 'Ask to join' }).click();
    await playerPage.getByRole('heading', { name: 'Waiting for Strahd to let you in' }).waitFor();

    await gmPage.getByRole('region', { name: /^Waiting to join/ }).getByRole('button', { name: 'Decline' }).click();
    await playerPage.getByRole('heading', { name: 'Strahd declined your request' }).waitFor();

    const links = gmPage.getByRole('list', { name: 'Live invitation links' });
    await links.getByRole('button', { name: 'Revoke' }).click();
    await links.waitFor({ state: 'detached' });
    expect((await gm.call('get', `/api/game-sessions/${session.id}/invites`).expect(200)).body.items).toEqual([]);

    const joined = rosterRowOf(gmPage, gm.userId).locator('time');
    expect(await joined.textContent()).toBe('just now');
    expect(await joined.getAttribute('title')).toMatch(/\d{4}/);
    expect(await joined.getAttribute('datetime')).toBe(session.players[0].joinedAt);
  });

  it('the focus ring stands out: at least 3:1 against the page', async () => {
    const page = await rig.pageOf(newUserId());
    await page.goto(rig.app.url);
    await page.getByRole('button', { name: 'Create session' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const [ring, background] = await page.evaluate<[string, string]>(
      `[getComputedStyle(document.activeElement).outlineColor, getComputedStyle(document.activeElement.closest('.panel') ?? document.body).backgroundColor]`,
    );
    expect(contrast(ring, background)).toBeGreaterThanOrEqual(3);
  });
});

/** WCAG's contrast ratio of two rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, b_] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b_;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
