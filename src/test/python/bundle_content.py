"""Drives the official MCP Python SDK client against a Switchboard bundle and prints what it saw.

Usage: python bundle_content.py streamable|sse URL; the access token comes from SWITCHBOARD_TOKEN.
Prints one JSON object: every tool with its annotations, the content of a few tool results as the
SDK parsed them, and the progress notifications of a long-running call. Used by
RemoteMcpPassThroughIT; written for this project.
"""

import json
import os
import sys

import anyio
import httpx2
from mcp.client.session import ClientSession
from mcp.client.sse import sse_client
from mcp.client.streamable_http import streamable_http_client


def dump(model):
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


async def exercise(session, prefix):
    await session.initialize()
    listed = await session.list_tools()
    report = {"tools": {t.name: dump(t) for t in listed.tools}}
    image = await session.call_tool(prefix + "get_tiny_image", {})
    report["image"] = dump(image)
    links = await session.call_tool(prefix + "get_resource_links", {"count": 2})
    report["links"] = dump(links)
    annotated = await session.call_tool(prefix + "get_annotated_message",
                                        {"messageType": "error", "includeImage": True})
    report["annotated"] = dump(annotated)
    structured = await session.call_tool(prefix + "get_structured_content", {"location": "Chicago"})
    report["structured"] = dump(structured)
    progress = []

    async def on_progress(value, total, message):
        progress.append({"progress": value, "total": total, "message": message})

    done = await session.call_tool(prefix + "trigger_long_running_operation", {"duration": 2, "steps": 4},
                                   progress_callback=on_progress)
    report["long"] = dump(done)
    report["progress"] = progress
    return report


async def main():
    transport, url = sys.argv[1], sys.argv[2]
    prefix = os.environ.get("TOOL_PREFIX", "everything_")
    headers = {"Authorization": "Bearer " + os.environ["SWITCHBOARD_TOKEN"]}
    with anyio.fail_after(60):
        if transport == "sse":
            async with sse_client(url, headers=headers) as (read, write):
                async with ClientSession(read, write) as session:
                    report = await exercise(session, prefix)
        else:
            async with httpx2.AsyncClient(headers=headers, timeout=30) as client:
                async with streamable_http_client(url, http_client=client) as streams:
                    read, write = streams[0], streams[1]
                    async with ClientSession(read, write) as session:
                        report = await exercise(session, prefix)
    print(json.dumps(report))


anyio.run(main)
