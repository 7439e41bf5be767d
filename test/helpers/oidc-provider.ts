import { ChildProcess, spawn } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import readline from 'node:readline';
import type { Configuration } from 'oidc-provider';
import { PERSONAS, PersonaName } from '../../lib/auth/personas';
import { DEFAULT_AUDIENCE } from '../../lib/config';

/**
 * A real OpenID provider on localhost, made with the `oidc-provider` package, standing in for
 * the city's identity provider in tests of production sign-in: the gateway verifies its
 * tokens by its JWKS (`AUTH_JWKS_URL`), the desk signs in with it by authorization code and
 * PKCE.
 *
 * - A user per persona (lib/auth/personas.ts): log in with the persona's name (`jobbtorgCoach`)
 *   and `TEST_PASSWORD`; the user is the persona's `sub`.
 * - A public client (`token_endpoint_auth_method: none`, PKCE required) with the redirect URIs
 *   a test gives, allowed to call the token endpoint from the browser (CORS from those origins).
 * - Access tokens are JWTs for the gateway's audience, with the persona's `org` and, as
 *   `scope`, the requested scopes the persona holds. Consent is given at once (a first-party
 *   client), so the only page a user sees is the login form, and, signing out, the question
 *   whether to (`end_session_endpoint`, back to a registered post-logout redirect URI).
 *
 * The provider runs in a process of its own: `oidc-provider` is an ES module, which jest's
 * CommonJS runtime cannot load. `startOidcProvider()` starts this very file as that process.
 */

/** Every user's password. */
export const TEST_PASSWORD = 'etk-test-password';

/** The scopes a client may ask for: OpenID's, and every scope the gateway knows. */
export const OIDC_SCOPE = 'openid records:read records:write statistics:read audit:read';

/** The resource indicator of the gateway, which clients need not send: it is every token's resource. */
const GATEWAY_RESOURCE = 'urn:etk:gateway';

export interface OidcProviderOptions {
  /** Where the client may be sent back with its code, e.g. the desk's callback page. */
  redirectUris: string[];
  /** Where the client may be sent after signing out. */
  postLogoutRedirectUris?: string[];
  /** The `aud` of the access tokens; default the gateway's default (`etk-gateway`). */
  audience?: string;
  /** Default `etk-desk`. */
  clientId?: string;
}

export interface OidcProvider {
  /** The issuer, for `AUTH_ISSUER` and a client's authority. */
  issuer: string;
  /** Its key set, for `AUTH_JWKS_URL`. */
  jwksUrl: string;
  clientId: string;
  audience: string;
  stop(): Promise<void>;
}

const tsx = require.resolve('tsx/cli');
const OPTIONS_VARIABLE = 'ETK_OIDC_PROVIDER_OPTIONS';
/** The line the provider process says where it listens with; oidc-provider's own notices go to stdout too. */
const LISTENING = 'oidc-provider (test) listening at ';

/** Starts the provider in its own process and waits until it listens. */
export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcProvider> {
  const settings = { audience: DEFAULT_AUDIENCE, clientId: 'etk-desk', postLogoutRedirectUris: [], ...options };
  // stdin stays open: the provider stops when it closes, so a killed test run leaves no process behind.
  const child = spawn(process.execPath, [tsx, __filename], {
    env: { ...process.env, [OPTIONS_VARIABLE]: JSON.stringify(settings) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the OpenID provider stopped at start (exit ${code})`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith(LISTENING)) resolve(line.slice(LISTENING.length));
      else process.stdout.write(`${line}\n`);
    });
  });
  child.removeAllListeners('exit');
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    clientId: settings.clientId,
    audience: settings.audience,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin!.end();
  });
}

/** What a client holds after signing in. */
export interface SignedIn {
  accessToken: string;
  idToken: string;
}

/**
 * Signs `persona` in as a browser and a public client would, with fetch: the authorization
 * request with a PKCE challenge, the provider's login form posted, its redirects followed
 * back to `redirectUri`, and the code exchanged with the verifier.
 */
export async function signInWithCode(provider: OidcProvider, persona: PersonaName, redirectUri: string, scope = OIDC_SCOPE): Promise<SignedIn> {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomUUID();
  const authorize = new URL(`${provider.issuer}/auth`);
  authorize.search = new URLSearchParams({
    client_id: provider.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope,
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  const browser = cookieJar();
  let response = await browser.follow(authorize.href, redirectUri);
  const form = /<form[^>]*action="([^"]+)"/.exec(await response.text());
  if (!form) throw new Error(`the provider showed no login form (HTTP ${response.status})`);
  response = await browser.follow(new URL(form[1], provider.issuer).href, redirectUri, new URLSearchParams({ login: persona, password: TEST_PASSWORD }));
  const back = new URL(response.headers.get('location') ?? response.url);
  if (back.searchParams.get('state') !== state || !back.searchParams.get('code')) {
    throw new Error(`the provider sent no code back: ${back.searchParams.get('error') ?? `HTTP ${response.status}`}`);
  }

  const token = await fetch(`${provider.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: back.searchParams.get('code')!,
      redirect_uri: redirectUri,
      client_id: provider.clientId,
      code_verifier: verifier,
    }),
  });
  const body = (await token.json()) as { access_token?: string; id_token?: string; error?: string };
  if (!body.access_token || !body.id_token) throw new Error(`the token endpoint refused the code: ${body.error ?? token.status}`);
  return { accessToken: body.access_token, idToken: body.id_token };
}

