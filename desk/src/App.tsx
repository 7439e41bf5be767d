import { useCallback, useMemo, useRef, useState } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { Provider as GraphQLProvider } from 'urql';
import { AuthContext, type Auth, type SignOutReason } from './auth/context';
import { signOutEverywhere } from './auth/oidc';
import { oidcClient } from './auth/production';
import type { Session } from './auth/session';
import type { DeskConfig } from './config';
import { createClient } from './graphql/client';
import { Layout } from './views/Layout';
import { SignIn } from './views/SignIn';
import { Search } from './views/Search';
import { lazyView } from './views/lazy';

const PersonView = lazyView(() => import('./views/Person'));
const WorklistsView = lazyView(() => import('./views/Worklists'));
const InfoMeetingsView = lazyView(() => import('./views/InfoMeetings'));
const FollowUpView = lazyView(() => import('./followup/FollowUp'));
const InboxView = lazyView(() => import('./conflicts/Inbox'));

/**
 * The desk: sign-in, then the views a role has. The session lives in this component's
 * state only; signing out (or a 401 from the gateway) drops it together with the GraphQL
 * client and its cache, so nothing one user saw is left for the next.
 */
export default function App({ config }: { config: DeskConfig }) {
  const [session, setSession] = useState<Session | null>(null);
  const [reason, setReason] = useState<SignOutReason | null>(null);
  const token = useRef<string | null>(null);
  token.current = session?.token ?? null;

  const signOut = useCallback(
    (why: SignOutReason = 'signed-out') => {
      setSession(null);
      setReason(why);
      const manager = oidcClient(config);
      // Signing out on purpose ends the provider's session too; an expired token only ends ours.
      if (manager && why === 'signed-out') void signOutEverywhere(manager);
    },
    [config],
  );
  const auth: Auth = useMemo(
    () => ({ session, signIn: (s) => { setReason(null); setSession(s); }, signOut }),
    [session, signOut],
  );
  const client = useMemo(
    () => createClient(config.graphqlUrl, () => token.current, () => signOut('expired')),
    // A new client, and so an empty cache, for every session (the token itself is read through the ref).
    [config.graphqlUrl, session?.token, signOut],
  );
  const router = useMemo(
    () =>
      createHashRouter([
        {
          element: session ? <Layout /> : <SignIn config={config} reason={reason} />,
          children: [
            { index: true, element: <Search /> },
            { path: 'person', element: <PersonView /> },
            { path: 'arbetslistor', element: <WorklistsView /> },
            { path: 'konflikter', element: <InboxView /> },
            { path: 'infomoten', element: <InfoMeetingsView /> },
            { path: 'uppfoljning', element: <FollowUpView /> },
            { path: '*', element: <Navigate to="/" replace /> },
          ],
        },
      ]),
    [session, config, reason],
  );

  return (
    <AuthContext.Provider value={auth}>
      <GraphQLProvider value={client}>
        <RouterProvider router={router} />
      </GraphQLProvider>
    </AuthContext.Provider>
  );
}
