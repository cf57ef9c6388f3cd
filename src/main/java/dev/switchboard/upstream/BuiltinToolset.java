package dev.switchboard.upstream;

import dev.switchboard.provider.Provider;
import dev.switchboard.tool.Tool;
import dev.switchboard.tool.ToolSource;
import dev.switchboard.vault.SecretFields;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A tool set implemented inside Switchboard, named by a provider's {@code builtin} field
 * ({@code calculator}, {@code postgresql}). Implementations are thread safe.
 */
public interface BuiltinToolset extends ToolSource {
  /** The {@code builtin} value this tool set serves. */
  String name();

  /** The tools for this provider, with {@link dev.switchboard.tool.BuiltinCall} recipes. */
  @Override
  List<Tool> tools(Provider provider);

  /**
   * Runs one tool with validated arguments and the credential's decrypted fields. Never throws
   * for upstream trouble: it answers a {@link ToolResult} whose outcome says what happened.
   */
  ToolResult call(Provider provider, String operation, JsonNode arguments, SecretFields secrets,
      CallContext context);

  /** Lets go of anything kept for a credential (connection pools) after it changed or was erased. */
  default void forget(String credentialId) {}
}
