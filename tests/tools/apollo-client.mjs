// Apollo Client 3 against the running gateway, as a storefront would use it, for tests/Gateway.Tests/Frontends.
//
//   node apollo-client.mjs <config.json>
//
// config: { endpoint, operations (folder of the .graphql files), mode: "apq" | "trusted", manifest (trusted mode),
//           viewerToken, reviewTokens: [token, ...], productId, slug, maxPrice }
// "apq": Apollo's persisted-queries link with SHA-256 from node:crypto, hashed queries over GET; the first request of
// each document misses and is retried with its text, a second client then hits by hash alone.
// "trusted": the link's ids come from the manifest (Apollo's persisted query lists), so only hashes travel.
// Runs the four query screens into one normalized cache, pages the catalog with fetchMore over relayStylePagination,
// and (in "apq" mode) adds a review with no subscription open, reads the cached product (cache only) to see the
// mutation payload's rating in it, then subscribes to OnReviewAdded over graphql-ws and sees the next review's event.
// Prints one JSON report; every wait is bounded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ApolloClient, InMemoryCache, HttpLink, ApolloLink, gql, split } from '@apollo/client/core/index.js';
import { relayStylePagination, getMainDefinition } from '@apollo/client/utilities/index.js';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries/index.js';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions/index.js';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';

const watchdog = setTimeout(() => { console.error('apollo-client: timed out'); process.exit(3); }, 90_000);
const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const operation = (name) => readFileSync(path.join(config.operations, `${name}.graphql`), 'utf8');
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Every HTTP exchange, as the gateway saw it: method, whether the text or only the hash travelled, the error code.
const exchanges = [];
async function recordingFetch(url, init) {
  const response = await fetch(url, init);
  const body = init?.body ? JSON.parse(init.body) : Object.fromEntries(new URL(url).searchParams);
  const clone = await response.clone().json().catch(() => null);
  exchanges.push({
    method: init?.method ?? 'GET',
    operationName: body.operationName,
    sentQuery: typeof body.query === 'string' && body.query.length > 0,
    status: response.status,
    code: clone?.errors?.[0]?.extensions?.code ?? null,
    contentEncoding: response.headers.get('content-encoding'),
  });
  return response;
}

// Apollo's persisted query lists: the document's operation name picks its manifest id.
const manifestIds = {};
if (config.mode === 'trusted') {
  for (const [hash, text] of Object.entries(JSON.parse(readFileSync(config.manifest, 'utf8')))) {
    manifestIds[/(?:query|mutation|subscription)\s+(\w+)/.exec(text)[1]] = hash;
  }
}

