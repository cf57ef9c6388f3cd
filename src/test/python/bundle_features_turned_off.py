"""The official MCP Python SDK client on a bundle whose owner turns resources off mid-session.

Usage: python bundle_features_turned_off.py MCP_URL BUNDLE_API_URL TOKEN PROVIDER
The client subscribes to a resource of server-everything and sets the log level, then waits until
it has received a resource update and a log message. It then turns the bundle's resources off
through the bundle API (PATCH features) and counts the notifications that arrive once two further
log messages have come (anything sent before the change has arrived by then), until two more
log messages have come (server-everything sends both kinds every 5 s). Prints one JSON object.
"""
import asyncio
import json
import sys

import anyio

from mcp import types
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client


async def main(url: str, api: str, token: str, provider: str) -> dict:
    seen: list = []

    async def messages(message):
        inner = getattr(message, "root", message)
        method = getattr(inner, "method", None)
        if method is not None and method.startswith("notifications/") and method != "notifications/message":
            seen.append(method)

    async def logged(params: types.LoggingMessageNotificationParams):
        seen.append("notifications/message")

    async def until_messages(count: int, limit: float) -> None:
        target = seen.count("notifications/message") + count
        with anyio.move_on_after(limit):
            while seen.count("notifications/message") < target:
                await anyio.sleep(0.2)

    result: dict = {}
    async with create_mcp_http_client(headers={"Authorization": f"Bearer {token}"}) as http:
        async with streamable_http_client(url, http_client=http) as (read, write):
            async with ClientSession(read, write, message_handler=messages, logging_callback=logged) as session:
                await session.initialize()
                await session.set_logging_level("debug")
                listed = await session.list_resources()
                static = next(str(r.uri) for r in listed.resources if "static" in str(r.uri))
                await session.subscribe_resource(static)
                await session.call_tool(f"{provider}_toggle_subscriber_updates", {})
                await session.call_tool(f"{provider}_toggle_simulated_logging", {})
                with anyio.move_on_after(60):
                    while ("notifications/resources/updated" not in seen
                           or "notifications/message" not in seen):
                        await anyio.sleep(0.2)
                result["before"] = list(seen)
                changed = await http.patch(api, json={"features": {"resources": False}})
                result["patch"] = changed.status_code
                await until_messages(2, 30)
                settled = len(seen)
                await until_messages(2, 30)
                result["after"] = seen[settled:]
                await session.call_tool(f"{provider}_toggle_subscriber_updates", {})
                await session.call_tool(f"{provider}_toggle_simulated_logging", {})
    return result


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]))))
