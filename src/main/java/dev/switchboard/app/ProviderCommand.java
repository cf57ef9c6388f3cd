package dev.switchboard.app;

import dev.switchboard.provider.Catalog;
import dev.switchboard.provider.Provider;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import tools.jackson.databind.json.JsonMapper;

/** {@code switchboard provider …}: the provider catalog. */
@Command(name = "provider", mixinStandardHelpOptions = true, description = "Inspect the provider catalog.")
final class ProviderCommand {
  private final CliEnvironment env;

  ProviderCommand(CliEnvironment env) {
    this.env = env;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the providers.")
  int list() {
    Catalog catalog = Catalog.load(JsonMapper.builder().build(), env.settings().baseUrlOverrides());
    for (Provider p : catalog.all()) {
      env.out().printf("%-14s %-18s %-16s %-4s %-10s %s%n", p.slug(), p.name(),
          p.category().displayName(), p.kind(), p.status(),
          p.authMethods().stream().map(m -> m.type().name()).collect(Collectors.joining(",")));
    }
    return 0;
  }
}
