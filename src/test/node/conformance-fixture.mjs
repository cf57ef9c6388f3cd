// The MCP server the conformance suite's server scenarios expect (their "Server Implementation
// Requirements": the fixture tools test_simple_text, test_image_content, …), written for
// Switchboard's tests on the official TypeScript SDK's server (@modelcontextprotocol/sdk 1.x), with
// the fixture resources (test://static-text, test://static-binary, the template
// test://template/{id}/data, test://watched-resource), prompts (test_simple_prompt, …) and
// completions the resources-*, prompts-* and completion-complete scenarios ask for.
// ConformanceSuiteIT runs the suite against it directly and through a Switchboard bundle.
//
// Env: PORT. Endpoints:
//   /mcp                 every fixture tool, prompt and resource under its own name
//   /strip/PREFIX/mcp    only the tools and prompts named PREFIX_…, without that prefix, and the
//                        resources whose URI scheme is PREFIX: a Switchboard provider whose slug is
//                        PREFIX shows them under the names the suite calls again (tool and prompt
//                        names through a bundle are {provider}_{name}; a URI whose scheme is the
//                        provider's slug keeps its name).
// Host and Origin must be localhost ones (the dns-rebinding-protection scenario).
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { InMemoryEventStore } from '@modelcontextprotocol/sdk/examples/shared/inMemoryEventStore.js';
import {
  CallToolRequestSchema, ListToolsRequestSchema, SetLevelRequestSchema,
  CreateMessageResultSchema, ElicitResultSchema,
  ListResourcesRequestSchema, ListResourceTemplatesRequestSchema, ReadResourceRequestSchema,
  SubscribeRequestSchema, UnsubscribeRequestSchema, ListPromptsRequestSchema, GetPromptRequestSchema,
  CompleteRequestSchema, McpError, ErrorCode,
} from '@modelcontextprotocol/sdk/types.js';

// A 1x1 PNG and a tiny WAV, generated for these tests.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const WAV = 'UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAA=';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (t) => ({ content: [{ type: 'text', text: t }] });
const noArgs = { type: 'object', properties: {} };

const TOOLS = [
  { name: 'test_simple_text', description: 'Returns a simple text', inputSchema: noArgs,
    run: async () => text('This is a simple text response for testing.') },
  { name: 'test_image_content', description: 'Returns an image', inputSchema: noArgs,
    run: async () => ({ content: [{ type: 'image', data: PNG, mimeType: 'image/png' }] }) },
  { name: 'test_audio_content', description: 'Returns audio', inputSchema: noArgs,
    run: async () => ({ content: [{ type: 'audio', data: WAV, mimeType: 'audio/wav' }] }) },
  { name: 'test_embedded_resource', description: 'Returns an embedded resource', inputSchema: noArgs,
    run: async () => ({ content: [{ type: 'resource', resource: { uri: 'test://embedded-resource',
      mimeType: 'text/plain', text: 'This is an embedded resource content.' } }] }) },
  { name: 'test_multiple_content_types', description: 'Returns text, an image and a resource', inputSchema: noArgs,
    run: async () => ({ content: [
      { type: 'text', text: 'Multiple content types test:' },
      { type: 'image', data: PNG, mimeType: 'image/png' },
      { type: 'resource', resource: { uri: 'test://mixed-content-resource', mimeType: 'application/json',
        text: '{"test":"data","value":123}' } },
    ] }) },
  { name: 'test_error_handling', description: 'Always fails', inputSchema: noArgs,
    run: async () => ({ isError: true, content: [{ type: 'text',
      text: 'This tool intentionally returns an error for testing' }] }) },
  { name: 'test_tool_with_progress', description: 'Reports progress', inputSchema: noArgs,
    run: async (args, extra) => {
      const token = extra._meta?.progressToken;
      for (const progress of [0, 50, 100]) {
        if (token !== undefined) {
          await extra.sendNotification({ method: 'notifications/progress',
            params: { progressToken: token, progress, total: 100 } });
        }
        if (progress < 100) await sleep(50);
      }
      return text('Progress tool completed');
    } },
  { name: 'test_tool_with_logging', description: 'Logs while it runs', inputSchema: noArgs,
    run: async (args, extra) => {
      for (const [i, data] of ['Tool execution started', 'Tool processing data', 'Tool execution completed'].entries()) {
        if (i > 0) await sleep(50);
        await extra.sendNotification({ method: 'notifications/message', params: { level: 'info', data } });
      }
      return text('Logging tool completed');
    } },
  { name: 'test_sampling', description: 'Asks the client to sample',
    inputSchema: { type: 'object', properties: { prompt: { type: 'string' } }, required: ['prompt'] },
    run: async (args, extra) => {
      const answer = await extra.sendRequest({ method: 'sampling/createMessage', params: {
        messages: [{ role: 'user', content: { type: 'text', text: args.prompt } }], maxTokens: 100 } },
      CreateMessageResultSchema);
      return text('LLM response: ' + (answer.content?.text ?? JSON.stringify(answer.content)));
    } },
  { name: 'test_elicitation', description: 'Asks the user',
    inputSchema: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] },
    run: async (args, extra) => {
      const answer = await extra.sendRequest({ method: 'elicitation/create', params: {
        message: args.message, requestedSchema: { type: 'object', properties: {
          username: { type: 'string', description: "User's response" },
          email: { type: 'string', description: "User's email address" } }, required: ['username', 'email'] } } },
      ElicitResultSchema);
      return text('User response: ' + JSON.stringify(answer));
    } },
  { name: 'json_schema_2020_12_tool', description: 'Tool with JSON Schema 2020-12 features',
    inputSchema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object',
      $defs: { address: { type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } } },
      properties: { name: { type: 'string' }, address: { $ref: '#/$defs/address' } }, additionalProperties: false },
    run: async () => text('ok') },
];

