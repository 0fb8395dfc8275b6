// Runs a subscription in the Banana Cake Pop IDE served by the gateway, in headless Chromium (Debian's
// /usr/bin/chromium), and prints one JSON line with what happened. Usage:
//   node bcp-subscription.mjs <endpoint url> <screenshot.png> <subscription> <text the response must show>
// Checks that the IDE, with no connection settings, opens its WebSocket at the endpoint (http → ws), speaks
// graphql-transport-ws, sends the typed subscription, and shows a pushed event (the test publishes events meanwhile).
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [url, screenshot, query, expected] = process.argv.slice(2);
if (!url || !screenshot || !query || !expected) {
  console.error('usage: node bcp-subscription.mjs <endpoint url> <screenshot.png> <subscription> <expected text>');
  process.exit(2);
}

const report = { url, sockets: [], subscribeSent: null, eventReceived: false, responseText: null, steps: [] };
const userDataDir = mkdtempSync(path.join(tmpdir(), 'bcp-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync',
  ],
  viewport: { width: 1400, height: 900 },
});

try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  let subscribed;
  const subscribeFrame = new Promise((resolve) => { subscribed = resolve; });
  page.on('websocket', (socket) => {
    const entry = { url: socket.url(), sent: [], received: [] };
    report.sockets.push(entry);
    socket.on('framesent', ({ payload }) => {
      const message = safeParse(payload);
      entry.sent.push(message?.type ?? String(payload).slice(0, 100));
      if (message?.type === 'subscribe') subscribed(message.payload?.query);
    });
    socket.on('framereceived', ({ payload }) => {
      const message = safeParse(payload);
      entry.received.push(message?.type ?? String(payload).slice(0, 100));
      if (message?.type === 'next') report.eventReceived = true;
    });
  });

  await page.goto(url);
  await page.getByRole('button', { name: 'Create Document' }).click();
  await page.getByText('Schema available').waitFor();
  report.steps.push('page loaded, schema fetched');

  await page.locator('.monaco-editor').first().click();
  await page.keyboard.insertText(query);
  // The IDE takes the editor's text into its state after a debounce; the suggestion widget would cover Run.
  await page.waitForTimeout(1500);
  await page.keyboard.press('Escape');
  await page.locator('button').filter({ hasText: /^\s*(Run|Subscribe)\s*$/ }).first().click();
  report.steps.push('run clicked');

  report.subscribeSent = await Promise.race([subscribeFrame, page.waitForTimeout(15_000).then(() => null)]);
  if (report.subscribeSent !== query) {
    throw new Error(`the IDE did not send the typed subscription: ${JSON.stringify(report.subscribeSent)}`);
  }
  report.steps.push('subscription sent');

  const responsePane = page.locator('.monaco-editor .view-lines').filter({ hasText: expected });
  await responsePane.first().waitFor();
  report.responseText = (await responsePane.first().innerText()).replace(/\u00a0/g, ' ');
  report.steps.push('event shown');
  await page.screenshot({ path: screenshot });
} catch (error) {
  report.error = String(error?.message ?? error);
  try {
    await context.pages()[0]?.screenshot({ path: screenshot });
  } catch {
    // The screenshot of a failure is a bonus.
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

function safeParse(payload) {
  try {
    return JSON.parse(typeof payload === 'string' ? payload : payload.toString());
  } catch {
    return null;
  }
}

console.log(JSON.stringify(report));
process.exit(report.error ? 1 : 0);
