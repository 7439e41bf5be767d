import { cacheExchange, Client, fetchExchange, mapExchange, type CombinedError } from 'urql';

/**
 * The desk's GraphQL client: every request to the gateway's `/graphql` carries the user's
 * bearer token, and an answer that says the token is no good (HTTP 401) signs the user out,
 * to the sign-in page.
 */
export function isUnauthenticated(error: CombinedError): boolean {
  return (
    error.response?.status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
  );
}

export function createClient(url: string, token: () => string | null, onUnauthenticated: () => void): Client {
  return new Client({
    url: new URL(url, document.baseURI).toString(),
    // The plan and the worklists change under other agencies' hands: ask the gateway each time a view opens.
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetchOptions: (): RequestInit => {
      const bearer = token();
      const headers: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : {};
      return { headers };
    },
    exchanges: [
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