const RESOURCES = [
  { uri: 'test://static-text', name: 'static-text', description: 'A static text resource', mimeType: 'text/plain',
    read: (uri) => ({ uri, mimeType: 'text/plain', text: 'This is the content of the static text resource.' }) },
  { uri: 'test://static-binary', name: 'static-binary', description: 'A static binary resource (a PNG)',
    mimeType: 'image/png', read: (uri) => ({ uri, mimeType: 'image/png', blob: PNG }) },
  { uri: 'test://watched-resource', name: 'watched-resource', description: 'A resource to subscribe to',
    mimeType: 'text/plain', read: (uri) => ({ uri, mimeType: 'text/plain', text: 'Watched resource content.' }) },
];
const TEMPLATES = [
  { uriTemplate: 'test://template/{id}/data', name: 'template-data', description: 'Data for an id',
    mimeType: 'application/json', match: /^test:\/\/template\/([^/]+)\/data$/,
    read: (uri, [id]) => ({ uri, mimeType: 'application/json',
      text: JSON.stringify({ id, templateTest: true, data: 'Data for ID: ' + id }) }) },
];
const PROMPTS = [
  { name: 'test_simple_prompt', description: 'A prompt without arguments',
    get: () => [{ role: 'user', content: { type: 'text', text: 'This is a simple prompt for testing.' } }] },
  { name: 'test_prompt_with_arguments', description: 'A prompt with two arguments',
    arguments: [{ name: 'arg1', description: 'First test argument', required: true },
      { name: 'arg2', description: 'Second test argument', required: true }],
    get: (a) => [{ role: 'user', content: { type: 'text',
      text: `Prompt with arguments: arg1='${a.arg1}', arg2='${a.arg2}'` } }] },
  { name: 'test_prompt_with_embedded_resource', description: 'A prompt embedding a resource',
    arguments: [{ name: 'resourceUri', description: 'URI of the resource to embed', required: true }],
    get: (a) => [
      { role: 'user', content: { type: 'resource', resource: { uri: a.resourceUri, mimeType: 'text/plain',
        text: 'Embedded resource content for testing.' } } },
      { role: 'user', content: { type: 'text', text: 'Please process the embedded resource above.' } }] },
  { name: 'test_prompt_with_image', description: 'A prompt with an image',
    get: () => [
      { role: 'user', content: { type: 'image', data: PNG, mimeType: 'image/png' } },
      { role: 'user', content: { type: 'text', text: 'Please analyze the image above.' } }] },
];
// completion values offered for every argument, filtered by what was typed
const COMPLETIONS = ['paris', 'park', 'party', 'test', 'testValue'];

