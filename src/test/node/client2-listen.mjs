// The 2.x TypeScript client (@modelcontextprotocol/client) pinned to 2026-07-28 opens a
// subscriptions/listen stream for tool-list changes, then changes the user's credentials through
// the REST API and waits for notifications/tools/list_changed on that stream. Prints one JSON
// object on stdout: the honored filter, how long the acknowledgement took, whether the change came.
//
// Env: MCP_URL, MCP_TOKEN, API_URL (the server's base URL).
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const { MCP_URL, MCP_TOKEN, API_URL } = process.env;

const transport = new StreamableHTTPClientTransport(new URL(MCP_URL), {
  requestInit: { headers: { Authorization: `Bearer ${MCP_TOKEN}` } },
});
const client = new Client({ name: 'switchboard-interop-listen', version: '1.0.0' },
  { versionNegotiation: { mode: { pin: '2026-07-28' } } });
let changed;
const listChanged = new Promise((resolve) => { changed = resolve; });
client.setNotificationHandler('notifications/tools/list_changed', () => changed(true));
try {
  await client.connect(transport);
  const started = Date.now();
  // a short ack timeout: a server that never acknowledges fails here instead of after 60 s
  const subscription = await client.listen({ toolsListChanged: true, promptsListChanged: true }, { timeout: 5000 });
  const ackMs = Date.now() - started;
  const created = await fetch(`${API_URL}/api/v1/credentials?verify=true`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${MCP_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ provider: 'calculator', authMethod: 'NONE', label: 'Listen', fields: {} }),
  });
  const received = await Promise.race([listChanged,
    new Promise((resolve) => setTimeout(() => resolve(false), 10000))]);
  const receivedMs = Date.now() - started;
  await subscription.close();
  console.log(JSON.stringify({ honored: subscription.honoredFilter, ackMs, created: created.status, received,
    receivedMs, closedMs: Date.now() - started }));
} finally {
  await client.close();
}
