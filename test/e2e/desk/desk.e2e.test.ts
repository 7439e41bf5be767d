import fs from 'node:fs';
import { Browser } from 'playwright-core';
import { addDays, addMonths } from '../../../lib/scalars/calendar';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';
import { describeInBrowser, launchChromium, settled } from './browser';
import { deskOf, ensureDeskBuild, serveDesk } from './desk-server';
import { deskDriver, DeskDriver, NEXT_MONDAY, ok as okOf, seedSharedPlan, WINDOW, YONAS } from './fixture';

/**
 * The desk in a real browser against the real stack, served by the gateway itself as in
 * development: a coach sees a person's shared plan with its conflicts, the district
 * withdraws the consent and the other agencies' lanes go, the analyst's charts show the
 * API's numbers, and faults read as the issue says. Every view is checked with axe and
 * saved as a screenshot under `test-artifacts/desk/`.
 */

const PLAN = /* GraphQL */ `
  query($p: Personnummer!, $from: Date!, $to: Date!) {
    person(personnummer: $p) { sharedPlan(from: $from, to: $to) { activities { id agency title } conflicts { kind agencies message } } }
  }
`;

describeInBrowser('the desk in a browser', () => {
  describeEachDialect('the desk', (dialect) => {
    let stack: Stack;
    let browser: Browser;
    let driver: DeskDriver;
    let desk: { url: string };
    const p = YONAS;
    const ok = (query: string, variables: Record<string, unknown>, as: AsCaller) => okOf(stack, query, variables, as);
    const signedIn: DeskDriver['signedIn'] = (persona, page) => driver.signedIn(persona, page);
    const openPerson: DeskDriver['openPerson'] = (page, personnummer) => driver.openPerson(page, personnummer);
    const expectAccessible: DeskDriver['expectAccessible'] = (page, view) => driver.expectAccessible(page, view);

    beforeAll(async () => {
      ensureDeskBuild();
      stack = await startStack({ dialect, people: 300 });
      desk = deskOf(stack);
      browser = await launchChromium();
      driver = deskDriver(browser, desk.url, dialect);
      await seedSharedPlan(stack, p);
    }, STACK_START_TIMEOUT_MS);
    afterAll(async () => {
      await driver?.close();
      await browser?.close();
      await stack?.stop();
    });

    it('signs a coach in with a development persona, and the sign-in page is accessible', async () => {
      const page = await driver.newTab();
      await page.getByTestId('persona-picker').waitFor();
      await expectAccessible(page, 'sign-in');
      await signedIn('jobbtorgCoach', page);
      await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain('Jobbcoach, Jobbtorg Vårberg');
    });

    it('shows the coach the person’s activities and conflicts on the timeline, hours and times on hover', async () => {
      const page = await signedIn('jobbtorgCoach');
      await openPerson(page, p);
      await page.getByRole('heading', { name: 'Yonas Tesfaye' }).waitFor();
      const bars = page.locator('[data-testid="timeline"] .vis-item.bar');
      expect(await settled(() => bars.count(), 3)).toBe(3);
      const { person } = await ok(PLAN, { p, ...WINDOW }, { as: 'jobbtorgCoach' });
      expect((await bars.allTextContents()).map((t) => t.split(' · ')[0]).sort()).toEqual(person.sharedPlan.activities.map((a: { title: string }) => a.title).sort());
      expect(await page.locator('[data-testid="timeline"] .vis-label').allTextContents()).toEqual(['Jobbtorg', 'Arbetsförmedlingen', 'Sfi']);
      // Each conflict marked in its agencies' lanes on the weeks it affects (four weeks here), and told in words.
      expect(await page.locator('[data-testid="timeline"] .vis-item.conflict').count()).toBe(2 * 4 * 2);
      const conflicts = await page.getByTestId('conflicts').locator('li').allTextContents();
      expect(conflicts).toHaveLength(person.sharedPlan.conflicts.length);
      expect(conflicts[0]).toContain('Krockande tider');
      expect(conflicts[0]).toContain(person.sharedPlan.conflicts[0].message);

      const placement = bars.filter({ hasText: 'Praktik på förskola' });
      await placement.hover();
      await expect(page.locator('.vis-tooltip').textContent()).resolves.toMatch(/3 tim\/vecka, tisdagar 09:00–12:00/);
      await placement.click();
      await expect(page.getByTestId('selected-activity').textContent()).resolves.toMatch(/Praktik på förskola.*3 tim\/vecka, tisdagar 09:00–12:00/);
      await expectAccessible(page, 'person-timeline');
    });

    it('keeps what the coach typed when the write is refused, with the API’s reason at the field', async () => {
      const page = await signedIn('jobbtorgCoach');
      await openPerson(page, p);
      const form = page.getByTestId('add-intervention');
      await form.getByLabel('Rubrik').fill('Språkpraktik på bibliotek');
      await form.getByLabel('Första dag').fill(addDays(NEXT_MONDAY, 14));
      await form.getByLabel('Sista dag').fill(NEXT_MONDAY);
      await form.getByRole('button', { name: 'Lägg till' }).click();
      await form.getByTestId('form-refused').waitFor();
      await expect(form.getByTestId('form-refused').textContent()).resolves.toMatch(/input\.endDate/);
      await expect(form.getByLabel('Rubrik').inputValue()).resolves.toBe('Språkpraktik på bibliotek');
      await expect(form.getByLabel('Första dag').inputValue()).resolves.toBe(addDays(NEXT_MONDAY, 14));
      await expect(form.getByLabel('Sista dag').inputValue()).resolves.toBe(NEXT_MONDAY);
    });

    it('refuses a bad personnummer in the field, in the API’s own words', async () => {
      const page = await signedIn('jobbtorgCoach');
      const bad = `${p.slice(0, 11)}${(Number(p[11]) + 1) % 10}`;
      await page.getByLabel('Personnummer eller samordningsnummer').fill(bad);
      await page.getByRole('button', { name: 'Sök' }).click();
      const answer = await stack.query(`query($p: Personnummer!) { person(personnummer: $p) { givenName } }`, { p: bad }, { as: 'jobbtorgCoach' });
      const [error] = answer.errors!;
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'person.personnummer' });
      const reason = await page.getByTestId('personnummer-reason').textContent();
      expect(`person.personnummer ${reason}`).toBe(error.message);
      await expectAccessible(page, 'search-refused');
    });

    it('shows a person the reader may not see exactly as one who does not exist', async () => {
      const page = await signedIn('providerCoach');
      const nobody = makePersonnummer('1950-01-01', 999);
      const pageFor = async (personnummer: string) => {
        await openPerson(page, personnummer);
        await page.getByTestId('no-person').waitFor();
        return (await page.getByRole('main').textContent())!.replace(`${personnummer.slice(0, 8)}-${personnummer.slice(8)}`, '…');
      };
      expect(await pageFor(p)).toBe(await pageFor(nobody));
      await expectAccessible(page, 'person-not-found');
    });

    it('gives the coach the unit’s worklists as the API counts them', async () => {
      const page = await signedIn('jobbtorgCoach');
      await page.getByRole('link', { name: 'Arbetslistor' }).click();
      await page.getByTestId('cases-without-plan').waitFor();
      const { casesWithoutPlan, referrals } = await ok(
        `{ casesWithoutPlan(filter: { unitCode: "VARBERG" }, first: 50) { totalCount } referrals(filter: { status: BOOKED }, first: 50) { totalCount } }`,
        {},
        { as: 'jobbtorgCoach' },
      );
      await expect(page.getByRole('heading', { name: /Ärenden utan plan/ }).textContent()).resolves.toContain(`(${casesWithoutPlan.totalCount})`);
      await expect(page.getByRole('heading', { name: /Bokade remisser/ }).textContent()).resolves.toContain(`(${referrals.totalCount})`);
      await expectAccessible(page, 'coach-worklists');
    });

    it('gives the district its next free info meeting per audience', async () => {
      const page = await signedIn('districtOfficer');
      await page.getByRole('link', { name: 'Infomöten' }).click();
      await page.getByTestId('info-meetings').waitFor();
      expect(await page.getByTestId('info-meetings').locator('tbody tr').count()).toBe(2);
      await expectAccessible(page, 'district-info-meetings');
    });

    it('shows the analyst’s charts with the numbers the API gives, suppressed cells as suppressed', async () => {
      const page = await signedIn('cityAnalyst');
      await page.getByRole('link', { name: 'Uppföljning' }).click();
      await page.getByTestId('monthly-table').waitFor();
      const from = await page.getByTestId('period-from').inputValue();
      const to = await page.getByTestId('period-to').inputValue();
      expect(addMonths(from, 11)).toBe(to);
      const { followUp } = await ok(
        `query($from: Month!, $to: Month!) { followUp(filter: { from: $from, to: $to }, groupBy: [MONTH, REPORTING_GROUP]) { cells { month reportingGroup enrolled { value suppressed } } } }`,
        { from, to },
        { as: 'cityAnalyst' },
      );
      const groups = ['NEWLY_ARRIVED_REFUGEE', 'YOUTH_16_24', 'OTHER_OVER_24'];
      const shown = await page.getByTestId('monthly-table').locator('tbody tr').evaluateAll((rows) =>
        rows.map((row) => ({
          month: row.getAttribute('data-month'),
          cells: [...row.querySelectorAll('td')].map((td) => (td.hasAttribute('data-suppressed') ? 'skyddad' : td.getAttribute('data-value'))),
          text: [...row.querySelectorAll('td')].map((td) => td.textContent),
        })),
      );
      const expected = [...new Set(followUp.cells.map((c: { month: string }) => c.month))].sort().map((month) => ({
        month,
        cells: groups.map((g) => {
          const cell = followUp.cells.find((c: { month: string; reportingGroup: string }) => c.month === month && c.reportingGroup === g);
          return cell ? (cell.enrolled.suppressed ? 'skyddad' : String(cell.enrolled.value)) : null;
        }),
      }));
      expect(shown.map(({ month, cells }) => ({ month, cells }))).toEqual(expected);
      expect(shown.flatMap((r) => r.text).some((t) => t?.startsWith('skyddad'))).toBe(expected.some((r) => r.cells.includes('skyddad')));
      // The chart draws one line per reporting group, a point for each month that is not suppressed.
      expect(await page.locator('.recharts-line').count()).toBe(3);
      await page.getByTestId('districts-table').waitFor();
      await page.getByTestId('income-support-table').waitFor();
      await expect(page.getByTestId('suppression-note').first().textContent()).resolves.toMatch(/1–4 personer/);
      const download = page.waitForEvent('download');
      await page.getByTestId(`csv-uppfoljning-enrolled-${from}-${to}.csv`).click();
      const file = await (await download).path();
      const csv = fs.readFileSync(file, 'utf8');
      expect(csv.split('\r\n')[0]).toBe('Månad,Nyanlända flyktingar: inskrivna,Unga 16–24 år: inskrivna,Övriga över 24 år: inskrivna');
      expect(csv.trim().split('\r\n')).toHaveLength(expected.length + 1);
      await expectAccessible(page, 'analyst-follow-up');
    });

    it('says FORBIDDEN plainly to a reader whose role may not ask', async () => {
      // A colleague's link to the follow-up, opened by a district officer without statistics:read.
      const page = await signedIn('districtOfficer');
      await page.goto(`${desk.url}#/uppfoljning`);
      await page.getByTestId('forbidden').first().waitFor();
      await expectAccessible(page, 'forbidden');
    });

    it('offers a retry when the gateway cannot be reached, and a 401 leads back to sign-in', async () => {
      const page = await signedIn('jobbtorgCoach');
      await page.route('**/graphql', (route) => route.abort('connectionrefused'));
      await openPerson(page, p);
      await page.getByTestId('network-fault').waitFor();
      await expectAccessible(page, 'network-fault');
      await page.unroute('**/graphql');
      await page.getByTestId('network-fault').getByRole('button', { name: 'Försök igen' }).click();
      await page.getByRole('heading', { name: 'Yonas Tesfaye' }).waitFor();

      await page.route('**/graphql', (route) => route.continue({ headers: { ...route.request().headers(), authorization: 'Bearer not-a-token' } }));
      await page.getByLabel('Antal veckor').selectOption('13');
      await page.getByText('Din inloggning gäller inte längre').waitFor();
      await page.getByTestId('persona-picker').waitFor();
    });

    it('takes the other agencies’ lanes off the coach’s timeline once the district withdraws the consent', async () => {
      const coach = await signedIn('jobbtorgCoach');
      await openPerson(coach, p);
      expect(await settled(() => coach.locator('[data-testid="timeline"] .vis-label').count(), 3)).toBe(3);

      const district = await signedIn('districtOfficer');
      await openPerson(district, p);
      const sharing = district.getByTestId('consents').locator('tr[data-purpose="SHARED_PLANNING"]');
      await sharing.getByRole('button', { name: /Återkalla/ }).click();
      await sharing.getByText('Gäller inte', { exact: true }).waitFor();
      await expectAccessible(district, 'district-person-consents');

      await coach.reload();
      await signedIn('jobbtorgCoach', coach);
      await openPerson(coach, p);
      expect(await settled(() => coach.locator('[data-testid="timeline"] .vis-item.bar').count(), 1)).toBe(1);
      expect(await coach.locator('[data-testid="timeline"] .vis-label').allTextContents()).toEqual(['Jobbtorg']);
      await expect(coach.getByTestId('no-conflicts').isVisible()).resolves.toBe(true);
    });

    it('has no persona picker in production, only the identity provider’s sign-in', async () => {
      const production = await serveDesk(() => ({
        graphqlUrl: stack.gatewayUrl,
        mode: 'production',
        oidc: { issuer: 'http://127.0.0.1:9/', clientId: 'planeringsdesken', scope: 'openid' },
      }));
      try {
        const context = await browser.newContext();
        const page = await context.newPage();
        const requested: string[] = [];
        page.on('request', (request) => requested.push(new URL(request.url()).pathname));
        await page.goto(production.url);
        await page.getByTestId('oidc-sign-in').waitFor();
        expect(await page.getByTestId('persona-picker').count()).toBe(0);
        expect(requested.filter((path) => path.startsWith('/dev/') || /PersonaPicker/.test(path))).toEqual([]);
        await expectAccessible(page, 'production-sign-in');
        await context.close();
      } finally {
        await production.stop();
      }
    });

    it('shows a banner naming the agency whose service is down, and the rest of the page', async () => {
      await stack.stopSubgraph('partners');
      const page = await signedIn('jobbtorgCoach');
      await openPerson(page, p);
      const banner = page.getByTestId('partial-banner');
      await banner.waitFor();
      await expect(banner.textContent()).resolves.toContain('Arbetsförmedlingen');
      await page.getByRole('heading', { name: 'Yonas Tesfaye' }).waitFor();
      await page.getByRole('heading', { name: 'Ärendet på Jobbtorg' }).waitFor();
      await expectAccessible(page, 'partial-answer');
    });
  });
});
