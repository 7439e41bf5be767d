import { Browser, BrowserContext, Page } from 'playwright-core';
import { PersonaName } from '../../../lib/auth/personas';
import { addDays, mondayOf, todayInStockholm } from '../../../lib/scalars/calendar';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { AsCaller, GraphQLResponse, Stack } from '../../helpers/stack';
import { screenshot, seriousViolations } from './browser';

/**
 * What the desk's browser tests share: a person whose shared plan has activities of three
 * agencies and conflicts between them, and a driver that signs personas in and opens people
 * the way a user does.
 */

export const TODAY = todayInStockholm();
export const NEXT_MONDAY = addDays(mondayOf(TODAY), 7);
/** The four weeks the seeded activities share. */
export const WINDOW = { from: NEXT_MONDAY, to: addDays(NEXT_MONDAY, 27) };

/** Yonas, of Skärholmen, with the seeded plan. */
export const YONAS = makePersonnummer('1986-09-03', 771);

/** The data of an answer that must have no errors. */
export async function ok(stack: Stack, query: string, variables: Record<string, unknown>, as: AsCaller): Promise<any> {
  const answer: GraphQLResponse = await stack.query(query, variables, as);
  expect(answer.errors).toBeUndefined();
  return answer.data;
}

/**
 * Yonas's shared plan, as the agencies make it through the API: a shared-planning consent
 * naming the district, Jobbtorg, Arbetsförmedlingen and Sfi; an open Jobbtorg case at
 * Vårberg with a placement on Tuesday mornings; Sfi on Tuesday and Thursday mornings (a
 * SLOT_OVERLAP with the placement); and Arbetsförmedlingen's placement on Friday afternoons
 * (the same kind as Jobbtorg's, a DUPLICATE_KIND).
 */
export async function seedSharedPlan(stack: Stack, p = YONAS): Promise<void> {
  await stack.subgraphs.stadsdel.db('persons').insert({
    personnummer: p, given_name: 'Yonas', family_name: 'Tesfaye', birth_date: '1986-09-03', district_code: 'SKH', protected_identity: false,
  });
  const district: AsCaller = { as: 'districtOfficer' };
  const coach: AsCaller = { as: 'jobbtorgCoach' };
  await ok(stack, `mutation($p: Personnummer!, $from: Date!) { recordConsent(input: { personnummer: $p, purpose: SHARED_PLANNING, validFrom: $from, parties: [SOCIAL_SERVICES, JOBBTORG, ARBETSFORMEDLINGEN, SFI] }) { id } }`, { p, from: TODAY }, district);
  await ok(stack, `mutation($p: Personnummer!) { recordConsent(input: { personnummer: $p, purpose: REFERRAL, validFrom: "2026-01-01", parties: [SOCIAL_SERVICES, JOBBTORG] }) { id } }`, { p }, district);
  const referral = await ok(stack, `mutation($p: Personnummer!) { referToJobbtorg(input: { personnummer: $p, reason: UNEMPLOYMENT }) { id } }`, { p }, district);
  const opened = await ok(stack, `mutation($r: ID!, $on: Date!) { enrolInJobbtorg(input: { referralId: $r, unitCode: "VARBERG", enrolledOn: $on }) { id } }`, { r: referral.referToJobbtorg.id, on: TODAY }, coach);
  const caseId = opened.enrolInJobbtorg.id;
  await ok(stack, `mutation($c: ID!, $on: Date!) { establishJobPlan(input: { caseId: $c, establishedOn: $on, goal: WORK }) { id } }`, { c: caseId, on: TODAY }, coach);
  await ok(
    stack,
    `mutation($c: ID!, $from: Date!, $to: Date!) { addIntervention(input: { caseId: $c, kind: WORK_PLACEMENT, title: "Praktik på förskola", startDate: $from, endDate: $to, hoursPerWeek: 3, schedule: [{ weekday: TUESDAY, startTime: "09:00", endTime: "12:00" }] }) { id } }`,
    { c: caseId, ...WINDOW },
    coach,
  );
  await ok(
    stack,
    `mutation($p: Personnummer!, $from: Date!) { enrolInSfi(input: { personnummer: $p, schoolId: "1", course: B, studyPath: 2, startDate: $from, hoursPerWeek: 6, schedule: [{ weekday: TUESDAY, startTime: "09:00", endTime: "12:00" }, { weekday: THURSDAY, startTime: "09:00", endTime: "12:00" }] }) { id } }`,
    { p, from: NEXT_MONDAY },
    { as: 'sfiTeacher' },
  );
  const registration = await ok(
    stack,
    `mutation($p: Personnummer!, $on: Date!) { registerJobSeeker(input: { personnummer: $p, registeredOn: $on, office: "Arbetsförmedlingen Skärholmen", programme: NONE, programmeExtentPercent: 0 }) { id } }`,
    { p, on: TODAY },
    { as: 'afOfficer' },
  );
  await ok(
    stack,
    `mutation($r: ID!, $from: Date!, $to: Date!) { addPlannedActivity(input: { registrationId: $r, kind: WORK_PLACEMENT, title: "Arbetspraktik i butik", startDate: $from, endDate: $to, hoursPerWeek: 3, schedule: [{ weekday: FRIDAY, startTime: "13:00", endTime: "16:00" }] }) { id } }`,
    { r: registration.registerJobSeeker.id, ...WINDOW },
    { as: 'afOfficer' },
  );
}

/** A user's tabs on the desk at `url`, each its own browser context (its own session). */
export interface DeskDriver {
  /** A fresh tab at the desk, signed out. */
  newTab(): Promise<Page>;
  /** A fresh tab signed in as `persona` through the persona picker, or `page` signed in again. */
  signedIn(persona: PersonaName, page?: Page): Promise<Page>;
  /** Finds a person by personnummer, as a user does. */
  openPerson(page: Page, personnummer: string): Promise<void>;
  /** Waits until the timeline shows its bars (vis-timeline draws a moment after the answer). */
  timelineDrawn(page: Page): Promise<void>;
  /** Saves the view as a screenshot and checks it with axe: no serious or critical violation. */
  expectAccessible(page: Page, view: string): Promise<void>;
  close(): Promise<void>;
}

export function deskDriver(browser: Browser, url: string, dialect: string): DeskDriver {
  const contexts: BrowserContext[] = [];
  const newTab = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };
  return {
    newTab,
    async signedIn(persona, page) {
      page ??= await newTab();
      await page.locator(`[data-persona="${persona}"]`).click();
      await page.getByTestId('signed-in-as').waitFor();
      return page;
    },
    async openPerson(page, personnummer) {
      await page.getByRole('link', { name: 'Sök person' }).click();
      await page.getByLabel('Personnummer eller samordningsnummer').fill(personnummer);
      await page.getByRole('button', { name: 'Sök' }).click();
      await page.getByText(`Personnummer ${personnummer.slice(0, 8)}-${personnummer.slice(8)}`).waitFor();
    },
    async timelineDrawn(page) {
      await page.locator('[data-testid="timeline"] .vis-item.bar').first().waitFor({ state: 'visible' });
    },
    async expectAccessible(page, view) {
      await screenshot(page, `${view}-${dialect}`);
      expect(await seriousViolations(page)).toEqual([]);
    },
    async close() {
      for (const context of contexts) await context.close();
    },
  };
}
