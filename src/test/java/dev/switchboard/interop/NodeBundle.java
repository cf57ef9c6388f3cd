package dev.switchboard.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class that drives a Node MCP peer against {@link CalculatorBundle}: starts the
 * bundle once for the class when the Node peers are installed, makes each test require them
 * (skip with what to install, or fail when CI=true), and stops everything after.
 * Register with {@code @RegisterExtension static final NodeBundle peers = new NodeBundle();}.
 */
final class NodeBundle implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  private Path dir;
  private CalculatorBundle bundle;

  CalculatorBundle bundle() {
    return bundle;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (NodePeers.installed()) {
      dir = Files.createTempDirectory("switchboard-interop");
      bundle = CalculatorBundle.start(dir);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    NodePeers.require();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (bundle != null) {
      bundle.close();
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
