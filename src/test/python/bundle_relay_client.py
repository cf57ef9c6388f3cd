"""The official MCP Python SDK client against a Switchboard bundle of server-everything.

Usage: python bundle_relay_client.py URL TOKEN PROVIDER
Prints one JSON object: what the client saw (a sampling request it answered, an elicitation it
answered, a resource read, a prompt fetched, the log messages at the level it set), and what a
second client that declares no sampling gets from the same tool.
"""
import asyncio
import json
import sys

import anyio

from mcp import types
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client


async def main(url: str, token: str, provider: str) -> dict:
    seen: dict = {"sampling": [], "elicitation": [], "logs": [], "updated": []}

    async def sampling(context, params: types.CreateMessageRequestParams):
        seen["sampling"].append(params.messages[0].content.text)
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text="sampled by the python client"),
            model="test-model",
            stop_reason="endTurn",
        )

    async def elicitation(context, params):
        seen["elicitation"].append(params.message)
        return types.ElicitResult(action="accept", content={"name": "Ada Lovelace"})

    async def logging(params: types.LoggingMessageNotificationParams):
        seen["logs"].append({"level": params.level, "logger": params.logger})

    async def messages(message):
        inner = getattr(message, "root", message)
        if getattr(inner, "method", None) == "notifications/resources/updated":
            seen["updated"].append(str(inner.params.uri))

    async with create_mcp_http_client(headers={"Authorization": f"Bearer {token}"}) as http:
        async with streamable_http_client(url, http_client=http) as (read, write):
            async with ClientSession(
                read,
                write,
                sampling_callback=sampling,
                elicitation_callback=elicitation,
                logging_callback=logging,
                message_handler=messages,
            ) as session:
                init = await session.initialize()
                seen["capabilities"] = init.capabilities.model_dump(by_alias=True, exclude_none=True)
                # first: the server's log messages about what follows (a subscription) are then filtered too
                await session.set_logging_level("error")
                resources = await session.list_resources()
                seen["resources"] = [str(r.uri) for r in resources.resources]
                templates = await session.list_resource_templates()
                seen["templates"] = [t.uri_template for t in templates.resource_templates]
                static = next(u for u in seen["resources"] if u.endswith("static/text/1") or "static" in u)
                read_result = await session.read_resource(static)
                contents = read_result.contents[0]
                seen["read"] = {"uri": str(contents.uri), "text": getattr(contents, "text", None)}
                await session.subscribe_resource(static)
                await session.call_tool(f"{provider}_toggle_subscriber_updates", {})
                with anyio.move_on_after(30):
                    while not seen["updated"]:
                        await anyio.sleep(0.2)
                await session.call_tool(f"{provider}_toggle_subscriber_updates", {})
                await session.unsubscribe_resource(static)
                seen["subscribed"] = static
                prompts = await session.list_prompts()
                seen["prompts"] = [p.name for p in prompts.prompts]
                simple = next(p for p in seen["prompts"] if p.endswith("simple-prompt"))
                prompt = await session.get_prompt(simple)
                seen["prompt"] = prompt.messages[0].content.text
                tools = await session.list_tools()
                names = [t.name for t in tools.tools]
                seen["tools"] = names
                sampled = await session.call_tool(f"{provider}_trigger_sampling_request", {"prompt": "hello"})
                seen["samplingResult"] = sampled.content[0].text
                elicited = await session.call_tool(f"{provider}_trigger_elicitation_request", {})
                seen["elicitationResult"] = " ".join(getattr(c, "text", "") for c in elicited.content)
                await session.call_tool(f"{provider}_toggle_simulated_logging", {})
                with anyio.move_on_after(40):
                    while len(seen["logs"]) < 2:
                        await anyio.sleep(0.2)
                await session.call_tool(f"{provider}_toggle_simulated_logging", {})
        # a client that declares no sampling: the server's request is refused on its behalf
        async with streamable_http_client(url, http_client=http) as (read, write):
            async with ClientSession(read, write) as plain:
                await plain.initialize()
                refused = await plain.call_tool(f"{provider}_trigger_sampling_request", {"prompt": "no"})
                seen["refused"] = {
                    "isError": bool(refused.is_error),
                    "text": " ".join(getattr(c, "text", "") for c in refused.content),
                }
    return seen


if __name__ == "__main__":
    result = asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))
    print(json.dumps(result))
