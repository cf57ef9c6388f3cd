package dev.switchboard.mcp.internal;

import dev.switchboard.account.Principal;
import dev.switchboard.bundle.Bundle;
import dev.switchboard.bundle.BundleFeatures;
import dev.switchboard.bundle.BundleView;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.bundle.ResolvedTool;
import dev.switchboard.credential.ProviderRequests;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.mcp.McpError;
import dev.switchboard.mcp.McpTarget;
import dev.switchboard.upstream.RemoteMcp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The resources, resource templates, prompts, completions and logging of the remote MCP providers
 * of a bundle, relayed to them with the credential the bundle's tools use and named on the bundle
 * by {@link Namespaces} (docs/mcp.md, "Resources, prompts, completions and logging"); the hub offers
 * those of all its bundles' MCP providers. Built-in and API providers offer none. A bundle offers
 * only the features its owner chose ({@link BundleFeatures}), the others answer -32601; the hub,
 * the user's own endpoint over all their bundles, offers all of them. A list gathers every page of every provider and
 * leaves out a provider that cannot answer (it may not offer the feature at all); a request for one
 * item goes to its provider, whose refusal is the answer. Thread safe.
 */
public final class ProviderFeatures {
  /** The methods relayed. */
  public static final Set<String> METHODS = Set.of("resources/list", "resources/templates/list",
      "resources/read", "resources/subscribe", "resources/unsubscribe", "prompts/list", "prompts/get",
      "completion/complete", "logging/setLevel");
  private static final Logger LOG = LoggerFactory.getLogger(ProviderFeatures.class);
  private static final int MAX_PAGES = 20;
  private final Bundles bundles;
  private final ProviderRequests requests;
  private final JsonMapper json;

  public ProviderFeatures(Bundles bundles, ProviderRequests requests, JsonMapper json) {
    this.bundles = bundles;
    this.requests = requests;
    this.json = json;
  }

  /**
   * The remote MCP providers of the endpoint with the credential each runs with, and the features
   * it offers. On the hub, those of every bundle it serves, in the order of its bundles: a provider
   * in several bundles is reached with the credential of the first that has an available tool of
   * it (names are the provider's slug, as on a bundle, so one provider is offered once).
   */
  public BundleOffer offer(Principal caller, McpTarget target) {
    Map<String, ProviderLink> links = new LinkedHashMap<>();
    if (!(target instanceof McpTarget.Bundle b)) {
      for (Bundle bundle : bundles.availableEnabled(caller.userId())) {
        add(links, bundles.view(caller.userId(), bundle));
      }
      return new BundleOffer("", List.copyOf(links.values()), BundleFeatures.ALL);
    }
    Bundle bundle;
    try {
      bundle = bundles.get(caller.userId(), b.slug());
    } catch (SwitchboardException e) {
      return BundleOffer.NONE;
    }
    if (!bundles.usable(caller.userId(), bundle)) {
      return BundleOffer.NONE;
    }
    add(links, bundles.view(caller.userId(), bundle));
    return new BundleOffer(bundle.slug(), List.copyOf(links.values()), bundle.features());
  }

  private void add(Map<String, ProviderLink> links, BundleView view) {
    for (ResolvedTool tool : view.available()) {
      String provider = tool.tool().provider();
      if (tool.credential().isPresent() && !links.containsKey(provider) && requests.isRemoteMcp(provider)) {
        links.put(provider, new ProviderLink(provider, tool.credential().get(),
            RemoteMcp.cacheKey(provider, tool.credential().get().id())));
      }
    }
  }

  /**
   * The features the endpoint offers now, without its providers: all on the hub; none for a bundle
   * the caller can no longer use (deleted, archived, disabled).
   */
  public BundleFeatures offered(Principal caller, McpTarget target) {
    if (!(target instanceof McpTarget.Bundle b)) {
      return BundleFeatures.ALL;
    }
    try {
      Bundle bundle = bundles.get(caller.userId(), b.slug());
      return bundles.usable(caller.userId(), bundle) ? bundle.features() : BundleFeatures.NONE;
    } catch (SwitchboardException e) {
      return BundleFeatures.NONE;
    }
  }