function server(prefix) {
  const tools = TOOLS.filter((t) => !prefix || t.name.startsWith(prefix + '_'))
    .map((t) => ({ ...t, name: prefix ? t.name.slice(prefix.length + 1) : t.name }));
  const prompts = PROMPTS.filter((p) => !prefix || p.name.startsWith(prefix + '_'))
    .map((p) => ({ ...p, name: prefix ? p.name.slice(prefix.length + 1) : p.name }));
  const ownScheme = (uri) => !prefix || uri.startsWith(prefix + '://');
  const resources = RESOURCES.filter((r) => ownScheme(r.uri));
  const templates = TEMPLATES.filter((t) => ownScheme(t.uriTemplate));
  const s = new Server({ name: 'conformance-fixture', version: '1.0.0' },
    { capabilities: { tools: {}, logging: {}, resources: { subscribe: true }, prompts: {}, completions: {} } });
  s.setRequestHandler(ListResourcesRequestSchema, async () => ({
    resources: resources.map(({ uri, name, description, mimeType }) => ({ uri, name, description, mimeType })) }));
  s.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({
    resourceTemplates: templates.map(({ uriTemplate, name, description, mimeType }) =>
      ({ uriTemplate, name, description, mimeType })) }));
  s.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    const uri = request.params.uri;
    const direct = resources.find((r) => r.uri === uri);
    if (direct) return { contents: [direct.read(uri)] };
    for (const t of templates) {
      const m = uri.match(t.match);
      if (m) return { contents: [t.read(uri, m.slice(1))] };
    }
    throw new McpError(-32002, 'Resource not found: ' + uri);
  });
  const subscribed = new Set();
  s.setRequestHandler(SubscribeRequestSchema, async (request) => {
    subscribed.add(request.params.uri);
    return {};
  });
  s.setRequestHandler(UnsubscribeRequestSchema, async (request) => {
    subscribed.delete(request.params.uri);
    return {};
  });
  s.setRequestHandler(ListPromptsRequestSchema, async () => ({
    prompts: prompts.map(({ name, description, arguments: args }) => ({ name, description,
      ...(args ? { arguments: args } : {}) })) }));
  s.setRequestHandler(GetPromptRequestSchema, async (request) => {
    const prompt = prompts.find((p) => p.name === request.params.name);
    if (!prompt) throw new McpError(ErrorCode.InvalidParams, 'unknown prompt ' + request.params.name);
    const args = request.params.arguments ?? {};
    const missing = (prompt.arguments ?? []).filter((a) => a.required && args[a.name] === undefined);
    if (missing.length) {
      throw new McpError(ErrorCode.InvalidParams, 'missing arguments: ' + missing.map((a) => a.name).join(', '));
    }
    return { description: prompt.description, messages: prompt.get(args) };
  });
  s.setRequestHandler(CompleteRequestSchema, async (request) => {
    const typed = String(request.params.argument?.value ?? '');
    const values = COMPLETIONS.filter((v) => v.startsWith(typed));
    return { completion: { values, total: values.length, hasMore: false } };
  });
  s.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: tools.map(({ name, description, inputSchema }) => ({ name, description, inputSchema })) }));
  s.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = tools.find((t) => t.name === request.params.name);
    if (!tool) throw new Error('unknown tool ' + request.params.name);
    try {
      return await tool.run(request.params.arguments ?? {}, { ...extra, _meta: request.params._meta ?? extra._meta });
    } catch (e) {
      return { isError: true, content: [{ type: 'text', text: String(e?.message ?? e) }] };
    }
  });
  s.setRequestHandler(SetLevelRequestSchema, async () => ({}));
  return s;
}

const LOCAL = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;
const sessions = new Map();

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks).toString('utf8');
  return body ? JSON.parse(body) : undefined;
}

http.createServer(async (req, res) => {
  try {
    const origin = req.headers.origin;
    if (!LOCAL.test(req.headers.host ?? '') || (origin && !LOCAL.test(origin.replace(/^https?:\/\//, '')))) {
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0',
        id: null, error: { code: -32000, message: 'Host or Origin is not a local one' } }));
      return;
    }
    const path = new URL(req.url, 'http://localhost').pathname;
    const strip = path.match(/^\/strip\/([a-z0-9-]+)\/mcp$/);
    if (path !== '/mcp' && !strip) {
      res.writeHead(404).end();
      return;
    }
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    const id = req.headers['mcp-session-id'];
    let transport = id ? sessions.get(id) : undefined;
    if (!transport) {
      if (id || req.method !== 'POST' || body?.method !== 'initialize') {
        res.writeHead(id ? 404 : 400, { 'content-type': 'application/json' }).end(JSON.stringify({
          jsonrpc: '2.0', id: null, error: { code: -32000, message: 'no valid session' } }));
        return;
      }
      // an event store makes the SDK send priming events and replay after a reconnection (SEP-1699)
      transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID(),
        eventStore: new InMemoryEventStore(),
        onsessioninitialized: (sid) => sessions.set(sid, transport) });
      transport.onclose = () => sessions.delete(transport.sessionId);
      await server(strip ? strip[1] : null).connect(transport);
    }
    await transport.handleRequest(req, res, body);
  } catch (e) {
    if (!res.headersSent) res.writeHead(500).end(String(e?.message ?? e));
  }
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening on ' + process.env.PORT));
