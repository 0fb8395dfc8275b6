// Drives the Gateway.Http WebSocket transport with the reference graphql-ws client, for
// tests/Gateway.Http.Tests/WebSockets/GraphQLWsClientTests.cs.
//
//   node ws-client.mjs flow <ws-url> <token>       query, subscribe, mutate until the event arrives,
//                                                   complete, and check the server released the subscription
//   node ws-client.mjs forbidden <ws-url> <token>  connect with a rejected token, report the close code
//
// Prints one JSON line on success. Every wait is bounded; the whole run is capped by a watchdog.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [mode, url, token] = process.argv.slice(2);
const watchdog = setTimeout(() => {
  console.error('ws-client: timed out');
  process.exit(3);
}, 15000);

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let closeCode;
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { token },
  retryAttempts: 0,
  lazy: true,
  on: { closed: (event) => { closeCode = event.code; } },
});

/** Runs a single-result operation and resolves with its one result. */
function execute(query, variables) {
  return new Promise((resolve, reject) => {
    let result;
    client.subscribe({ query, variables }, {
      next: (value) => { result = value; },
      error: reject,
      complete: () => resolve(result),
    });
  });
}

async function flow() {
  const hello = await execute('{ hello me }');

  const events = client.iterate({ query: 'subscription { onPost { text author seenBy } }' });
  const firstEvent = events.next();

  // The protocol has no "subscribed" message, so publish until the first event proves the
  // subscription is live (bounded: 50 tries, 100 ms apart).
  let mutation;
  let event;
  for (let attempt = 0; attempt < 50 && !event; attempt++) {
    mutation = await execute('mutation($text: String!) { post(text: $text) { text author } }', { text: `hello ${attempt}` });
    event = await Promise.race([firstEvent, delay(100).then(() => undefined)]);
  }
  if (!event) throw new Error('no subscription event received');

  // Sends 'complete' for the subscription; the server must release it while the socket stays open.
  await events.return();
  let postSubscribers;
  for (let attempt = 0; attempt < 50; attempt++) {
    postSubscribers = (await execute('{ postSubscribers }')).data.postSubscribers;
    if (postSubscribers === 0) break;
    await delay(50);
  }

  await client.dispose();
  return { hello, mutation, event: event.value, postSubscribers };
}

async function forbidden() {
  try {
    await execute('{ hello }');
    return { closeCode, rejected: false };
  } catch (error) {
    return { closeCode: error?.code ?? closeCode, reason: error?.reason, rejected: true };
  }
}

try {
  const output = mode === 'flow' ? await flow() : mode === 'forbidden' ? await forbidden() : null;
  if (!output) throw new Error(`unknown mode '${mode}'`);
  console.log(JSON.stringify(output));
  clearTimeout(watchdog);
  process.exit(0);
} catch (error) {
  console.error('ws-client:', error?.stack ?? error?.reason ?? error);
  process.exit(1);
}
