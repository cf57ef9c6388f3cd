"""Two official MCP Python SDK clients on two bundles of the same server-everything provider.

Usage: python bundle_features_notices.py URL_ALL URL_LOGGING TOKEN PROVIDER
The two bundles share one upstream connection (same provider and credential). The client of the
bundle that offers everything subscribes to a resource; the client of the bundle that offers only
logging sets the log level. While the server sends resource updates and log messages, prints one
JSON object with the notifications each client received.
"""
import asyncio
import json
import sys

import anyio

from mcp import types
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client


def recorder(seen: list):
    async def messages(message):
        inner = getattr(message, "root", message)
        method = getattr(inner, "method", None)
        if method is not None and method.startswith("notifications/"):
            seen.append(method)

    return messages


async def main(url_all: str, url_logging: str, token: str, provider: str) -> dict:
    everything: list = []
    logging_only: list = []

    async def logged(params: types.LoggingMessageNotificationParams):
        logging_only.append("notifications/message")

    async def logged_all(params: types.LoggingMessageNotificationParams):
        everything.append("notifications/message")

    async with create_mcp_http_client(headers={"Authorization": f"Bearer {token}"}) as http:
        async with streamable_http_client(url_all, http_client=http) as (read_a, write_a):
            async with ClientSession(read_a, write_a, message_handler=recorder(everything),
                                     logging_callback=logged_all) as a:
                await a.initialize()
                async with streamable_http_client(url_logging, http_client=http) as (read_b, write_b):
                    async with ClientSession(read_b, write_b, message_handler=recorder(logging_only),
                                             logging_callback=logged) as b:
                        await b.initialize()
                        await b.set_logging_level("debug")
                        listed = await a.list_resources()
                        static = next(str(r.uri) for r in listed.resources if "static" in str(r.uri))
                        await a.subscribe_resource(static)
                        await a.call_tool(f"{provider}_toggle_subscriber_updates", {})
                        await a.call_tool(f"{provider}_toggle_simulated_logging", {})
                        with anyio.move_on_after(60):
                            while ("notifications/resources/updated" not in everything
                                   or "notifications/message" not in logging_only):
                                await anyio.sleep(0.2)
                        # whatever was sent with the update that reached the first client has arrived
                        # once the next log message reaches the second
                        count = logging_only.count("notifications/message")
                        with anyio.move_on_after(30):
                            while logging_only.count("notifications/message") <= count:
                                await anyio.sleep(0.2)
                        await a.call_tool(f"{provider}_toggle_subscriber_updates", {})
                        await a.call_tool(f"{provider}_toggle_simulated_logging", {})
                        await a.unsubscribe_resource(static)
    return {"everything": everything, "loggingOnly": logging_only}


if __name__ == "__main__":
    result = asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]))
    print(json.dumps(result))
