// The official TypeScript SDK client (@modelcontextprotocol/sdk 1.x) with its OAuth support, as the
// Inspector and mcp-remote use it, against one MCP endpoint configured with no token. The SDK
// discovers the metadata, registers dynamically (or, with CLIENT_ID_URL, uses that URL as a Client
// ID Metadata Document client id) and sends the user to the authorization endpoint; this script
// plays the user (signs in over HTTP, presses Approve on the consent page) and hands the code back
// with finishAuth. Then it lists tools, calls one, and tries the token on OTHER_URL.
// Prints one JSON object on stdout.
//
// Env: MCP_URL, OTHER_URL, EMAIL, PASSWORD, MCP_TOOL, MCP_ARGS (JSON), CLIENT_ID_URL (optional).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';

const { MCP_URL, OTHER_URL, EMAIL, PASSWORD, MCP_TOOL, MCP_ARGS = '{}', CLIENT_ID_URL } = process.env;
const REDIRECT = 'http://127.0.0.1:33418/callback';

const store = { client: CLIENT_ID_URL ? { client_id: CLIENT_ID_URL } : undefined };
let authorizationUrl;
const provider = {
  get redirectUrl() { return REDIRECT; },
  get clientMetadata() {
    return { client_name: 'TypeScript SDK interop test', redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'],
      token_endpoint_auth_method: 'none' };
  },
  state() { return 'ts-state-' + Math.random().toString(36).slice(2); },
  clientInformation() { return store.client; },
  saveClientInformation(info) { store.client = info; },
  tokens() { return store.tokens; },
  saveTokens(tokens) { store.tokens = tokens; },
  redirectToAuthorization(url) { authorizationUrl = url; },
  saveCodeVerifier(v) { store.verifier = v; },
  codeVerifier() { return store.verifier; },
};

const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<')
  .replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const textOf = (page, id) => {
  const m = page.match(new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</`));
  return m ? unescape(m[1].replace(/<[^>]+>/g, '')).trim() : '';
};

/** The user: signs in, reads the consent page, approves; answers the redirect's parameters. */
async function approve(url) {
  const origin = url.origin;
  const signIn = await fetch(`${origin}/api/v1/session`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const page = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page: ${page.status} ${page.headers.get('location')} ${html.slice(0, 300)}`);
  const consent = { client: textOf(html, 'consent-client'), identity: textOf(html, 'consent-identity'),
    host: textOf(html, 'consent-host') };
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.append(unescape(m[1]), unescape(m[2]));
  }
  form.append('decision', 'approve');
  const answer = await fetch(`${origin}/oauth/authorize`, { method: 'POST', redirect: 'manual',
    headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
  const location = answer.headers.get('location') ?? '';
  if (answer.status !== 303 || !location.startsWith(REDIRECT)) throw new Error(`approve: ${answer.status} ${location}`);
  return { consent, params: new URL(location).searchParams };
}

const connect = async () => {
  const client = new Client({ name: 'ts-oauth-interop', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(MCP_URL), { authProvider: provider }));
  return client;
};

const out = {};
let client;
try {
  client = await connect();
  throw new Error('connected without authorization');
} catch (e) {
  if (!(e instanceof UnauthorizedError)) throw e;
}
const { consent, params } = await approve(authorizationUrl);
out.consent = consent;
out.stateEchoed = params.get('state') === authorizationUrl.searchParams.get('state');
out.resource = authorizationUrl.searchParams.get('resource');
const transport = new StreamableHTTPClientTransport(new URL(MCP_URL), { authProvider: provider });
await transport.finishAuth(params.get('code'));
client = await connect();
out.tools = (await client.listTools()).tools.map((t) => t.name).sort();
const result = await client.callTool({ name: MCP_TOOL, arguments: JSON.parse(MCP_ARGS) });
out.isError = Boolean(result.isError);
out.text = result.content[0].text;
await client.close();
out.clientId = store.client.client_id;
out.tokenPrefix = store.tokens.access_token.slice(0, 7);
const other = await fetch(OTHER_URL, { method: 'POST', headers: { Authorization: `Bearer ${store.tokens.access_token}`,
  'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) });
out.otherStatus = other.status;
out.otherChallenge = other.headers.get('www-authenticate') ?? '';
console.log(JSON.stringify(out));
process.exit(0);
