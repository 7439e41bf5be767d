import { NavLink, Outlet } from 'react-router';
import { useAuth, useSession } from '../auth/context';
import { roleOf } from '../auth/session';

/** The frame of every signed-in view: who is signed in, the role's views, sign-out. */
export function Layout() {
  const session = useSession();
  const { signOut } = useAuth();
  const role = roleOf(session);
  const org = session.organisation.id ? `${session.organisation.kind}:${session.organisation.id}` : session.organisation.kind;
  return (
    <>
      <a className="skip" href="#main">Till innehållet</a>
      <header className="top">
        <p className="brand">Planeringsdesken</p>
        <nav aria-label="Vyer">
          <ul>
            <li><NavLink to="/" end>Sök person</NavLink></li>
            {role.coach && <li><NavLink to="/arbetslistor">Arbetslistor</NavLink></li>}
            {role.inbox && <li><NavLink to="/konflikter">Konfliktinkorg</NavLink></li>}
            {role.district && <li><NavLink to="/infomoten">Infomöten</NavLink></li>}
            {role.analyst && <li><NavLink to="/uppfoljning">Uppföljning</NavLink></li>}
          </ul>
        </nav>
        <p className="who" data-testid="signed-in-as">
          {session.title} <span className="org">({org})</span>
        </p>
        <button type="button" onClick={() => signOut()}>Logga ut</button>
      </header>
      <main className="page" id="main">
        <Outlet />
      </main>
    </>
  );
}
