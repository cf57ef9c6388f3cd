package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.RemoteMcpException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP lifecycle's first step (MCP 2025-11-25, "Lifecycle"): {@code initialize} asking for the
 * latest revision, a check that the server's answer is a revision this client speaks, then
 * {@code notifications/initialized}. Switchboard's client declares sampling, elicitation and roots:
 * it relays those requests to the client its request runs for, which answers them or, when it did
 * not declare the capability, has them refused (docs/remote-mcp-providers.md). Stateless.
 */
final class Handshake {
  static final String LATEST = "2025-11-25";
  /** What a server may answer over Streamable HTTP, newest first. */
  static final List<String> STREAMABLE = List.of(LATEST, "2025-06-18", "2025-03-26");
  /** What a server may answer over the legacy HTTP+SSE transport. */
  static final List<String> LEGACY = List.of(LATEST, "2025-06-18", "2025-03-26", "2024-11-05");

  private static final String CLIENT_VERSION = Optional.ofNullable(
      Handshake.class.getPackage().getImplementationVersion()).orElse("dev");

  private Handshake() {}

  /** Initializes {@code connection} to the server at {@code url}; returns the agreed revision. */
  static String run(McpConnection connection, URI url, JsonRpc rpc, List<Header> auth, Budget budget,
      List<String> accepted) {
    ObjectNode params = rpc.object();
    params.put("protocolVersion", LATEST);
    ObjectNode capabilities = params.putObject("capabilities");
    capabilities.putObject("sampling");
    capabilities.putObject("elicitation");
    capabilities.putObject("roots");
    ObjectNode client = params.putObject("clientInfo");
    client.put("name", "switchboard");
    client.put("title", "Switchboard");
    client.put("version", CLIENT_VERSION);
    JsonNode result = connection.request("initialize", params, auth, budget);
    String version = result.path("protocolVersion").asString("");
    if (!accepted.contains(version)) {
      throw RemoteMcpException.protocol("the MCP server at " + Failures.target(url) + " speaks protocol "
          + (version.isEmpty() ? "(none given)" : "'" + Texts.oneLine(version) + "'")
          + ", which Switchboard does not support (it speaks " + String.join(", ", accepted) + ")");
    }
    connection.negotiated(version);
    connection.notify("notifications/initialized", auth, budget);
    return version;
  }
}
