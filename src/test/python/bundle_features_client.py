"""The official MCP Python SDK client against a Switchboard bundle that offers only some features.

Usage: python bundle_features_client.py URL TOKEN PROVIDER
Prints one JSON object: the capabilities the bundle advertised in initialize and, for each feature
request, either what it answered or the JSON-RPC error (code and message) the client received.
"""
import asyncio
import json
import sys

from mcp import types
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client
from mcp.shared.exceptions import MCPError


async def attempt(call):
    try:
        result = await call()
        return {"ok": True, "result": result}
    except MCPError as e:
        return {"ok": False, "code": e.code, "message": e.message}
    except Exception as e:  # noqa: BLE001 - recorded for the test to show
        return {"ok": False, "code": None, "message": f"{type(e).__name__}: {e}"}


async def main(url: str, token: str, provider: str) -> dict:
    seen: dict = {}
    resource = f"switchboard://{provider}/demo://resource/static/document/architecture.md"
    template = f"switchboard://{provider}/demo://resource/dynamic/text/{{resourceId}}"
    async with create_mcp_http_client(headers={"Authorization": f"Bearer {token}"}) as http:
        async with streamable_http_client(url, http_client=http) as (read, write):
            async with ClientSession(read, write) as session:
                init = await session.initialize()
                seen["capabilities"] = init.capabilities.model_dump(by_alias=True, exclude_none=True)

                async def resources():
                    listed = await session.list_resources()
                    return [str(r.uri) for r in listed.resources]

                async def prompts():
                    listed = await session.list_prompts()
                    return [p.name for p in listed.prompts]

                async def subscribe():
                    await session.subscribe_resource(resource)
                    await session.unsubscribe_resource(resource)
                    return "subscribed"

                async def set_level():
                    await session.set_logging_level("error")
                    return "set"

                async def complete_prompt():
                    done = await session.complete(
                        types.PromptReference(type="ref/prompt", name=f"{provider}_completable-prompt"),
                        {"name": "department", "value": "Eng"},
                    )
                    return done.completion.values

                async def complete_resource():
                    done = await session.complete(
                        types.ResourceTemplateReference(type="ref/resource", uri=template),
                        {"name": "resourceId", "value": "1"},
                    )
                    return done.completion.values

                seen["resources/list"] = await attempt(resources)
                seen["resources/subscribe"] = await attempt(subscribe)
                seen["prompts/list"] = await attempt(prompts)
                seen["logging/setLevel"] = await attempt(set_level)
                seen["completion/prompt"] = await attempt(complete_prompt)
                seen["completion/resource"] = await attempt(complete_resource)
                tools = await session.list_tools()
                seen["tools"] = [t.name for t in tools.tools]
    return seen


if __name__ == "__main__":
    result = asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))
    print(json.dumps(result))
