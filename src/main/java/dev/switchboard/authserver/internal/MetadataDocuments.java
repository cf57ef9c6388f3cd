package dev.switchboard.authserver.internal;

import dev.switchboard.authserver.ClientInfo;
import dev.switchboard.authserver.OAuthProblem;
import dev.switchboard.upstream.HttpCall;
import dev.switchboard.upstream.HttpResult;
import dev.switchboard.upstream.OutboundGuard;
import dev.switchboard.upstream.OutboundHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client ID Metadata Documents (MCP authorization 2025-11-25, draft-ietf-oauth-client-id-metadata-document):
 * a client id that is an https URL with a path names a JSON document served there, whose
 * {@code client_id} must equal that URL. Fetched through the outbound guard (so a client id cannot
 * make Switchboard call its own network), at most {@value #MAX_BYTES} bytes, and kept for
 * {@link #KEEP} so that a burst of authorizations fetches once. Plain {@code http} is accepted only
 * for a loopback host, which the guard must allow too (an administrator's choice, used by tests
 * and local development).
 *
 * <p>The URL is the client's identity, so redirects are not followed and only 200 is a document.
 * The page learns only that the document could not be used (never what the guard or DNS said, which
 * would make this a probe of the network); the reason goes to the log. A failure is kept for
 * {@link #KEEP_FAILURE}, and one address may make Switchboard fetch at most {@value #FETCHES_PER_MINUTE}
 * documents a minute.
 */
public final class MetadataDocuments {
  static final int MAX_BYTES = 64 * 1024;
  static final Duration KEEP = Duration.ofMinutes(5);
  static final Duration KEEP_FAILURE = Duration.ofMinutes(1);
  static final int FETCHES_PER_MINUTE = 10;
  private static final int MOST_KEPT = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(MetadataDocuments.class);
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  private final AddressLimits fetches;
  private final OutboundHttp http;
  private final OutboundGuard guard;
  private final JsonMapper json;
  private final Clock clock;

  /** A fetched client, or why the document could not be used, until a time. */
  private record Kept(ClientInfo client, String problem, Instant until) {}

  public MetadataDocuments(OutboundHttp http, OutboundGuard guard, JsonMapper json, Clock clock) {
    this.http = http;
    this.guard = guard;
    this.json = json;
    this.clock = clock;
    this.fetches = new AddressLimits(FETCHES_PER_MINUTE, Duration.ofMinutes(1), clock);
  }

  /** Whether a client id is the URL of a metadata document rather than a registered id. */
  public static boolean isDocumentUrl(String clientId) {
    return clientId.startsWith("https://") || clientId.startsWith("http://");
  }

  /**
   * The client the document at {@code url} describes; an {@code invalid_client} problem when it
   * cannot, or when {@code address} asked for too many documents.
   */
  public ClientInfo client(String url, String address) {
    Instant now = clock.instant();
    Kept k = kept.get(url);
    if (k == null || !k.until().isAfter(now)) {
      if (!fetches.take(address)) {
        throw new OAuthProblem(429, "invalid_client", "too many client metadata documents asked for; try again later");
      }
      k = fetchKept(url, now);
      if (kept.size() >= MOST_KEPT) {
        kept.clear();
      }
      kept.put(url, k);
    }
    if (k.client() == null) {
      throw invalid(k.problem());
    }
    return k.client();
  }

  private Kept fetchKept(String url, Instant now) {
    try {
      return new Kept(fetch(url), null, now.plus(KEEP));
    } catch (OAuthProblem e) {
      return new Kept(null, e.getMessage(), now.plus(KEEP_FAILURE));
    }
  }

  private ClientInfo fetch(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw invalid("the client id is not a valid URL");
    }
    boolean loopback = uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
    if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
      throw invalid("a client id URL must use https");
    }
    if (uri.getRawPath() == null || uri.getRawPath().length() < 2 || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw invalid("a client id URL must have a path and no fragment or user information");
    }
    HttpResult result;
    try {
      result = http.sendWithoutRedirects(HttpCall.get(guard.check(url), clock.instant().plusSeconds(10), MAX_BYTES)
          .withHeader("Accept", "application/json"));
    } catch (RuntimeException e) {
      LOG.info("client metadata document {} could not be fetched: {}", url, e.getMessage());
      throw invalid("the client's metadata document could not be fetched");
    }
    if (result.status() != 200 || result.truncated()) {
      LOG.info("client metadata document {} answered HTTP {}{}", url, result.status(),
          result.truncated() ? " and is too large" : "");
      throw invalid("the client's metadata document could not be fetched (it must answer 200 itself, "
          + "without redirects, with at most " + MAX_BYTES + " bytes)");
    }
    JsonNode doc;
    try {
      doc = json.readTree(result.body());
    } catch (JacksonException e) {
      throw invalid("the client's metadata document is not JSON");
    }
    if (!url.equals(doc.path("client_id").asString(""))) {
      throw invalid("the client's metadata document names another client_id than its own URL");
    }
    List<String> redirects = new ArrayList<>();
    doc.path("redirect_uris").forEach(r -> redirects.add(r.asString("")));
    String problem = RedirectUris.problem(redirects);
    if (problem != null) {
      throw invalid("the client's metadata document: " + problem);
    }
    String name = Names.clean(doc.path("client_name").asString(""), uri.getHost());
    return new ClientInfo(url, name, redirects, true);
  }

  private static OAuthProblem invalid(String message) {
    return new OAuthProblem(400, "invalid_client", message);
  }
}
