// Drives the Banana Cake Pop IDE served by the gateway in headless Chromium (Debian's /usr/bin/chromium) and
// prints one JSON line with what happened. Usage:
//   node bcp-browser.mjs <endpoint url> <screenshot.png> [query] [text the response must show]
// Checks: the page loads from the endpoint, the IDE fetches the schema (introspection POST), a query typed into
// its editor runs, the response pane shows the result, and no request leaves the server's origin (no CDN).
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [url, screenshot, query = '{ __typename }', expected = '"__typename"'] = process.argv.slice(2);
if (!url || !screenshot) {
  console.error('usage: node bcp-browser.mjs <endpoint url> <screenshot.png> [query] [expected text]');
  process.exit(2);
}

const origin = new URL(url).origin;
const report = { url, loaded: false, schemaFetched: false, queryRan: false, responseText: null, foreignRequests: [], steps: [] };
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
  page.on('request', (request) => {
    const requestUrl = request.url();
    if (!requestUrl.startsWith(origin) && !requestUrl.startsWith('data:') && !requestUrl.startsWith('blob:')) {
      report.foreignRequests.push(requestUrl);
    }
  });
  const introspection = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().startsWith(url)
      && (response.request().postData() ?? '').includes('__schema') && response.ok(),
    { timeout: 60_000 });

  await page.goto(url);
  await page.getByRole('button', { name: 'Create Document' }).click();
  report.loaded = true;
  report.steps.push('page loaded, document created');

  const schemaResponse = await introspection;
  report.schemaFetched = (await schemaResponse.text()).includes('"__schema"');
  await page.getByText('Schema available').waitFor();
  report.steps.push('schema fetched');

  // The first Monaco editor is the operation editor; insertText avoids the editor's auto-closed brackets.
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.insertText(query);
  report.steps.push('query typed');
  await page.waitForTimeout(1000);

  // Close the editor's suggestion widget, which would otherwise cover the Run button. The IDE takes the editor's
  // text into its state after a short debounce, so a Run right after typing may send an empty query: run again.
  await page.keyboard.press('Escape');
  for (let attempt = 1; !report.queryRan; attempt++) {
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.request().method() === 'POST' && candidate.url().startsWith(url)
        && !(candidate.request().postData() ?? '').includes('IntrospectionQuery')),
      page.locator('button').filter({ hasText: /^\s*Run\s*$/ }).first().click(),
    ]);
    const sent = JSON.parse(response.request().postData() ?? '{}').query;
    report.steps.push(`run ${attempt} sent ${JSON.stringify(sent)}`);
    if (sent === query) {
      break;
    }

    if (attempt === 5) {
      throw new Error(`the IDE did not send the typed query: ${JSON.stringify(sent)}`);
    }

    await page.waitForTimeout(1000);
  }

  report.queryRan = true;

  const responsePane = page.locator('.monaco-editor .view-lines').filter({ hasText: expected });
  await responsePane.first().waitFor();
  report.responseText = (await responsePane.first().innerText()).replace(/\u00a0/g, ' ');
  report.steps.push('result shown');

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

console.log(JSON.stringify(report));
process.exit(report.error ? 1 : 0);
