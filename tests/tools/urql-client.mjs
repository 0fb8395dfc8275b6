// urql 6 with graphcache against the running gateway, for tests/Gateway.Tests/Frontends.
//
//   node urql-client.mjs <config.json>
//
// config: { endpoint, operations (folder of the .graphql files), viewerToken, reviewTokens: [token, ...], productId,
//           slug, maxPrice }
// Runs the four query screens into graphcache's normalized cache (entities keyed by __typename:id), pages the
// catalog with relayPagination, adds a review with no subscription open and reads the cached product again (cache
// only): the mutation's payload has updated it in place. Then subscribes to OnReviewAdded over Server-Sent Events
// (graphql-sse, distinct connections, the bearer token in a header) and sees the next review's event. Prints one
// JSON report; every wait is bounded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client, fetchExchange, subscriptionExchange, gql } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { createClient as createSseClient } from 'graphql-sse';

const watchdog = setTimeout(() => { console.error('urql-client: timed out'); process.exit(3); }, 90_000);
const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const operation = (name) => gql(readFileSync(path.join(config.operations, `${name}.graphql`), 'utf8'));
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const authorization = (token) => ({ authorization: `Bearer ${token}` });

// Object types without an id are embedded in their parent (graphcache would warn about each otherwise).
const embedded = ['Rating', 'Availability', 'StockLevel', 'PageInfo', 'ProductsConnection', 'ProductsEdge',
  'ReviewsConnection', 'ReviewsEdge', 'OrdersConnection', 'OrdersEdge', 'AddReviewPayload', 'DuplicateReviewError',
  'ProductNotFoundError', 'ValidationError'];
const sse = createSseClient({ url: config.endpoint, headers: () => authorization(config.viewerToken), retryAttempts: 0 });
let sseRequests = 0;
const client = new Client({
  url: config.endpoint,
  fetchOptions: () => ({ headers: authorization(config.viewerToken) }),
  // urql aborts a finished request when its result's consumer goes away (toPromise does at once); Node's fetch then
  // rejects a promise nobody awaits and the process dies. A browser ignores that abort, so this drops the signal.
  fetch: (url, init) => fetch(url, { ...init, signal: undefined }),
  exchanges: [
    cacheExchange({
      keys: Object.fromEntries(embedded.map((name) => [name, () => null])),
      resolvers: { Query: { products: relayPagination() } },
    }),
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => {
          sseRequests++;
          return { unsubscribe: sse.subscribe({ ...request, query: request.query ?? '' }, sink) };
        },
      }),
    }),
  ],
});

const report = { screens: {}, steps: [] };
const query = async (document, variables, context) => {
  const result = await client.query(document, variables, context).toPromise();
  if (result.error) throw new Error(`${document.definitions[0].name.value}: ${result.error.message}`);
  return result.data;
};
try {
  const productPage = operation('ProductPage');
  const home = await query(operation('HomePage'));
  report.screens.HomePage = { categories: home.categories.length, newArrivals: home.newArrivals.nodes.length };
  const product = await query(productPage, { id: config.productId });
  report.screens.ProductPage = { id: product.product.id, name: product.product.name, rating: product.product.rating };
  const history = await query(operation('OrderHistory'));
  report.screens.OrderHistory = { viewer: history.viewer.id, email: history.viewer.email, orders: history.viewer.orders.nodes.length };

  // relayPagination: the second page's result holds both pages, in order.
  const catalog = operation('CatalogPage');
  const variables = { slug: config.slug, maxPrice: config.maxPrice, first: 2 };
  const firstPage = await query(catalog, variables);
  const secondPage = await query(catalog, { ...variables, after: firstPage.products.pageInfo.endCursor });
  report.screens.CatalogPage = {
    totalCount: firstPage.products.totalCount,
    firstPage: firstPage.products.edges.map((edge) => edge.node.id),
    merged: secondPage.products.edges.map((edge) => edge.node.id),
  };

  // Served from the normalized cache alone: no request leaves.
  const cached = client.readQuery(productPage, { id: config.productId });
  report.cacheOnly = { productPage: cached?.data?.product?.id ?? null, stale: cached?.stale ?? null };
  report.steps.push('screens');
  console.error('urql-client: screens done');

  // The mutation alone, before any subscription: the payload's review { product { id rating } } is the only thing that
  // can change the cached product now. Read back from the cache alone.
  const addReview = operation('AddReview');
  const [mutationToken, ...subscriptionTokens] = config.reviewTokens;
  const cachedRating = () => client.readQuery(productPage, { id: config.productId })?.data?.product?.rating ?? null;
  const ratingBefore = cachedRating();
  const added = await client.mutation(
    addReview,
    { productId: config.productId, rating: 1, title: 'urql, no subscription', body: 'Sent by urql.' },
    { fetchOptions: { headers: authorization(mutationToken) } },
  ).toPromise();
  report.mutation = {
    sseRequests,
    errors: added.error?.message ?? added.data?.addReview?.errors ?? null,
    payloadRating: added.data?.addReview?.review?.product?.rating ?? null,
    ratingBefore,
    ratingAfter: cachedRating(),
  };

  // Then the live review over SSE: the next customers add one review each until the event comes (nothing tells when
  // the server has subscribed).
  let event;
  const { unsubscribe } = client.subscription(operation('OnReviewAdded'), { productId: config.productId }).subscribe((result) => {
    if (result.error) report.subscriptionError = result.error.message;
    event ??= result.data?.onReviewAdded;
  });
  await delay(1000);
  for (const token of subscriptionTokens) {
    const sent = await client.mutation(
      addReview,
      { productId: config.productId, rating: 1, title: 'urql says hi', body: 'Sent by urql.' },
      { fetchOptions: { headers: authorization(token) } },
    ).toPromise();
    report.attempts = [...(report.attempts ?? []), { errors: sent.error?.message ?? sent.data?.addReview?.errors ?? null }];
    for (let i = 0; i < 60 && !event; i++) await delay(50);
    if (event) break;
  }
  unsubscribe();
  report.review = { event, sseRequests };
} catch (error) {
  report.error = String(error?.stack ?? error);
} finally {
  clearTimeout(watchdog);
}
console.log(JSON.stringify(report));
process.exit(0);
