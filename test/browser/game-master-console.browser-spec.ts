import type { GameSessionView } from '../../src/contract/session-views';
import { Page } from 'playwright-core';
import {
  BROWSER_TEST_TIMEOUT_MS,
  finalMoveDialog,
  holdRequests,
  openSession,
  removeButtons,
  rosterControls,
  rosterRowOf,
  useConsoleRig,
} from '../support/console-browser';
import { userIdsOf } from '../support/roster-api';
import { newUserId } from '../support/tokens';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

/**
 * The Game Master's console in Chromium, against the built app (dist/main.js serving dist-console)
 * on real PostgreSQL. What the page shows is checked against what the server holds.
 */
describe('Game Master console (browser)', () => {
  const rig = useConsoleRig();

  const sessionOnServer = async (gm: string, sessionId: string): Promise<GameSessionView> =>
    (await rig.api(gm).getSession(sessionId).expect(200)).body;

  const removalDialog = (page: Page) => page.getByRole('dialog', { name: 'Remove participant' });

  it('the GM signs in, creates a session, seats a Player and removes them through the confirmation dialog; the roster updates', async () => {
    const gm = newUserId();
    const player = newUserId();
    const page = await rig.pageOf();
    await page.goto(rig.app.url);
    await page.getByLabel('User id').fill(gm);
    await page.getByRole('button', { name: 'Sign in as this user' }).click();
    await page.getByLabel('Title').fill('Curse of Strahd, night 3');
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.getByRole('heading', { name: 'Curse of Strahd, night 3' }).waitFor();
    await page.getByText('You are the Game Master').waitFor();
    const sessionId = new URL(page.url()).pathname.split('/').pop()!;

    await page.getByLabel('User id').fill(player);
    await page.getByLabel('Type').selectOption('Player');
    await page.getByRole('button', { name: 'Add participant' }).click();
    // The GM's roster offers each seat's type as a choice to change it.
    expect(await rosterRowOf(page, player).getByLabel(`Type of ${player}`).inputValue()).toBe('Player');

    await rosterRowOf(page, player).getByRole('button', { name: `Remove ${player}` }).click();
    const dialog = removalDialog(page);
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(new RegExp(`Remove ${player}, seated as Player, from “Curse of Strahd, night 3”`));
    // Hold the DELETE to see the dialog's buttons disabled while it runs.
    const release = await holdRequests(page, 'DELETE', `**/api/game-sessions/${sessionId}/participants/${player}`);
    await dialog.getByRole('button', { name: 'Remove participant' }).click();
    await dialog.getByRole('button', { name: 'Remove participant', disabled: true }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel', disabled: true }).waitFor();
    release();
    await dialog.waitFor({ state: 'hidden' });
    await rosterRowOf(page, player).waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Roster (1)' }).waitFor();

    const session = await sessionOnServer(gm, sessionId);
    expect(session.players).toEqual([expect.objectContaining({ userId: gm, type: 'Master' })]);
    await page
      .getByRole('table', { name: 'History' })
      .getByRole('row')
      .filter({ hasText: `Removed ${player} (Player)` })
      .filter({ hasText: /removed$/ })
      .waitFor();
  });

  it('cancelling the dialog, by its button or by Escape, removes nobody; the Master has no remove button', async () => {
    const gm = newUserId();
    const { session, ids } = await rig.api(gm).sessionWith('Player');
    const [player] = ids;
    const page = await rig.pageOf(gm);
    await openSession(page, rig.app.url, session.id);
    expect(await rosterRowOf(page, gm).getByRole('button', { name: /^(Remove|Make Game Master)/ }).count()).toBe(0);
    expect(await removeButtons(page).count()).toBe(1);

    const dialog = removalDialog(page);
    await rosterRowOf(page, player).getByRole('button', { name: `Remove ${player}` }).click();
    await dialog.waitFor();
    // Focus starts on Cancel: a stray Enter never confirms.
    expect(await page.locator(':focus').textContent()).toBe('Cancel');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // By keyboard alone: Enter on the row's button opens the dialog, Escape closes it, focus returns.
    await rosterRowOf(page, player).getByRole('button', { name: `Remove ${player}` }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe(`Remove ${player}`);

    await rosterRowOf(page, player).waitFor();
    expect(userIdsOf(await sessionOnServer(gm, session.id))).toEqual([gm, player]);
    const events = (await rig.api(gm).listEvents(session.id).expect(200)).body.items;
    expect(events.map((event: { event: string }) => event.event)).toEqual(['ParticipantJoined', 'ParticipantJoined']);
  });

  /** A new session of a new Game Master, with one new participant of each given type, open on the GM's page. */
  async function gameMasterPageOn(...types: string[]) {
    const gm = newUserId();
    const { session, ids } = await rig.api(gm).sessionWith(...types);
    const page = await rig.pageOf(gm);
    await openSession(page, rig.app.url, session.id);
    return { gm, session, ids, page };
  }

  it('moving to Finished asks first: Cancel changes nothing; confirming (disabled while the PATCH runs) finishes it and leaves no roster controls', async () => {
    const { gm, session, ids, page } = await gameMasterPageOn('Player', 'Guest');
    expect(await removeButtons(page).count()).toBe(2);

    const dialog = finalMoveDialog(page, 'Finished');
    await page.getByRole('button', { name: 'Move to Finished' }).click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Move “${session.title}” to Finished? This cannot be undone: its roster will be frozen`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await sessionOnServer(gm, session.id)).status).toBe('Draft');
    expect(await removeButtons(page).count()).toBe(2);

    const release = await holdRequests(page, 'PATCH', `**/api/game-sessions/${session.id}`);
    await page.getByRole('button', { name: 'Move to Finished' }).click();
    await dialog.getByRole('button', { name: 'Move to Finished' }).click();
    await dialog.getByRole('button', { name: 'Move to Finished', disabled: true }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel', disabled: true }).waitFor();
    release();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('This session is Finished: its roster is frozen.').waitFor();
    expect(await rosterControls(page).count()).toBe(0);
    expect(await rosterRowOf(page, ids[0]).isVisible()).toBe(true);

    const onServer = await sessionOnServer(gm, session.id);
    expect(onServer.status).toBe('Finished');
    expect(userIdsOf(onServer)).toEqual([gm, ...ids]);
  });

  it('moving to Cancelled asks too, and Escape changes nothing; the other moves take one click', async () => {
    const { gm, session, page } = await gameMasterPageOn();

    await page.getByRole('button', { name: 'Move to Scheduled' }).click();
    await page.getByRole('button', { name: 'Move to In progress' }).click();
    await page.getByRole('button', { name: 'Move to Paused' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect((await sessionOnServer(gm, session.id)).status).toBe('InProgress');

    const dialog = finalMoveDialog(page, 'Cancelled');
    await page.getByRole('button', { name: 'Move to Cancelled' }).click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Move “${session.title}” to Cancelled? This cannot be undone: its roster will be frozen`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await sessionOnServer(gm, session.id)).status).toBe('InProgress');
    await page.getByRole('button', { name: 'Move to Paused' }).waitFor();
  });

  it('a move the server refuses shows its detail: the session was cancelled elsewhere while Finished was being confirmed', async () => {
    const { gm, session, page } = await gameMasterPageOn();
    await page.getByRole('button', { name: 'Move to Finished' }).click();
    const dialog = finalMoveDialog(page, 'Finished');
    await dialog.waitFor();

    await rig.api(gm).changeStatus(session.id, 'Cancelled').expect(200);
    await page.getByText('This session is Cancelled: its roster is frozen.').waitFor();
    await dialog.getByRole('button', { name: 'Move to Finished' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Cannot move a session from Cancelled to Finished' }).waitFor();

    expect((await sessionOnServer(gm, session.id)).status).toBe('Cancelled');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await rosterControls(page).count()).toBe(0);
  });

  /** The Game Master's page with the removal of a Player asked for, not yet confirmed. */
  async function removalAskedFor() {
    const { gm, session, ids, page } = await gameMasterPageOn('Player');
    const [player] = ids;
    await rosterRowOf(page, player).getByRole('button', { name: `Remove ${player}` }).click();
    const dialog = removalDialog(page);
    await dialog.waitFor();
    return { gm, player, session, page, dialog };
  }

  it('a removal the server refuses shows its detail: the session was finished elsewhere while the dialog was open', async () => {
    const { gm, player, session, page, dialog } = await removalAskedFor();

    await rig.api(gm).changeStatus(session.id, 'Finished').expect(200);
    await page.getByText('This session is Finished: its roster is frozen.').waitFor();
    await dialog.getByRole('button', { name: 'Remove participant' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Cannot remove participants from finished session' }).waitFor();

    expect(userIdsOf(await sessionOnServer(gm, session.id))).toEqual([gm, player]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await removeButtons(page).count()).toBe(0);
  });

  it('a removal acting on a stale roster shows the detail: the player had already left', async () => {
    const { player, session, page, dialog } = await removalAskedFor();

    await rig.api(player).removeParticipant(session.id, player).expect(200);
    await rosterRowOf(page, player).waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Remove participant' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'User is not a participant in this session' }).waitFor();
  });

  it('every refusal shows a sentence for people (the rule\'s own detail, or ours for a malformed request); an alert goes with its cause', async () => {
    const gm = newUserId();
    const { session, ids } = await rig.api(gm).sessionWith('Assistant');
    const page = await rig.pageOf(gm);
    await page.goto(rig.app.url);
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.getByRole('alert').filter({ hasText: 'Check what you entered: title must be 1 to 128 characters after trimming.' }).waitFor();

    await openSession(page, rig.app.url, session.id);
    const addForm = page.getByRole('form', { name: 'Add a participant' });
    await addForm.getByLabel('User id').fill('not-a-user');
    await addForm.getByRole('button', { name: 'Add participant' }).click();
    await addForm.getByRole('alert').filter({ hasText: 'That is not a user id: paste the whole id' }).waitFor();
    await addForm.getByLabel('User id').fill(ids[0]);
    await addForm.getByRole('button', { name: 'Add participant' }).click();
    await addForm.getByRole('alert').filter({ hasText: 'User is already a participant in this session' }).waitFor();
    const newcomer = newUserId();
    await addForm.getByLabel('User id').fill(newcomer);
    await addForm.getByRole('button', { name: 'Add participant' }).click();
    await rosterRowOf(page, newcomer).waitFor();
    expect(await addForm.getByRole('alert').count()).toBe(0);

    expect(userIdsOf(await sessionOnServer(gm, session.id))).toEqual([gm, ids[0], newcomer]);
  });

  it('a removal with a note and a 24-hour ban: the player is told both; the GM lists the ban and lifts it', async () => {
    const gm = rig.api(newUserId(), 'Strahd');
    const { session, ids } = await gm.sessionWith('Player');
    const [player] = ids;
    const gmPage = await rig.pageOf(gm.userId);
    const playerPage = await rig.pageOf(player);
    for (const page of [gmPage, playerPage]) await openSession(page, rig.app.url, session.id);

    await rosterRowOf(gmPage, player).getByRole('button', { name: `Remove ${player}` }).click();
    const dialog = removalDialog(gmPage);
    await dialog.getByLabel('Note (optional)').fill('Spoilers for the others');
    await dialog.getByLabel('Ban').selectOption({ label: '24 hours' });
    await dialog.getByRole('button', { name: 'Remove participant' }).click();

    await playerPage.getByRole('heading', { name: 'You were removed from this session' }).waitFor();
    await playerPage.getByText('“Spoilers for the others”').waitFor();
    await playerPage.getByText(/^You may not join it again before /).waitFor();
    const bans = gmPage.getByRole('table', { name: 'Bans' });
    await bans.getByRole('row').filter({ hasText: player }).filter({ hasText: 'Spoilers for the others' }).waitFor();
    const [ban] = (await gm.listBans(session.id).expect(200)).body.items;
    expect(Date.parse(ban.until) - Date.now()).toBeGreaterThan(23.9 * 3600_000);

    await bans.getByRole('button', { name: 'Lift ban' }).click();
    await bans.waitFor({ state: 'detached' });
    expect((await gm.listBans(session.id).expect(200)).body.items).toEqual([]);
  });

  it('after a removal, Undo puts them back in their place', async () => {
    const gm = rig.api(newUserId());
    const { session, ids } = await gm.sessionWith('Player', 'Guest');
    const [player, guest] = ids;
    const page = await rig.pageOf(gm.userId);
    await openSession(page, rig.app.url, session.id);

    await rosterRowOf(page, player).getByRole('button', { name: `Remove ${player}` }).click();
    await removalDialog(page).getByRole('button', { name: 'Remove participant' }).click();
    await page.getByRole('heading', { name: 'Roster (2)' }).waitFor();
    await page.getByRole('status').filter({ hasText: `Removed ${player}.` }).getByRole('button', { name: 'Undo' }).click();

    await page.getByRole('heading', { name: 'Roster (3)' }).waitFor();
    expect(userIdsOf((await gm.getSession(session.id).expect(200)).body)).toEqual([gm.userId, player, guest]);
    await page.getByRole('status').filter({ hasText: 'Removed' }).waitFor({ state: 'detached' });
  });

  it("the GM changes a participant's type in place, and hands over the Game Master role behind a confirmation that names both", async () => {
    const gm = rig.api(newUserId(), 'Strahd');
    const { session, ids } = await gm.sessionWith('Player', 'Guest');
    const [player, guest] = ids;
    await gm.renameParticipant(session.id, guest, 'Ismark').expect(200);
    const page = await rig.pageOf(gm.userId, 'Strahd');
    await openSession(page, rig.app.url, session.id);
    expect(await page.locator('.signed-in').textContent()).toBe(`Signed in as Strahd ${gm.userId}`);

    await rosterRowOf(page, guest).getByLabel(`Type of ${guest}`).selectOption('Assistant');
    await page.getByRole('table', { name: 'History' }).getByRole('row').filter({ hasText: 'Made Ismark an Assistant (was a Guest)' }).waitFor();
    expect((await gm.getSession(session.id).expect(200)).body.players[2]).toMatchObject({ userId: guest, type: 'Assistant' });

    await rosterRowOf(page, guest).getByRole('button', { name: `Make Game Master: ${guest}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Hand over the Game Master role' });
    expect(await dialog.textContent()).toContain('Make Ismark the Game Master of “Night at the table”? They take the Master seat and run the table; you, Strahd,');
    await dialog.getByLabel('stay as a Player').check();
    await dialog.getByRole('button', { name: 'Hand over' }).click();

    await page.locator('.session-facts').getByText('You are a Player').waitFor();
    const onServer = (await gm.getSession(session.id).expect(200)).body;
    expect(onServer.ownerId).toBe(guest);
    expect(onServer.players.map((p: { userId: string; type: string }) => [p.userId, p.type])).toEqual([
      [gm.userId, 'Player'],
      [player, 'Player'],
      [guest, 'Master'],
    ]);
    expect(await removeButtons(page).count()).toBe(0);
  });

  it('after a removal the focus goes to the next row\'s Remove (the roster heading when none is left); changes made elsewhere are announced politely', async () => {
    const gm = rig.api(newUserId());
    const { session, ids } = await gm.sessionWith('Player', 'Guest');
    const [player, guest] = ids;
    const page = await rig.pageOf(gm.userId);
    await openSession(page, rig.app.url, session.id);
    // Strings, run in the page through the DevTools protocol (the page's CSP refuses the eval that
    // waitForFunction polls with); the tests are compiled without the DOM's types.
    const focused = () => page.evaluate<string | null>(`document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent`);
    const focusSettlesOn = async (name: string) => {
      for (const deadline = Date.now() + 5000; (await focused()) !== name; ) {
        if (Date.now() > deadline) throw new Error(`the focus is on ${await focused()}, not on ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    await rosterRowOf(page, player).getByRole('button', { name: `Remove ${player}` }).click();
    await removalDialog(page).getByRole('button', { name: 'Remove participant' }).click();
    await page.getByRole('heading', { name: 'Roster (2)' }).waitFor();
    await focusSettlesOn(`Remove ${guest}`);

    await rosterRowOf(page, guest).getByRole('button', { name: `Remove ${guest}` }).click();
    await removalDialog(page).getByRole('button', { name: 'Remove participant' }).click();
    await page.getByRole('heading', { name: 'Roster (1)' }).waitFor();
    await focusSettlesOn('Roster (1)');

    const newcomer = newUserId();
    await gm.addParticipant(session.id, newcomer, 'Guest').expect(201);
    const announcement = page.locator('[aria-live="polite"]');
    await announcement.filter({ hasText: `You: Seated ${newcomer} as Guest` }).waitFor();
  });

  it('a long table: find by name, group by type with counts, history shows the latest ten; a bulk removal shows the dry run first, then removes', async () => {
    const gm = rig.api(newUserId(), 'Strahd');
    const session = await gm.createdSession('Big night');
    const people = Array.from({ length: 12 }, (_, i) => ({ userId: newUserId(), type: i % 3 === 0 ? 'Guest' : 'Player', name: `Hero ${i + 1}` }));
    for (const p of people) await gm.addParticipant(session.id, p.userId, p.type, p.name).expect(201);
    const page = await rig.pageOf(gm.userId);
    await openSession(page, rig.app.url, session.id);
    const roster = page.getByRole('table', { name: 'Roster' });

    await page.getByLabel('Find').fill('hero 1');
    expect(await roster.locator('.display-name').allTextContents()).toEqual(['Hero 1 ', 'Hero 10 ', 'Hero 11 ', 'Hero 12 ']);
    await page.getByLabel('Find').fill('');
    await page.getByLabel('Sort').selectOption({ label: 'Name' });
    expect((await roster.locator('.display-name').allTextContents()).slice(0, 4)).toEqual(['Hero 1 ', 'Hero 10 ', 'Hero 11 ', 'Hero 12 ']);
    await page.getByLabel('Sort').selectOption({ label: 'Roster order' });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await rosterRowOf(page, people[4].userId).getByRole('button', { name: `${people[4].userId}, copy` }).click();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(people[4].userId);
    await page.getByLabel('Group by role').check();
    expect(await roster.locator('tr.group').allTextContents()).toEqual(['Master (1)', 'Players (8)', 'Guests (4)']);
    const history = page.getByRole('table', { name: 'History' }).locator('tbody tr');
    expect(await history.count()).toBe(10);
    await page.getByRole('button', { name: 'Show all (13)' }).click();
    expect(await history.count()).toBe(13);

    for (const p of people.slice(0, 3)) await rosterRowOf(page, p.userId).getByLabel(`Select ${p.userId}`).check();
    await page.getByRole('button', { name: 'Remove selected (3)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove selected participants' });
    await dialog.getByRole('list', { name: 'What would happen' }).getByText('Hero 1: removed').waitFor();
    expect((await gm.getSession(session.id).expect(200)).body.players).toHaveLength(13);
    await dialog.getByRole('button', { name: 'Remove 3' }).click();

    await page.getByRole('heading', { name: 'Roster (10)' }).waitFor();
    // Gone from the roster, still named in the history: by the last name the log gave them.
    await page.getByRole('table', { name: 'History' }).getByRole('row').filter({ hasText: 'Removed Hero 1 (Guest)' }).waitFor();
    const log = (await gm.listEvents(session.id, '?limit=1000').expect(200)).body.items.slice(-3);
    expect(new Set(log.map((e: { batch?: string }) => e.batch)).size).toBe(1);
    await page.getByRole('button', { name: 'Remove selected (0)', disabled: true }).waitFor();
  });
});
