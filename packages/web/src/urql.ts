import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, type CombinedError, fetchExchange, mapExchange } from 'urql';

/** Graphcache key for value objects without an id: embed them in their parent. */
const embedded = () => null;

function isUnauthenticated(error: CombinedError): boolean {
  return (
    error.response?.status === 401 ||
    error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
  );
}

/**
 * The browser's urql client. It talks to this app's own `/graphql` route, which adds the access
 * token from the httpOnly session cookie and forwards to the gateway; the token never reaches
 * JavaScript. A refused token sends the user to the login page.
 */
export function createBrowserClient(): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      cacheExchange({
        keys: { Price: embedded, Money: embedded, Stock: embedded, SaleUnit: embedded, PageInfo: embedded },
      }),
      mapExchange({
        onError(error) {
          if (typeof window === 'undefined' || !isUnauthenticated(error)) return;
          const back = window.location.pathname + window.location.search;
          const query = back === '/' ? '' : `?redirectTo=${encodeURIComponent(back)}`;
          window.location.assign(`/login${query}`);
        },
      }),
      fetchExchange,
    ],
  });
}
