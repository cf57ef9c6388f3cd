package dev.switchboard.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Port 0 ("any free port", used by tests) resolved before start-up, so that the base URL used in
 * MCP URLs and metadata names the real port.
 */
final class FreePort {
  private FreePort() {}

  static Settings assign(Settings settings) {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String base = settings.baseUrl().endsWith(":0")
        ? settings.baseUrl().substring(0, settings.baseUrl().length() - 2) + ":" + port
        : settings.baseUrl();
    return settings.withPort(port, base);
  }
}
