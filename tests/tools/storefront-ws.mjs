// Drives the storefront's subscriptions with the reference graphql-ws client, for
// tests/Gateway.Tests/Subscriptions.
//
//   node storefront-ws.mjs subscribe <ws-url> <document-file> <variables-json> <expected|end> <connection-params-json> <complete|close>
//       subscribes, collects results until <expected> arrived (`end`: none suffices), the server completes or
//       errors, or the socket closes; then completes the subscription (`complete`) or not (`close`), and closes
//       the socket. It never waits for results that should not come: a test proves that with a sentinel event
//       published last, which must be the last result counted.
//   node storefront-ws.mjs malformed <ws-url> <raw-message>
//       acknowledged connection (raw `ws`, as graphql-ws never sends malformed messages), then <raw-message>;
//       reports the close code
//
// Prints one JSON line. Every wait is bounded; the whole run is capped by a watchdog.
import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [mode, url, ...rest] = process.argv.slice(2);
const watchdog = setTimeout(() => {
  console.error('storefront-ws: timed out');
  process.exit(3);
}, 20000);

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function subscribe(documentFile, variablesJson, expectedText, connectionParamsJson, ending) {
  const query = readFileSync(documentFile, 'utf8');
  const variables = JSON.parse(variablesJson);
  const expected = expectedText === 'end' ? Infinity : Number(expectedText);
  const connectionParams = JSON.parse(connectionParamsJson ?? 'null') ?? undefined;

  let closeCode;
  let closeReason;
  let acknowledged = false;
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    on: {
      connected: () => { acknowledged = true; },
      closed: (event) => { closeCode = event.code; closeReason = event.reason; },
    },
  });

  const results = [];
  let errors;
  let completed = false;
  let ended;
  const end = new Promise((resolve) => { ended = resolve; });
  const unsubscribe = client.subscribe({ query, variables }, {
    next: (value) => {
      results.push(value);
      if (results.length === expected) ended();
    },
    error: (error) => {
      // An array of GraphQL errors from an `error` message, or the CloseEvent of a refused socket.
      errors = Array.isArray(error) ? error : [{ message: String(error?.reason ?? error), code: error?.code }];
      ended();
    },
    complete: () => { completed = true; ended(); },
  });

  await Promise.race([end, delay(15000)]);
  const timedOut = results.length < expected && !completed && !errors;
  // `close` leaves the subscription running when the socket goes, as a closed browser tab does.
  if (ending !== 'close') unsubscribe();
  await client.dispose();
  return { acknowledged, results, errors, completed, timedOut, closeCode, closeReason };
}

async function malformed(rawMessage) {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
  const acknowledged = new Promise((resolve) => socket.on('message', (data) => {
    if (JSON.parse(data.toString()).type === 'connection_ack') resolve(true);
  }));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  const ack = await Promise.race([acknowledged, delay(5000).then(() => false)]);
  if (!ack) throw new Error('no connection_ack');
  socket.send(rawMessage);
  const close = await Promise.race([closed, delay(5000).then(() => undefined)]);
  if (!close) {
    socket.terminate();
    throw new Error('the server did not close the socket');
  }
  return { closeCode: close.code, closeReason: close.reason };
}

try {
  const output = mode === 'subscribe' ? await subscribe(...rest) : mode === 'malformed' ? await malformed(rest[0]) : null;
  if (!output) throw new Error(`unknown mode '${mode}'`);
  console.log(JSON.stringify(output));
  clearTimeout(watchdog);
  process.exit(0);
} catch (error) {
  console.error('storefront-ws:', error?.stack ?? error?.reason ?? error);
  process.exit(1);
}
