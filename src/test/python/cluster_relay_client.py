"""The official MCP Python SDK client against a bundle of server-everything served by two
Switchboard instances behind a load balancer without affinity (the test's NoAffinityProxy): its GET
stream is on one instance, its tool calls on the other, so every relay crosses between them.

Usage: python cluster_relay_client.py URL TOKEN PROVIDER
Prints one JSON object: the log messages it received on its stream, the sampling request it
answered (its prompt too large for a PostgreSQL NOTIFY, and its answer as well) and the elicitation
it answered, with the tool results that carry the answers back.
"""
import asyncio
import json
import sys

import anyio

from mcp import types
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client

# larger than what a NOTIFY carries (8000 bytes): the relay goes through the mcp_relays table
BIG = "x" * 9000


async def main(url: str, token: str, provider: str) -> dict:
    seen: dict = {"sampling": [], "elicitation": [], "logs": []}

    async def sampling(context, params: types.CreateMessageRequestParams):
        text = params.messages[0].content.text
        seen["sampling"].append(len(text))
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text="sampled by the python client " + text),
            model="test-model",
            stop_reason="endTurn",
        )

    async def elicitation(context, params):
        seen["elicitation"].append(params.message)
        return types.ElicitResult(action="accept", content={"name": "Ada Lovelace"})

    async def logging(params: types.LoggingMessageNotificationParams):
        seen["logs"].append({"level": params.level, "logger": params.logger})

    async with create_mcp_http_client(headers={"Authorization": f"Bearer {token}"}) as http:
        async with streamable_http_client(url, http_client=http) as (read, write):
            async with ClientSession(
                read,
                write,
                sampling_callback=sampling,
                elicitation_callback=elicitation,
                logging_callback=logging,
            ) as session:
                await session.initialize()
                await session.set_logging_level("debug")
                # log messages reach the client only over its stream: once one arrived, the stream is open
                await session.call_tool(f"{provider}_toggle_simulated_logging", {})
                with anyio.move_on_after(60):
                    while not seen["logs"]:
                        await anyio.sleep(0.2)
                await session.call_tool(f"{provider}_toggle_simulated_logging", {})
                sampled = await session.call_tool(
                    f"{provider}_trigger_sampling_request", {"prompt": "hello " + BIG, "maxTokens": 50}
                )
                seen["samplingResult"] = " ".join(getattr(c, "text", "") for c in sampled.content)
                seen["samplingError"] = bool(sampled.is_error)
                elicited = await session.call_tool(f"{provider}_trigger_elicitation_request", {})
                seen["elicitationResult"] = " ".join(getattr(c, "text", "") for c in elicited.content)
                seen["elicitationError"] = bool(elicited.is_error)
    return seen


if __name__ == "__main__":
    result = asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))
    print(json.dumps(result))
