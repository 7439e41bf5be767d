import { Browser, Page } from 'playwright-core';
import { addDays } from '../../../lib/scalars/calendar';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';
import { describeInBrowser, launchChromium, settled } from './browser';
import { deskOf, ensureDeskBuild } from './desk-server';
import { deskDriver, DeskDriver, ok, seedSharedPlan, TODAY, YONAS } from './fixture';

/**
 * Settling a conflict in the desk: the inbox of the reader's organisation lists what the API
 * lists and filters by state and kind; a row opens the person's timeline with the conflict
 * open; the coach takes it on and accepts it, Sfi sees the new state in its inbox and
 * accepts too, and the state shown follows each step. A refused action keeps what was typed.
 */

const INBOX = /* GraphQL */ `
  query($filter: PlanConflictInboxFilter) {
    planConflictInbox(filter: $filter, first: 50) { totalCount edges { node { id kind state person { personnummer } } } }
  }
`;

interface InboxRow {
  id: string;
  kind: string;
  state: string;
}

describeInBrowser('conflicts in the desk', () => {
  describeEachDialect('the desk’s conflicts', (dialect) => {
    let stack: Stack;
    let browser: Browser;
    let driver: DeskDriver;
    /** The SLOT_OVERLAP of Jobbtorg's placement and Sfi's lessons on Tuesday mornings. */
    let collision: string;

    const inboxOf = async (as: AsCaller, filter: Record<string, unknown>) => (await ok(stack, INBOX, { filter }, as)).planConflictInbox;
    const shownRows = (page: Page) =>
      page.getByTestId('inbox').locator('tbody tr').evaluateAll((rows) =>
        rows.map((row) => ({ id: row.getAttribute('data-conflict-id')!, kind: row.getAttribute('data-kind')!, state: row.getAttribute('data-state')! })),
      );
    const openInbox = async (page: Page) => {
      await page.getByRole('link', { name: 'Konfliktinkorg' }).click();
      await page.getByTestId('inbox-count').waitFor();
    };
    const rowsOf = (answer: { edges: { node: InboxRow }[] }): InboxRow[] => answer.edges.map(({ node }) => ({ id: node.id, kind: node.kind, state: node.state }));

    beforeAll(async () => {
      ensureDeskBuild();
      stack = await startStack({ dialect, people: 60 });
      browser = await launchChromium();
      driver = deskDriver(browser, deskOf(stack).url, dialect);
      await seedSharedPlan(stack);
      const inbox = await inboxOf({ as: 'jobbtorgCoach' }, { kind: ['SLOT_OVERLAP'] });
      collision = inbox.edges.find((e: { node: { person: { personnummer: string } } }) => e.node.person.personnummer === YONAS).node.id;
    }, STACK_START_TIMEOUT_MS);
    afterAll(async () => {
      await driver?.close();
      await browser?.close();
      await stack?.stop();
    });

    it('lists the unit’s conflicts still to settle as the API does, and filters them by kind and state', async () => {
      const page = await driver.signedIn('jobbtorgCoach');
      await openInbox(page);
      const toSettle = await inboxOf({ as: 'jobbtorgCoach' }, { state: ['OPEN', 'ACKNOWLEDGED'] });
      expect(toSettle.totalCount).toBeGreaterThan(0);
      await expect(page.getByTestId('inbox-count').textContent()).resolves.toMatch(new RegExp(`^${toSettle.totalCount} konflikt`));
      expect(await settled(() => shownRows(page), rowsOf(toSettle))).toEqual(rowsOf(toSettle));
      await driver.expectAccessible(page, 'conflict-inbox');

      await page.getByTestId('inbox-kinds').getByLabel('Krockande tider').check();
      const overlaps = await inboxOf({ as: 'jobbtorgCoach' }, { state: ['OPEN', 'ACKNOWLEDGED'], kind: ['SLOT_OVERLAP'] });
      expect(await settled(() => shownRows(page), rowsOf(overlaps))).toEqual(rowsOf(overlaps));
      expect(overlaps.edges.every((e: { node: InboxRow }) => e.node.kind === 'SLOT_OVERLAP')).toBe(true);
      expect(overlaps.totalCount).toBeLessThan(toSettle.totalCount);

      // No state ticked: every state, the settled ones too.
      await page.getByTestId('inbox-states').getByLabel('Öppen').uncheck();
      await page.getByTestId('inbox-states').getByLabel('Tas om hand').uncheck();
      const everyState = await inboxOf({ as: 'jobbtorgCoach' }, { kind: ['SLOT_OVERLAP'] });
      expect(await settled(() => shownRows(page), rowsOf(everyState))).toEqual(rowsOf(everyState));
      await driver.expectAccessible(page, 'conflict-inbox-filtered');
    });

    it('opens the person’s timeline from a row, with the conflict open and its history', async () => {
      const page = await driver.signedIn('jobbtorgCoach');
      await openInbox(page);
      await page.getByTestId('inbox-kinds').getByLabel('Krockande tider').check();
      const row = page.getByTestId('inbox').locator(`tr[data-conflict-id="${collision}"]`);
      await row.getByRole('link', { name: 'Yonas Tesfaye' }).click();
      await page.getByRole('heading', { name: 'Yonas Tesfaye' }).waitFor();
      const panel = page.getByTestId('conflict-panel');
      await panel.waitFor();
      expect(await panel.getAttribute('data-conflict-id')).toBe(collision);
      await expect(panel.getByTestId('conflict-state').textContent()).resolves.toBe('Öppen');
      expect(await panel.getByTestId('conflict-history').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event')))).toEqual(['FOUND']);
      // On the timeline: the conflict's bands carry its state, and the list says it.
      expect(await page.locator('[data-testid="timeline"] .vis-item.conflict.conflict-state-open').count()).toBeGreaterThan(0);
      await expect(page.locator(`[data-conflict-id="${collision}"][data-conflict-state="OPEN"]`).textContent()).resolves.toContain('Öppen');
      await driver.timelineDrawn(page);
      await driver.expectAccessible(page, 'conflict-open');
    });

    it('takes the conflict on and accepts it with a reason, Sfi sees the new state and accepts too; refusals keep what was typed', async () => {
      const coach = await driver.signedIn('jobbtorgCoach');
      await driver.openPerson(coach, YONAS);
      await coach.locator(`[data-conflict-id="${collision}"]`).getByRole('button', { name: /Öppna/ }).click();
      const panel = coach.getByTestId('conflict-panel');

      // A day already past is refused at its field; the note stays as typed.
      const acknowledge = panel.getByTestId('acknowledge-conflict');
      await acknowledge.getByLabel('Vad ni gör').fill('Vi flyttar praktiken till tisdagseftermiddagar.');
      await acknowledge.getByLabel('Väntas vara löst').fill(addDays(TODAY, -1));
      await acknowledge.getByRole('button', { name: 'Ta hand om' }).click();
      await acknowledge.locator('.field-error').waitFor();
      await expect(acknowledge.locator('.field-error').textContent()).resolves.toMatch(/is before today/);
      await expect(acknowledge.getByLabel('Vad ni gör').inputValue()).resolves.toBe('Vi flyttar praktiken till tisdagseftermiddagar.');
      await expect(acknowledge.getByLabel('Väntas vara löst').getAttribute('aria-invalid')).resolves.toBe('true');
      await driver.timelineDrawn(coach);
      await driver.expectAccessible(coach, 'conflict-refused');

      await acknowledge.getByLabel('Väntas vara löst').fill(addDays(TODAY, 14));
      await acknowledge.getByRole('button', { name: 'Ta hand om' }).click();
      await expect(settled(() => panel.getByTestId('conflict-state').textContent(), 'Tas om hand')).resolves.toBe('Tas om hand');
      await coach.locator(`[data-conflict-id="${collision}"][data-conflict-state="ACKNOWLEDGED"]`).waitFor();
      expect(await coach.locator('[data-testid="timeline"] .vis-item.conflict.conflict-state-acknowledged').count()).toBeGreaterThan(0);

      // Accepting needs a reason: without one, the API's refusal at the field.
      const accept = panel.getByTestId('accept-conflict');
      await accept.getByRole('button', { name: 'Acceptera' }).click();
      await accept.locator('.field-error').waitFor();
      await accept.getByLabel('Skäl att behålla den').fill('Praktiken och Sfi-lektionerna ligger medvetet samtidigt den här perioden.');
      await accept.getByRole('button', { name: 'Acceptera' }).click();
      // Jobbtorg's acceptance stands; the conflict is accepted once Sfi agrees too.
      await panel.getByTestId('withdraw-acceptance').waitFor();
      await expect(panel.getByTestId('conflict-state').textContent()).resolves.toBe('Tas om hand');
      await expect(panel.locator('.facts').textContent()).resolves.toContain('Accepterad avJobbtorg');

      const sfi = await driver.signedIn('sfiTeacher');
      await openInbox(sfi);
      await sfi.getByTestId('inbox-states').getByLabel('Öppen').uncheck();
      const row = sfi.getByTestId('inbox').locator(`tr[data-conflict-id="${collision}"]`);
      await expect(row.getAttribute('data-state')).resolves.toBe('ACKNOWLEDGED');
      await row.getByRole('link').click();
      const sfiPanel = sfi.getByTestId('conflict-panel');
      await sfiPanel.getByTestId('accept-conflict').getByLabel('Skäl att behålla den').fill('Eleven läser på distans de veckorna.');
      await sfiPanel.getByTestId('accept-conflict').getByRole('button', { name: 'Acceptera' }).click();
      await expect(settled(() => sfiPanel.getByTestId('conflict-state').textContent(), 'Accepterad')).resolves.toBe('Accepterad');
      expect(await sfiPanel.getByTestId('conflict-history').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event')))).toEqual(['FOUND', 'ACKNOWLEDGED', 'ACCEPTED', 'ACCEPTED']);
      await driver.timelineDrawn(sfi);
      await driver.expectAccessible(sfi, 'conflict-accepted');

      const { edges } = await inboxOf({ as: 'jobbtorgCoach' }, { state: ['ACCEPTED'], kind: ['SLOT_OVERLAP'] });
      expect(edges.map((e: { node: InboxRow }) => e.node.id)).toContain(collision);
      await coach.reload();
      await driver.signedIn('jobbtorgCoach', coach);
      await driver.openPerson(coach, YONAS);
      await coach.locator(`[data-conflict-id="${collision}"][data-conflict-state="ACCEPTED"]`).waitFor();
    });
  });
});
