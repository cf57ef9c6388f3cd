package dev.switchboard.tool;

import dev.switchboard.provider.Provider;
import java.util.List;

/** Something that knows the tools of a provider: its curated OpenAPI document, a built-in tool set. */
public interface ToolSource {
  /** The provider's tools from this source; empty when the source does not serve this provider. */
  List<Tool> tools(Provider provider);
}
