import { Browser } from 'playwright-core';
import { DeskConfig } from '../../../gateway/pages';
import { PersonaName } from '../../../lib/auth/personas';
import { describeEachDialect } from '../../helpers/dialects';
import { OIDC_SCOPE, OidcProvider, signInWithCode, startOidcProvider, TEST_PASSWORD } from '../../helpers/oidc-provider';
import { AsCaller, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';
import { describeInBrowser, launchChromium, screenshot, seriousViolations } from './browser';
import { ensureDeskBuild, serveDesk } from './desk-server';
import { ok, TODAY, YONAS } from './fixture';

/**
 * Production sign-in in a browser, laid out as production is: the desk's build as static
 * files with a `config.json` naming a real OpenID provider (test/helpers/oidc-provider.ts),
 * on an origin of its own; the gateway in production trusting only that provider, by its
 * issuer and JWKS URL (`AUTH_ISSUER`, `AUTH_JWKS_URL`), and letting the desk's origin call
 * it (`CORS_ORIGINS`). The user signs in at the provider's login form by authorization code
 * and PKCE, the desk shows what the gateway answers with that token, the token is in no web
 * storage, and signing out ends the provider's session too.
 */

describeInBrowser('the desk signing in with OpenID Connect', () => {
  describeEachDialect('production sign-in in the desk', (dialect) => {
    let provider: OidcProvider;
    let stack: Stack;
    let browser: Browser;
    let desk: Awaited<ReturnType<typeof serveDesk>>;
    let config: DeskConfig | null = null;

    /** A caller with the provider's access token for `persona`, signed in as a script would. */
    const signedInAs = async (persona: PersonaName): Promise<AsCaller> => ({ token: (await signInWithCode(provider, persona, desk.url)).accessToken });

    beforeAll(async () => {
      ensureDeskBuild();
      // The desk first: the provider must know where to send users back, and the desk's configuration names the provider.
      desk = await serveDesk(() => config!);
      provider = await startOidcProvider({ redirectUris: [desk.url], postLogoutRedirectUris: [desk.url] });
      stack = await startStack({
        dialect,
        people: 40,
        environment: 'production',
        authentication: { issuer: provider.issuer, audience: provider.audience, keys: { jwksUrl: provider.jwksUrl } },
        corsOrigins: [desk.origin],
      });
      // Yonas, referred by the district and enrolled at Vårberg, with no plan yet: on the coach's worklist.
      await stack.subgraphs.stadsdel.db('persons').insert({
        personnummer: YONAS, given_name: 'Yonas', family_name: 'Tesfaye', birth_date: '1986-09-03', district_code: 'SKH', protected_identity: false,
      });
      const district = await signedInAs('districtOfficer');
      await ok(stack, `mutation($p: Personnummer!) { recordConsent(input: { personnummer: $p, purpose: REFERRAL, validFrom: "2026-01-01", parties: [SOCIAL_SERVICES, JOBBTORG] }) { id } }`, { p: YONAS }, district);
      const referral = await ok(stack, `mutation($p: Personnummer!) { referToJobbtorg(input: { personnummer: $p, reason: UNEMPLOYMENT }) { id } }`, { p: YONAS }, district);
      await ok(stack, `mutation($r: ID!, $on: Date!) { enrolInJobbtorg(input: { referralId: $r, unitCode: "VARBERG", enrolledOn: $on }) { id } }`, { r: referral.referToJobbtorg.id, on: TODAY }, await signedInAs('jobbtorgCoach'));
      config = { graphqlUrl: stack.gatewayUrl, mode: 'production', oidc: { issuer: provider.issuer, clientId: provider.clientId, scope: OIDC_SCOPE } };
      browser = await launchChromium();
    }, STACK_START_TIMEOUT_MS);
    afterAll(async () => {
      await browser?.close();
      await stack?.stop();
      await provider?.stop();
      await desk?.stop();
    });

    it('signs the coach in at the provider, shows the gateway’s answer, keeps the token out of web storage, and signs out there too', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
      try {
        const page = await context.newPage();
        const bearers: string[] = [];
        page.on('request', (request) => {
          const authorization = request.headers().authorization;
          if (new URL(request.url()).pathname === '/graphql' && authorization) bearers.push(authorization.replace(/^Bearer /, ''));
        });
        await page.goto(desk.url);
        await page.getByTestId('oidc-sign-in').click();

        // The provider's own login form, on the provider's origin.
        await page.getByLabel('Användare').waitFor();
        expect(new URL(page.url()).origin).toBe(provider.issuer);
        const authorize = new URL(page.url());
        await page.getByLabel('Användare').fill('jobbtorgCoach');
        await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
        await page.getByRole('button', { name: 'Logga in' }).click();

        await page.getByTestId('signed-in-as').waitFor();
        expect(new URL(page.url()).search).toBe(''); // the code and state are gone from the address bar
        await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain('JOBBTORG:VARBERG');
        expect(authorize.pathname).toMatch(/^\/interaction\//);

        // The unit's cases without a plan, Yonas's among them, as the gateway gives them to the same user.
        await page.getByRole('link', { name: 'Arbetslistor' }).click();
        await page.getByTestId('cases-without-plan').getByRole('link', { name: 'Yonas Tesfaye' }).waitFor();
        const { casesWithoutPlan } = await ok(stack, `{ casesWithoutPlan(filter: { unitCode: "VARBERG" }, first: 50) { totalCount } }`, {}, await signedInAs('jobbtorgCoach'));
        expect(casesWithoutPlan.totalCount).toBeGreaterThan(0);
        await expect(page.getByRole('heading', { name: /Ärenden utan plan/ }).textContent()).resolves.toContain(`(${casesWithoutPlan.totalCount})`);

        // Every call to the gateway carried the provider's access token; no web storage holds it.
        expect(bearers.length).toBeGreaterThan(0);
        const token = bearers[0];
        expect(new Set(bearers)).toEqual(new Set([token]));
        const stored = await page.evaluate(() => {
          // The page's own globals (this runs in the browser, typed here without the DOM's types).
          type WebStorage = { length: number; key(index: number): string | null; getItem(key: string): string | null };
          const { localStorage, sessionStorage } = globalThis as unknown as Record<'localStorage' | 'sessionStorage', WebStorage>;
          return [localStorage, sessionStorage].flatMap((storage) =>
            Array.from({ length: storage.length }, (_, i) => storage.key(i)!).map((key) => `${key}=${storage.getItem(key)}`),
          );
        });
        expect(stored.filter((entry) => entry.includes(token) || entry.startsWith('oidc.user:'))).toEqual([]);
        await screenshot(page, `oidc-signed-in-${dialect}`);
        expect(await seriousViolations(page)).toEqual([]);

        // Signing out ends the provider's session: back at the desk, signing in asks for the password again.
        await page.getByRole('button', { name: 'Logga ut' }).click();
        await page.getByRole('button', { name: 'Ja, logga ut' }).click();
        await page.getByTestId('signed-out-at-provider').waitFor();
        expect(new URL(page.url()).search).toBe('');
        await expect(page.getByTestId('signed-in-as').count()).resolves.toBe(0);
        await screenshot(page, `oidc-signed-out-${dialect}`);
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByTestId('oidc-sign-in').click();
        await page.getByLabel('Lösenord').waitFor();
        expect(new URL(page.url()).origin).toBe(provider.issuer);
      } finally {
        await context.close();
      }
    });
  });
});