  /**
   * The capabilities an endpoint offers besides tools ({@code initialize}): those its bundle chose,
   * when it has a remote MCP provider; completions with prompts or resources.
   */
  public ObjectNode capabilities(BundleOffer offer) {
    ObjectNode capabilities = json.createObjectNode();
    if (offer.links().isEmpty()) {
      return capabilities;
    }
    BundleFeatures features = offer.features();
    if (features.resources()) {
      capabilities.putObject("resources").put("subscribe", true).put("listChanged", true);
    }
    if (features.prompts()) {
      capabilities.putObject("prompts").put("listChanged", true);
    }
    if (features.completions()) {
      capabilities.putObject("completions");
    }
    if (features.logging()) {
      capabilities.putObject("logging");
    }
    return capabilities;
  }

  /**
   * Answers {@code method}; {@code used} is told the cache key of every upstream connection a
   * subscription or a log level was set on, whose notifications the caller should then get. A
   * feature the bundle does not offer answers -32601 naming it.
   */
  public ObjectNode handle(BundleOffer offer, String method, JsonNode params, Instant deadline,
      Consumer<String> used) {
    List<ProviderLink> links = offer.links();
    if (links.isEmpty()) {
      throw new McpError(McpError.METHOD_NOT_FOUND, "method not found: " + method
          + " (this endpoint has no remote MCP provider; it offers tools only)", 200);
    }
    String feature = FeatureOfMethod.of(method, params);
    if (!FeatureOfMethod.offered(feature, offer.features())) {
      throw new McpError(McpError.METHOD_NOT_FOUND, "method not found: " + method + " (the bundle '"
          + offer.slug() + "' does not offer " + feature + "; its owner chooses the features it offers on the "
          + "bundle's page)", 200);
    }
    return switch (method) {
      case "resources/list" -> gather(links, method, "resources", "uri", deadline);
      case "resources/templates/list" -> gather(links, method, "resourceTemplates", "uriTemplate", deadline);
      case "prompts/list" -> gather(links, method, "prompts", "name", deadline);
      case "resources/read" -> read(links, params, deadline);
      case "resources/subscribe", "resources/unsubscribe" -> subscribe(links, method, params, deadline, used);
      case "prompts/get" -> prompt(links, params, deadline);
      case "completion/complete" -> complete(links, params, deadline);
      case "logging/setLevel" -> setLevel(links, params, deadline, used);
      default -> throw new McpError(McpError.METHOD_NOT_FOUND, "method not found: " + method, 200);
    };
  }

