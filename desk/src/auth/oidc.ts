import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { OidcSettings } from '../config';
import { sessionFromToken, type Session } from './session';

/**
 * Production sign-in: OpenID Connect, authorization code with PKCE (oidc-client-ts), against
 * the issuer the gateway trusts. The tokens stay in memory (`InMemoryWebStorage`); only the
 * short-lived PKCE verifier and state of a sign-in under way sit in sessionStorage, since
 * they must outlive the redirect to the provider and back, and the library removes them
 * when the callback is handled.
 */

/** Where the provider sends the user back: the desk's own page, without its route. */
function redirectUri(): string {
  const url = new URL(document.baseURI);
  url.hash = '';
  url.search = '';
  return url.toString();
}

export function userManager(settings: OidcSettings): UserManager {
  return new UserManager({
    authority: settings.issuer,
    client_id: settings.clientId,
    scope: settings.scope,
    redirect_uri: redirectUri(),
    post_logout_redirect_uri: redirectUri(),
    response_type: 'code',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: false,
  });
}

/** Starts the sign-in; `route` is where to land afterwards (the desk's hash route). */
export function beginSignIn(manager: UserManager, route: string): Promise<void> {
  return manager.signinRedirect({ url_state: route });
}

/** Whether this page load is the provider's answer to a sign-in. */
export function isSignInCallback(): boolean {
  const params = new URLSearchParams(window.location.search);
  return params.has('code') && params.has('state');
}

/** Whether this page load is the provider sending the user back after signing out (its `state`, no code). */
export function isSignOutCallback(): boolean {
  const params = new URLSearchParams(window.location.search);
  return params.has('state') && !params.has('code');
}

/** Finishes a sign-out at the provider: its state is dropped, and the address bar is the desk's own again. */
export async function completeSignOut(manager: UserManager): Promise<void> {
  try {
    await manager.signoutRedirectCallback();
  } finally {
    window.history.replaceState(null, '', redirectUri());
  }
}

/** Finishes the sign-in from the provider's answer; returns the session and the route to land on. */
export async function completeSignIn(manager: UserManager): Promise<{ session: Session; route: string }> {
  const user = await manager.signinRedirectCallback();
  // The code and state leave the address bar, so a reload does not try to use them again.
  window.history.replaceState(null, '', redirectUri());
  const title = typeof user.profile.name === 'string' ? user.profile.name : undefined;
  return { session: sessionFromToken(user.access_token, title), route: user.url_state ?? '/' };
}

/**
 * Ends the session here and, where the provider offers it, there too: the provider is sent
 * the ID token as the hint of whose session ends, and sends the user back to the desk.
 * oidc-client-ts drops the tokens before it leaves.
 */
export async function signOutEverywhere(manager: UserManager): Promise<void> {
  const metadata = await manager.metadataService.getMetadata().catch(() => null);
  // A state of the sign-out, so the desk knows the user it gets back has signed out at the provider.
  if (metadata?.end_session_endpoint) await manager.signoutRedirect({ state: 'signed-out' });
  else await manager.removeUser();
}
