// The 2.x TypeScript client (@modelcontextprotocol/client) pinned to the stateless revision
// 2026-07-28: server/discover at connect, then list tools and call one, each request carrying its
// own _meta envelope. Prints one JSON object on stdout.
//
// Env: MCP_URL, MCP_TOKEN, MCP_TOOL, MCP_ARGS (JSON object), MCP_PROTOCOL_VERSION (the pin).
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const { MCP_URL, MCP_TOKEN, MCP_TOOL, MCP_ARGS = '{}', MCP_PROTOCOL_VERSION = '2026-07-28' } = process.env;

const transport = new StreamableHTTPClientTransport(new URL(MCP_URL), {
  requestInit: { headers: { Authorization: `Bearer ${MCP_TOKEN}` } },
});
const client = new Client({ name: 'switchboard-interop-client2', version: '1.0.0' },
  { versionNegotiation: { mode: { pin: MCP_PROTOCOL_VERSION } } });
try {
  await client.connect(transport);
  const tools = await client.listTools();
  const call = await client.callTool({ name: MCP_TOOL, arguments: JSON.parse(MCP_ARGS) });
  console.log(JSON.stringify({
    protocolVersion: client.getNegotiatedProtocolVersion(),
    era: client.getProtocolEra(),
    session: transport.sessionId !== undefined,
    supportedVersions: client.getDiscoverResult()?.supportedVersions ?? null,
    server: client.getServerVersion(),
    tools: tools.tools.map((t) => t.name),
    call,
  }));
} finally {
  await client.close();
}
