// A storefront page served from another origin than the gateway, in Debian's headless Chromium, for
// tests/Gateway.Tests/Frontends. Usage:
//   node cross-origin-page.mjs <endpoint url> <bearer token>
// Serves the same page from http://127.0.0.1:<free port> (a dev server's origin, allowed in Development) and from
// http://127.0.0.2:<free port> (an origin the gateway does not know). On each, the page calls the gateway as a
// browser app does: a POST with the token (a preflighted request), a POST with a broken token (the 401 must be
// readable), and a graphql-transport-ws socket signed in with the token. Prints one JSON report.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [endpoint, token] = process.argv.slice(2);
const watchdog = setTimeout(() => { console.error('cross-origin-page: timed out'); process.exit(3); }, 90_000);

// The page's script: everything it learns goes into window.report, then window.done is set.
const page = `<!doctype html><meta charset="utf-8"><title>storefront</title><script type="module">
const endpoint = ${JSON.stringify(endpoint)};
const token = ${JSON.stringify(token)};
const report = {};
async function post(authorization) {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: '{ viewer { id name } }' }),
    });
    return { status: response.status, cacheControl: response.headers.get('cache-control'), body: await response.json() };
  } catch (error) {
    return { failed: String(error) };
  }
}
report.signedIn = await post('Bearer ' + token);
report.badToken = await post('Bearer not-a-token');
report.socket = await new Promise((resolve) => {
  const socket = new WebSocket(endpoint.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const timer = setTimeout(() => resolve({ timedOut: true }), 10000);
  socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer ' + token } }));
  socket.onmessage = (message) => { clearTimeout(timer); resolve({ message: JSON.parse(message.data).type }); socket.close(); };
  socket.onerror = () => { clearTimeout(timer); resolve({ failed: true }); };
});
report.origin = location.origin;
window.report = report;
window.done = true;
</script>`;

async function serve(host) {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  return server;
}

const servers = [await serve('127.0.0.1'), await serve('127.0.0.2')];
const userDataDir = mkdtempSync(path.join(tmpdir(), 'cors-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
});
const output = { pages: [] };
try {
  const tab = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  tab.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  for (const server of servers) {
    const { address, port } = server.address();
    consoleErrors.length = 0;
    await tab.goto(`http://${address}:${port}/`);
    await tab.waitForFunction(() => window.done === true, null, { timeout: 30_000 });
    output.pages.push({ ...(await tab.evaluate(() => window.report)), consoleErrors: [...consoleErrors] });
  }
} catch (error) {
  output.error = String(error?.stack ?? error);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
  servers.forEach((server) => server.close());
  clearTimeout(watchdog);
}
console.log(JSON.stringify(output));
process.exit(0);
