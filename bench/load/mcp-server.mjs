// Minimal MCP server over stdio, used as the backend of the Node proxy baseline
// (see node-proxy.sh and README.md). It offers one tool, get_item { id }, doing the
// same work as a Switchboard API tool: GET UPSTREAM_URL/items/<id> with a bearer
// token, and return the upstream body as one text content item (isError unless 2xx).
//
// Environment:
//   UPSTREAM_URL     e.g. http://127.0.0.1:18081   (required)
//   UPSTREAM_TOKEN   sent as "Authorization: Bearer <token>"
//   SWITCHBOARD_NPM  npm prefix holding @modelcontextprotocol/sdk and zod
//                    (default: <repo>/target/npm, written by scripts/fetch-test-fixtures.sh)
//
// The SDK is not installed next to this file, and ESM "import" does not honour
// NODE_PATH, so the modules are resolved from SWITCHBOARD_NPM with createRequire.
// That still goes through the package "exports" map (its "require" condition).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const npmPrefix = process.env.SWITCHBOARD_NPM || join(here, '..', '..', 'target', 'npm');
const require = createRequire(join(npmPrefix, 'package.json'));

const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StdioServerTransport } = require('@modelcontextprotocol/sdk/server/stdio.js');
const { z } = require('zod');

const upstream = process.env.UPSTREAM_URL;
if (!upstream) {
  process.stderr.write('mcp-server.mjs: UPSTREAM_URL is not set\n');
  process.exit(2);
}
const base = upstream.replace(/\/+$/, '');
const authorization = 'Bearer ' + (process.env.UPSTREAM_TOKEN ?? '');

const server = new McpServer({ name: 'bench-node-items', version: '1.0.0' });

server.registerTool(
  'get_item',
  {
    description: 'Fetch one item by id from the upstream API',
    inputSchema: { id: z.string() },
  },
  async ({ id }) => {
    // Node's fetch (undici) keeps connections alive by default.
    const res = await fetch(base + '/items/' + encodeURIComponent(id), {
      headers: { Authorization: authorization },
    });
    const text = await res.text();
    return { content: [{ type: 'text', text }], isError: !res.ok };
  },
);

await server.connect(new StdioServerTransport());
