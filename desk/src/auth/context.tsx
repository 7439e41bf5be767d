import { createContext, useContext } from 'react';
import type { Session } from './session';

/** Why the user is at the sign-in page again, shown there. */
export type SignOutReason = 'signed-out' | 'expired';

export interface Auth {
  session: Session | null;
  signIn(session: Session): void;
  signOut(reason?: SignOutReason): void;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside <AuthContext.Provider>');
  return auth;
}

/** The signed-in session, for views that are only reached signed in. */
export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('useSession without a session');
  return session;
}
