import { useGraphiQL, type GraphiQLPlugin } from '@graphiql/react';
import { useEffect, useState, useSyncExternalStore } from 'react';

/**
 * The persona picker beside GraphiQL's editors: the development personas from the gateway's
 * `GET /dev/personas`, and for the chosen one a token from `POST /dev/token`, written into
 * the request headers as `Authorization: Bearer …` (gateway/dev-sign-in.ts).
 */

export interface Persona {
  name: string;
  title: string;
  org: string;
}

export interface SignedIn {
  persona: Persona;
  token: string;
  expiresAt: string;
}

/** The chosen persona's name is remembered in this browser; the token never is. */
const CHOICE_KEY = 'etk.graphiql.persona';

/** Who the README's first steps act as: the Jobbtorg coach. */
const FIRST_CHOICE = 'jobbtorgCoach';

/** The personas, or null when the gateway has no development sign-in (it trusts an identity provider). */
export async function loadPersonas(): Promise<Persona[] | null> {
  const response = await fetch('/dev/personas');
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET /dev/personas answered HTTP ${response.status}`);
  return (await response.json()) as Persona[];
}

/** The persona chosen last in this browser, else the coach, else the first. */
export function preferredPersona(personas: Persona[]): Persona {
  const remembered = window.localStorage.getItem(CHOICE_KEY);
  return personas.find((p) => p.name === remembered) ?? personas.find((p) => p.name === FIRST_CHOICE) ?? personas[0];
}

export async function signIn(persona: Persona): Promise<SignedIn> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona: persona.name }),
  });
  if (!response.ok) throw new Error(`POST /dev/token answered HTTP ${response.status}`);
  const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
  window.localStorage.setItem(CHOICE_KEY, persona.name);
  return { persona, token, expiresAt };
}

/** The header editor's text with `Authorization` set to the token, keeping every other header. */
export function headersWith(current: string, token: string): string | null {
  let headers: Record<string, unknown> = {};
  if (current.trim()) {
    try {
      headers = JSON.parse(current) as Record<string, unknown>;
    } catch {
      return null;
    }
    if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return null;
  }
  const others = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
  return JSON.stringify({ Authorization: `Bearer ${token}`, ...others }, null, 2);
}

function PersonaIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4.4 3.6-8 8-8s8 3.6 8 8" />
    </svg>
  );
}

/** The signed-in persona, shared by the picker and the logo, which stay mounted apart. */
let current: SignedIn | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setCurrent(signedIn: SignedIn): void {
  current = signedIn;
  for (const listener of listeners) listener();
}

/** The signed-in persona's header, for requests that carry none. */
export function currentAuthorization(): Record<string, string> {
  return current ? { Authorization: `Bearer ${current.token}` } : {};
}

function useSignedIn(): SignedIn | null {
  return useSyncExternalStore(subscribe, () => current);
}

/**
 * In GraphiQL's logo corner, always there: whom the requests act as. A tab opened or restored
 * without an `Authorization` header gets the signed-in persona's token (GraphiQL keeps no
 * headers across reloads).
 */
export function SignedInAs() {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const activeTab = useGraphiQL((state) => state.activeTabIndex);
  const signedIn = useSignedIn();
  useEffect(() => {
    if (!headerEditor || !signedIn || /"authorization"/i.test(headerEditor.getValue())) return;
    const filled = headersWith(headerEditor.getValue(), signedIn.token);
    if (filled) headerEditor.setValue(filled);
  }, [headerEditor, activeTab, signedIn]);
  return (
    <span className="etk-signed-in">
      GraphiQL{signedIn ? <small> as {signedIn.persona.title}</small> : null}
    </span>
  );
}

function PersonaPicker({ personas }: { personas: Persona[] | null }) {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const signedIn = useSignedIn();
  const [problem, setProblem] = useState<string | null>(null);

  if (!personas) {
    return (
      <div className="etk-personas">
        <div className="graphiql-doc-explorer-title">Personas</div>
        <p>This gateway trusts an identity provider, so it has no development sign-in: put a token of yours under Headers.</p>
      </div>
    );
  }

  const choose = async (persona: Persona) => {
    setProblem(null);
    try {
      const next = await signIn(persona);
      const filled = headerEditor ? headersWith(headerEditor.getValue(), next.token) : null;
      if (filled) headerEditor!.setValue(filled);
      else setProblem('The headers are not a JSON object; fix them, then choose again.');
      setCurrent(next);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  return (
    <div className="etk-personas">
      <div className="graphiql-doc-explorer-title">Personas</div>
      <p>
        Whom the requests act as. Choosing one puts a development token for it under <b>Headers</b> as <code>Authorization</code>.
      </p>
      <ul>
        {personas.map((persona) => (
          <li key={persona.name}>
            <button
              type="button"
              aria-pressed={signedIn?.persona.name === persona.name}
              data-persona={persona.name}
              onClick={() => void choose(persona)}
            >
              <strong>{persona.title}</strong>
              <span>
                {persona.org} · {persona.name}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {signedIn && (
        <p role="status">
          Signed in as {signedIn.persona.title} until {new Date(signedIn.expiresAt).toLocaleTimeString()}.
        </p>
      )}
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}

/** The picker as a GraphiQL plugin, signed in as `first` to begin with. */
export function personaPlugin(personas: Persona[] | null, first: SignedIn | null): GraphiQLPlugin {
  if (first) setCurrent(first);
  return {
    title: 'Personas',
    icon: PersonaIcon,
    content: () => <PersonaPicker personas={personas} />,
  };
}