/** Just enough of a browser: cookies kept, redirects followed until one leaves for `stopAt`. */
function cookieJar() {
  const cookies = new Map<string, string>();
  const send = async (url: string, form?: URLSearchParams) => {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  return {
    async follow(url: string, stopAt: string, form?: URLSearchParams): Promise<Response> {
      let response = await send(url, form);
      for (let hops = 0; hops < 10 && response.status >= 300 && response.status < 400; hops++) {
        const next = new URL(response.headers.get('location')!, url).href;
        if (next.startsWith(stopAt)) return response;
        url = next;
        response = await send(url);
      }
      return response;
    },
  };
}

/* ---- the provider process ---- */

type Settings = Required<OidcProviderOptions>;

/** A user of the provider: the persona's name logs in, its `sub` is the account. */
function personaOf(name: string) {
  return Object.hasOwn(PERSONAS, name) ? PERSONAS[name as PersonaName] : undefined;
}

function accountPersona(sub: string) {
  return Object.values(PERSONAS).find((persona) => persona.sub === sub);
}

function configuration(settings: Settings): Configuration {
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  return {
    clients: [
      {
        client_id: settings.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: settings.redirectUris,
        post_logout_redirect_uris: settings.postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: randomUUID(), alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    // Seconds; set, so the provider need not warn that it runs on its defaults.
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    scopes: ['openid'],
    findAccount: async (_ctx, sub) => (accountPersona(sub) ? { accountId: sub, claims: async () => ({ sub }) } : undefined),
    // The browser may exchange its code only from the origins it is sent back to.
    clientBasedCORS: (_ctx, origin, client) => client.redirectUris!.some((uri) => new URL(uri).origin === origin),
    features: {
      devInteractions: { enabled: false },
      // Signing out: the provider's question in Swedish, and no web fonts from outside the closed network.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Utloggad (test)</title></head><body><main><h1>Du är utloggad</h1></main></body></html>';
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => GATEWAY_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({
          scope: OIDC_SCOPE.split(' ').filter((s) => s !== 'openid').join(' '),
          audience: settings.audience,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    extraTokenClaims: async (_ctx, token) => {
      const persona = 'accountId' in token && typeof token.accountId === 'string' ? accountPersona(token.accountId) : undefined;
      return persona ? { org: persona.org } : undefined;
    },
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, problem?: string): string {
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Logga in (test)</title></head>
<body><main>
<h1>Logga in</h1>
${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label for="login">Användare</label> <input id="login" name="login" autocomplete="username" required></p>
<p><label for="password">Lösenord</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Logga in</button></p>
</form>
</main></body></html>`;
}

/** The provider's question before it ends the session; `form` is its own hidden form, which the button sends. */
function logoutPage(form: string): string {
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Logga ut (test)</title></head>
<body><main>
<h1>Vill du logga ut?</h1>
${form}
<p><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Ja, logga ut</button></p>
</main></body></html>`;
}

async function formOf(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function serve(settings: Settings): Promise<void> {
  const { default: Provider } = await import('oidc-provider');
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, configuration(settings));
  const callback = provider.callback();

  /** The login form, then consent to what the persona holds of what was asked. */
  const interaction = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    const page = (status: number, html: string) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    if (details.prompt.name === 'login') {
      if (req.method !== 'POST') return page(200, loginPage(details.uid));
      const form = await formOf(req);
      const persona = personaOf(form.get('login') ?? '');
      if (!persona || form.get('password') !== TEST_PASSWORD) return page(401, loginPage(details.uid, 'Fel användare eller lösenord.'));
      return provider.interactionFinished(req, res, { login: { accountId: persona.sub } }, { mergeWithLastSubmission: false });
    }
    const accountId = details.session!.accountId;
    const held = new Set((accountPersona(accountId)?.scope ?? '').split(' '));
    const grant = details.grantId ? (await provider.Grant.find(details.grantId))! : new provider.Grant({ accountId, clientId: details.params.client_id as string });
    grant.addOIDCScope('openid');
    const missing = (details.prompt.details.missingResourceScopes ?? {}) as Record<string, string[]>;
    for (const [resource, scopes] of Object.entries(missing)) {
      grant.addResourceScope(resource, scopes.filter((s) => held.has(s)).join(' '));
      grant.rejectResourceScope(resource, scopes.filter((s) => !held.has(s)).join(' '));
    }
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  };

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    interaction(req, res).catch((error: Error) => {
      console.error(`oidc-provider (test): ${error.message}`);
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' }).end(error.message);
    });
  });
  process.stdout.write(`${LISTENING}${issuer}\n`);
  process.stdin.resume();
  process.stdin.once('end', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

if (require.main === module) {
  serve(JSON.parse(process.env[OPTIONS_VARIABLE]!) as Settings).catch((error: Error) => {
    console.error(`oidc-provider (test): cannot start: ${error.message}`);
    process.exit(1);
  });
}
