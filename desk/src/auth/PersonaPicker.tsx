import { useEffect, useState } from 'react';
import { sessionFromToken, type Session } from './session';

/**
 * Development sign-in: the gateway's development personas (`GET /dev/personas`) and a token
 * for the one picked (`POST /dev/token`). Those endpoints exist only in development, and
 * this module is loaded only when `config.json` says development, so a production desk
 * carries none of it.
 */

interface Persona {
  name: string;
  title: string;
  org: string;
}

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; personas: Persona[] };

async function devJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(new URL(path, document.baseURI), init);
  if (!response.ok) throw new Error(`${path} svarade HTTP ${response.status}`);
  return (await response.json()) as T;
}

export default function PersonaPicker({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const fetchPersonas = () => {
    setLoad({ state: 'loading' });
    devJson<Persona[]>('dev/personas')
      .then((personas) => setLoad({ state: 'ready', personas }))
      .catch((error: Error) => setLoad({ state: 'failed', message: error.message }));
  };
  useEffect(fetchPersonas, []);

  async function pick(persona: Persona) {
    setBusy(persona.name);
    setFailure(null);
    try {
      const { token } = await devJson<{ token: string; expiresAt: string }>('dev/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ persona: persona.name }),
      });
      onSignedIn(sessionFromToken(token, persona.title));
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(null);
    }
  }

  if (load.state === 'loading') return <p>Hämtar utvecklingsroller …</p>;
  if (load.state === 'failed') {
    return (
      <div role="alert" className="fault">
        <p>Utvecklingsrollerna kunde inte hämtas: {load.message}</p>
        <button type="button" onClick={fetchPersonas}>Försök igen</button>
      </div>
    );
  }
  return (
    <section aria-labelledby="persona-heading" data-testid="persona-picker">
      <h2 id="persona-heading">Logga in som en utvecklingsroll</h2>
      <p>Endast i utvecklingsmiljön: välj vem du vill vara.</p>
      <ul className="personas">
        {load.personas.map((persona) => (
          <li key={persona.name}>
            <button type="button" onClick={() => pick(persona)} disabled={busy !== null} data-persona={persona.name}>
              <span className="persona-title">{persona.title}</span>
              <span className="persona-org">{persona.org}</span>
            </button>
          </li>
        ))}
      </ul>
      {failure && <p role="alert" className="fault">Inloggningen misslyckades: {failure}</p>}
    </section>
  );
}