  private ObjectNode gather(List<ProviderLink> links, String method, String field, String key, Instant deadline) {
    ObjectNode out = json.createObjectNode();
    ArrayNode all = out.putArray(field);
    for (ProviderLink link : links) {
      try {
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
          ObjectNode params = json.createObjectNode();
          if (cursor != null) {
            params.put("cursor", cursor);
          }
          JsonNode result = requests.send(link.credential(), method, params, deadline);
          for (JsonNode item : result.path(field)) {
            if (item.isObject() && item.path(key).isString()) {
              ObjectNode copy = ((ObjectNode) item).deepCopy();
              String own = item.path(key).asString();
              copy.put(key, key.equals("name") ? Namespaces.name(link.provider(), own)
                  : Namespaces.uri(link.provider(), own));
              all.add(copy);
            }
          }
          cursor = result.path("nextCursor").isString() ? result.path("nextCursor").asString() : null;
          if (cursor == null) {
            break;
          }
        }
      } catch (SwitchboardException e) {
        LOG.debug("{} of {} left out: {}", method, link.provider(), e.getMessage());
      }
    }
    return out;
  }

  private ObjectNode read(List<ProviderLink> links, JsonNode params, Instant deadline) {
    Namespaces.Owned owned = ownedUri(links, params);
    ObjectNode forwarded = ((ObjectNode) params).deepCopy().put("uri", owned.local());
    JsonNode result = requests.send(owned.link().credential(), "resources/read", forwarded, deadline);
    ObjectNode out = ((ObjectNode) result).deepCopy();
    for (JsonNode content : out.path("contents")) {
      if (content.isObject() && content.path("uri").isString()) {
        ((ObjectNode) content).put("uri", Namespaces.uri(owned.link().provider(), content.path("uri").asString()));
      }
    }
    return out;
  }

  private ObjectNode subscribe(List<ProviderLink> links, String method, JsonNode params, Instant deadline,
      Consumer<String> used) {
    Namespaces.Owned owned = ownedUri(links, params);
    ObjectNode forwarded = ((ObjectNode) params).deepCopy().put("uri", owned.local());
    JsonNode result = requests.send(owned.link().credential(), method, forwarded, deadline);
    used.accept(owned.link().cacheKey());
    return ((ObjectNode) result).deepCopy();
  }

  private ObjectNode prompt(List<ProviderLink> links, JsonNode params, Instant deadline) {
    String name = params.path("name").asString("");
    Namespaces.Owned owned = Namespaces.ownerOfName(name, links).orElseThrow(() -> McpError.invalidParams(
        "unknown prompt '" + name + "': prompts/list shows what this endpoint offers"));
    ObjectNode forwarded = ((ObjectNode) params).deepCopy().put("name", owned.local());
    return ((ObjectNode) requests.send(owned.link().credential(), "prompts/get", forwarded, deadline)).deepCopy();
  }

  private ObjectNode complete(List<ProviderLink> links, JsonNode params, Instant deadline) {
    JsonNode ref = params.path("ref");
    String type = ref.path("type").asString("");
    Namespaces.Owned owned;
    String field;
    if (type.equals("ref/prompt")) {
      field = "name";
      owned = Namespaces.ownerOfName(ref.path("name").asString(""), links).orElseThrow(() ->
          McpError.invalidParams("unknown prompt '" + ref.path("name").asString("") + "' in ref"));
    } else if (type.equals("ref/resource")) {
      field = "uri";
      owned = Namespaces.ownerOfUri(ref.path("uri").asString(""), links).orElseThrow(() ->
          McpError.invalidParams("unknown resource '" + ref.path("uri").asString("") + "' in ref"));
    } else {
      throw McpError.invalidParams("completion/complete needs params.ref of type ref/prompt or ref/resource");
    }
    ObjectNode forwarded = ((ObjectNode) params).deepCopy();
    ((ObjectNode) forwarded.get("ref")).put(field, owned.local());
    return ((ObjectNode) requests.send(owned.link().credential(), "completion/complete", forwarded, deadline))
        .deepCopy();
  }

  /** Sets the level at every provider; those that do not log are left out, the first failure aside. */
  private ObjectNode setLevel(List<ProviderLink> links, JsonNode params, Instant deadline, Consumer<String> used) {
    if (!params.path("level").isString()) {
      throw McpError.invalidParams("logging/setLevel needs params.level");
    }
    List<String> failed = new ArrayList<>();
    for (ProviderLink link : links) {
      try {
        requests.send(link.credential(), "logging/setLevel", params, deadline);
        used.accept(link.cacheKey());
      } catch (SwitchboardException e) {
        failed.add(link.provider());
        LOG.debug("logging/setLevel at {} failed: {}", link.provider(), e.getMessage());
      }
    }
    if (failed.size() == links.size()) {
      throw new McpError(McpError.INTERNAL_ERROR, "no provider of this endpoint accepted logging/setLevel: "
          + String.join(", ", failed), 200);
    }
    return json.createObjectNode();
  }

  private static Namespaces.Owned ownedUri(List<ProviderLink> links, JsonNode params) {
    String uri = params.path("uri").asString("");
    return Namespaces.ownerOfUri(uri, links).orElseThrow(() -> McpError.invalidParams("unknown resource '" + uri
        + "': resources/list and resources/templates/list show what this endpoint offers"));
  }
}
