import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './personas.css';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentAuthorization, headersWith, loadPersonas, personaPlugin, preferredPersona, SignedInAs, signIn } from './personas';

/**
 * GraphiQL on the gateway's own `/graphql`, signed in as a development persona (the picker on
 * the left). Everything it loads comes from this build; it works without a network.
 */

/** The README's first query: open cases at the coach's unit. */
const FIRST_QUERY = `# As the persona picked on the left (see Headers).
# Then ask for one of them: the README's query Person.
query Someone {
  cases(first: 5, filter: { unitCode: "VARBERG", status: OPEN }) {
    edges { node { person { personnummer givenName } targetGroup enrolledOn } }
  }
}
`;

const toGateway = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).href });

/**
 * GraphiQL's first introspection goes out before its header editor exists, so with no headers
 * at all; that one, and only a request without headers, goes as the signed-in persona.
 */
const fetcher: Fetcher = (params, options) => toGateway(params, options?.headers ? options : { ...options, headers: currentAuthorization() });

async function main(): Promise<void> {
  const root = createRoot(document.getElementById('graphiql')!);
  const personas = await loadPersonas();
  const first = personas ? await signIn(preferredPersona(personas)) : null;
  const plugin = personaPlugin(personas, first);
  const headers = first ? headersWith('', first.token)! : undefined;
  root.render(
    <StrictMode>
      <GraphiQL
        fetcher={fetcher}
        plugins={[plugin]}
        visiblePlugin={plugin}
        defaultQuery={FIRST_QUERY}
        initialHeaders={headers}
        defaultHeaders={headers}
        defaultEditorToolsVisibility="headers"
      >
        <GraphiQL.Logo>
          <SignedInAs />
        </GraphiQL.Logo>
      </GraphiQL>
    </StrictMode>,
  );
}

main().catch((error: Error) => {
  document.getElementById('graphiql')!.textContent = `GraphiQL could not start: ${error.message}`;
});