function createApollo() {
  const cache = new InMemoryCache({
    typePolicies: {
      // Pages of one product list (same filter and order) are merged; first/after only pick the page.
      Query: { fields: { products: relayStylePagination(['where', 'order']) } },
    },
  });
  const persisted = createPersistedQueryLink(config.mode === 'trusted'
    ? { generateHash: (document) => manifestIds[getMainDefinition(document).name.value], useGETForHashedQueries: true }
    : { sha256, useGETForHashedQueries: true });
  const auth = new ApolloLink((op, forward) => {
    const token = op.getContext().token ?? config.viewerToken;
    op.setContext(({ headers = {} }) => ({ headers: { ...headers, authorization: `Bearer ${token}` } }));
    return forward(op);
  });
  const http = auth.concat(persisted).concat(new HttpLink({ uri: config.endpoint, fetch: recordingFetch }));
  const ws = new GraphQLWsLink(createWsClient({
    url: config.endpoint.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${config.viewerToken}` },
    retryAttempts: 0,
    on: { connected: () => { wsConnected = true; } },
  }));
  const link = split(({ query }) => getMainDefinition(query).operation === 'subscription', ws, http);
  return new ApolloClient({ link, cache });
}

let wsConnected = false;
const report = { mode: config.mode, screens: {}, steps: [] };
const client = createApollo();
try {
  const productPage = gql(operation('ProductPage'));
  const home = await client.query({ query: gql(operation('HomePage')) });
  report.screens.HomePage = { categories: home.data.categories.length, newArrivals: home.data.newArrivals.nodes.length };
  const product = await client.query({ query: productPage, variables: { id: config.productId } });
  report.screens.ProductPage = { id: product.data.product.id, name: product.data.product.name, reviews: product.data.product.reviews.nodes.length };
  const history = await client.query({ query: gql(operation('OrderHistory')) });
  report.screens.OrderHistory = { viewer: history.data.viewer.id, email: history.data.viewer.email, orders: history.data.viewer.orders.nodes.length };

  // Catalog: a page of 2, then fetchMore with the end cursor; the watched query shows both pages merged.
  const catalog = client.watchQuery({ query: gql(operation('CatalogPage')), variables: { slug: config.slug, maxPrice: config.maxPrice, first: 2 } });
  const firstPage = await catalog.result();
  await catalog.fetchMore({ variables: { after: firstPage.data.products.pageInfo.endCursor } });
  const merged = catalog.getCurrentResult().data.products;
  report.screens.CatalogPage = {
    totalCount: firstPage.data.products.totalCount,
    firstPage: firstPage.data.products.edges.map((edge) => edge.node.id),
    merged: merged.edges.map((edge) => edge.node.id),
  };

  // The normalized cache: one entry per __typename:id, whichever screen brought it.
  const entries = Object.keys(client.cache.extract());
  report.cacheKeys = {
    products: entries.filter((key) => key.startsWith('Product:')).length,
    categories: entries.filter((key) => key.startsWith('Category:')).length,
    hasProduct: entries.includes(`Product:${config.productId}`),
  };
  report.steps.push('screens');

  // A second client (a new page load): every query document is known by now, so only hashes travel.
  const before = exchanges.length;
  const second = createApollo();
  await second.query({ query: gql(operation('HomePage')) });
  await second.query({ query: productPage, variables: { id: config.productId } });
  report.secondClient = exchanges.slice(before);
  second.stop();

  if (config.mode === 'apq') {
    // The mutation alone, before any subscription (graphql-ws opens its socket lazily, on the first subscribe): the
    // payload's review { product { id rating } } is the only thing that can change the cached product now.
    const addReview = gql(operation('AddReview'));
    const [mutationToken, ...subscriptionTokens] = config.reviewTokens;
    const cachedRating = () => client.readQuery({ query: productPage, variables: { id: config.productId } }).product.rating;
    const ratingBefore = cachedRating();
    const added = await client.mutate({
      mutation: addReview,
      variables: { productId: config.productId, rating: 5, title: 'Apollo, no subscription', body: 'Sent by Apollo Client.' },
      context: { token: mutationToken },
    });
    report.mutation = {
      socketOpened: wsConnected,
      errors: added.data.addReview.errors,
      payloadRating: added.data.addReview.review?.product.rating ?? null,
      ratingBefore,
      ratingAfter: cachedRating(),
    };

    // Then the live review: subscribe over graphql-ws, and the next customers add one review each until the event comes
    // (the protocol has no "subscribed" acknowledgement).
    let event;
    const subscription = client.subscribe({ query: gql(operation('OnReviewAdded')), variables: { productId: config.productId } })
      .subscribe({ next: (result) => { event ??= result.data.onReviewAdded; }, error: (error) => { report.subscriptionError = String(error); } });
    for (let i = 0; i < 100 && !wsConnected; i++) await delay(50);
    await delay(500);
    for (const token of subscriptionTokens) {
      const sent = await client.mutate({
        mutation: addReview,
        variables: { productId: config.productId, rating: 5, title: 'Apollo says hi', body: 'Sent by Apollo Client.' },
        context: { token },
      });
      report.attempts = [...(report.attempts ?? []), { errors: sent.data.addReview.errors }];
      for (let i = 0; i < 60 && !event; i++) await delay(50);
      if (event) break;
    }
    subscription.unsubscribe();
    report.review = { event };
  }
  report.exchanges = exchanges;
} catch (error) {
  report.error = String(error?.stack ?? error);
} finally {
  client.stop();
  clearTimeout(watchdog);
}
console.log(JSON.stringify(report));
process.exit(0);
