// Runs the graphql-http conformance audit (GraphQL over HTTP) against a server and prints one JSON line:
// { "results": [{ "id", "name", "status": "ok" | "warn" | "error", "reason" }] }.
// Usage: node audit.mjs http://127.0.0.1:PORT/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}

const results = await auditServer({ url });
const summary = await Promise.all(
  results.map(async (result) => ({
    id: result.id,
    name: result.name,
    status: result.status,
    reason: result.status === 'ok' ? undefined : result.reason,
    // The failing response helps to see why an audit failed.
    response: result.status === 'ok' ? undefined : await describe(result.response),
  })),
);
console.log(JSON.stringify({ results: summary }));

async function describe(response) {
  if (!response) return undefined;
  let body;
  try {
    body = await response.text();
  } catch {
    body = '(body already read)';
  }
  return { status: response.status, contentType: response.headers.get('content-type'), body: body.slice(0, 500) };
}
