// The official TypeScript SDK client (@modelcontextprotocol/sdk 1.x) against one MCP endpoint:
// connect with a bearer token, list tools, call one. Prints one JSON object on stdout.
//
// Env: MCP_URL, MCP_TOKEN, MCP_TOOL, MCP_ARGS (JSON object), MCP_PROTOCOL_VERSION (optional).
//
// SDK 1.x always offers its latest revision in `initialize` and has no option to pin another. To
// act as a client of an older revision, the transport's send() is wrapped so that the outgoing
// `initialize` request offers MCP_PROTOCOL_VERSION instead. Everything after that is the SDK's own
// behaviour: it checks the answered version against its supported list and sends it back in the
// MCP-Protocol-Version header of every later request (recorded here by a fetch wrapper).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const { MCP_URL, MCP_TOKEN, MCP_TOOL, MCP_ARGS = '{}', MCP_PROTOCOL_VERSION } = process.env;

const versionHeaders = new Set();
const recordingFetch = (url, init) => {
  const version = new Headers(init?.headers).get('mcp-protocol-version');
  if (version) versionHeaders.add(version);
  return fetch(url, init);
};

const transport = new StreamableHTTPClientTransport(new URL(MCP_URL), {
  requestInit: { headers: { Authorization: `Bearer ${MCP_TOKEN}` } },
  fetch: recordingFetch,
});
if (MCP_PROTOCOL_VERSION) {
  const send = transport.send.bind(transport);
  transport.send = (message, options) =>
    send(message.method === 'initialize'
      ? { ...message, params: { ...message.params, protocolVersion: MCP_PROTOCOL_VERSION } }
      : message, options);
}

const client = new Client({ name: 'switchboard-interop-sdk', version: '1.0.0' });
try {
  await client.connect(transport);
  const tools = await client.listTools();
  const call = await client.callTool({ name: MCP_TOOL, arguments: JSON.parse(MCP_ARGS) });
  console.log(JSON.stringify({
    protocolVersion: transport.protocolVersion,
    session: transport.sessionId !== undefined,
    versionHeaders: [...versionHeaders],
    server: client.getServerVersion(),
    tools: tools.tools.map((t) => t.name),
    call,
  }));
  await transport.terminateSession();
} finally {
  await client.close();
}
