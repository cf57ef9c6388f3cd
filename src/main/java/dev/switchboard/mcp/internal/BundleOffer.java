package dev.switchboard.mcp.internal;

import dev.switchboard.bundle.BundleFeatures;
import java.util.List;

/**
 * What an endpoint offers one caller besides tools: the remote MCP providers of its bundle, each
 * with its credential, and the features the bundle's owner chose to offer. The hub, and a bundle
 * the caller cannot use, offer nothing.
 *
 * @param slug the bundle's slug, for messages ({@code ""} when there is none)
 */
public record BundleOffer(String slug, List<ProviderLink> links, BundleFeatures features) {
  /** Nothing besides tools. */
  public static final BundleOffer NONE = new BundleOffer("", List.of(), BundleFeatures.ALL);

  public BundleOffer {
    links = List.copyOf(links);
  }
}
