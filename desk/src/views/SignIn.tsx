import { lazy, Suspense, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useAuth, type SignOutReason } from '../auth/context';
import { beginSignIn, completeSignIn, completeSignOut, isSignInCallback, isSignOutCallback } from '../auth/oidc';
import { oidcClient } from '../auth/production';
import type { DeskConfig } from '../config';

// Loaded only in development: a production desk never fetches the persona picker's code.
const PersonaPicker = lazy(() => import('../auth/PersonaPicker'));

const REASONS: Record<SignOutReason, string> = {
  'signed-out': 'Du är utloggad.',
  expired: 'Din inloggning gäller inte längre. Logga in igen.',
};

function ProviderSignIn({ config }: { config: DeskConfig }) {
  const { signIn } = useAuth();
  const location = useLocation();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(isSignInCallback());
  const [signedOut, setSignedOut] = useState(false);
  const manager = oidcClient(config)!;

  useEffect(() => {
    if (!isSignOutCallback()) return;
    completeSignOut(manager)
      .then(() => setSignedOut(true))
      .catch((error: Error) => setFailure(error.message));
  }, [manager]);

  useEffect(() => {
    if (!isSignInCallback()) return;
    completeSignIn(manager)
      .then(({ session, route }) => {
        // The route first: signing in puts a new router in place, which starts from the address bar.
        window.history.replaceState(null, '', `#${route}`);
        signIn(session);
      })
      .catch((error: Error) => {
        setBusy(false);
        setFailure(error.message);
      });
  }, [manager, signIn]);

  async function start() {
    setBusy(true);
    setFailure(null);
    try {
      await beginSignIn(manager, location.pathname);
    } catch (error) {
      setBusy(false);
      setFailure((error as Error).message);
    }
  }

  return (
    <section aria-labelledby="signin-heading">
      <h2 id="signin-heading">Logga in</h2>
      {signedOut && (
        <p role="status" className="notice" data-testid="signed-out-at-provider">
          Du är utloggad, också från stadens inloggningstjänst.
        </p>
      )}
      <p>Du loggas in med stadens inloggningstjänst.</p>
      <button type="button" onClick={start} disabled={busy} data-testid="oidc-sign-in">
        Logga in
      </button>
      {failure && (
        <p role="alert" className="fault">
          Inloggningen misslyckades: <span lang="en">{failure}</span>
        </p>
      )}
    </section>
  );
}

export function SignIn({ config, reason }: { config: DeskConfig; reason: SignOutReason | null }) {
  const { signIn } = useAuth();
  return (
    <main className="page signin" id="main">
      <h1>Planeringsdesken</h1>
      <p>Etableringskedjans gemensamma planering, arbetslistor och uppföljning.</p>
      {reason && (
        <p role="status" className="notice">
          {REASONS[reason]}
        </p>
      )}
      {config.mode === 'development' ? (
        <Suspense fallback={<p>Laddar …</p>}>
          <PersonaPicker onSignedIn={signIn} />
        </Suspense>
      ) : (
        <ProviderSignIn config={config} />
      )}
    </main>
  );
}
