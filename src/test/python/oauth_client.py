"""Drives the official MCP Python SDK's OAuth client provider against Switchboard, headlessly.

The SDK discovers the protected-resource and authorization-server metadata, registers itself
dynamically (RFC 7591), sends the user to the authorization endpoint and exchanges the code. The
"user" is this script: its redirect handler signs in over HTTP, reads the consent page and presses
Approve, and hands the code from the redirect back to the SDK. Then it lists tools, calls one, and
tries the access token on another MCP endpoint. Prints one JSON object.

Environment: MCP_URL, OTHER_URL, EMAIL, PASSWORD, TOOL, ARGS (JSON).
"""

import asyncio
import html
import json
import os
import re
import sys
from urllib.parse import parse_qs, urljoin, urlparse

import httpx2
from mcp.client import Client
from mcp.client.auth import OAuthClientProvider
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.auth import AuthorizationCodeResult, OAuthClientMetadata

MCP_URL = os.environ["MCP_URL"]
REDIRECT = "http://127.0.0.1:53682/callback"


class Memory:
    def __init__(self):
        self.tokens = None
        self.client = None

    async def get_tokens(self):
        return self.tokens

    async def set_tokens(self, tokens):
        self.tokens = tokens

    async def get_client_info(self):
        return self.client

    async def set_client_info(self, client_info):
        self.client = client_info


class Browser:
    """Plays the user: signs in, reads the consent page, approves."""

    def __init__(self):
        self.answer = None
        self.consent = None

    async def open(self, authorization_url: str) -> None:
        async with httpx2.AsyncClient(follow_redirects=False, timeout=30) as web:
            origin = "{0.scheme}://{0.netloc}".format(urlparse(authorization_url))
            signed_in = await web.post(origin + "/api/v1/session",
                                       json={"email": os.environ["EMAIL"], "password": os.environ["PASSWORD"]})
            assert signed_in.status_code == 200, signed_in.text
            page = await web.get(authorization_url)
            assert page.status_code == 200, (page.status_code, page.headers.get("location"), page.text[:500])
            self.consent = {
                "client": text_of(page.text, "consent-client"),
                "identity": text_of(page.text, "consent-identity"),
                "host": text_of(page.text, "consent-host"),
            }
            fields = {html.unescape(n): html.unescape(v) for n, v in
                      re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page.text)}
            fields["decision"] = "approve"
            approved = await web.post(urljoin(origin, "/oauth/authorize"), data=fields)
            assert approved.status_code == 303, (approved.status_code, approved.text[:500])
            location = approved.headers["location"]
            assert location.startswith(REDIRECT), location
            query = parse_qs(urlparse(location).query)
            self.answer = AuthorizationCodeResult(code=query["code"][0], state=query.get("state", [None])[0],
                                                  iss=query.get("iss", [None])[0])

    async def callback(self) -> AuthorizationCodeResult:
        return self.answer


def text_of(page: str, element_id: str) -> str:
    m = re.search(r'id="' + element_id + r'"[^>]*>(.*?)</', page, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else ""


async def main():
    storage = Memory()
    browser = Browser()
    provider = OAuthClientProvider(
        server_url=MCP_URL,
        client_metadata=OAuthClientMetadata(
            client_name="Python SDK interop test",
            redirect_uris=[REDIRECT],
            grant_types=["authorization_code", "refresh_token"],
            response_types=["code"],
        ),
        storage=storage,
        redirect_handler=browser.open,
        callback_handler=browser.callback,
    )
    out = {}
    async with httpx2.AsyncClient(auth=provider, timeout=30) as http:
        async with Client(streamable_http_client(MCP_URL, http_client=http)) as client:
            tools = await client.list_tools()
            out["tools"] = sorted(t.name for t in tools.tools)
            result = await client.call_tool(os.environ["TOOL"], json.loads(os.environ["ARGS"]))
            out["isError"] = bool(result.is_error)
            out["text"] = result.content[0].text
    out["consent"] = browser.consent
    out["clientId"] = storage.client.client_id
    token = storage.tokens.access_token
    out["tokenPrefix"] = token[:7]
    async with httpx2.AsyncClient(timeout=30) as plain:
        other = await plain.post(os.environ["OTHER_URL"], headers={
            "Authorization": "Bearer " + token, "Content-Type": "application/json",
            "Accept": "application/json, text/event-stream"},
            content=json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/list"}))
        out["otherStatus"] = other.status_code
        out["otherChallenge"] = other.headers.get("www-authenticate", "")
        origin = "{0.scheme}://{0.netloc}".format(urlparse(MCP_URL))
        api = await plain.get(origin + "/api/v1/bundles", headers={"Authorization": "Bearer " + token})
        out["apiStatus"] = api.status_code
    print(json.dumps(out))


asyncio.run(main())
