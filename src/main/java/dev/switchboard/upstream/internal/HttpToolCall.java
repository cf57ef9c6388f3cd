package dev.switchboard.upstream.internal;

import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.Provider;
import dev.switchboard.tool.HttpOperation;
import dev.switchboard.upstream.CallContext;
import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.HttpCall;
import dev.switchboard.upstream.HttpResult;
import dev.switchboard.upstream.OutboundHttp;
import dev.switchboard.upstream.Redactor;
import dev.switchboard.upstream.ToolResult;
import dev.switchboard.vault.SecretFields;
import dev.switchboard.provider.UrlTemplate;
import dev.switchboard.upstream.Outcome;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Executes an HTTP-operation tool: builds the request from the recipe, injects the credential the
 * way its auth method says plus the schema headers, sends it through the guarded outbound client
 * within the call's deadline and size cap, and maps the answer.
 */
public final class HttpToolCall {
  private final OutboundHttp http;
  private final RequestBuilder builder;
  private final AuthInjections auth;
  private final ResponseMapper mapper;
  private final int maxResponseBytes;

  public HttpToolCall(OutboundHttp http, JsonMapper json, int maxResponseBytes) {
    this(http, json, maxResponseBytes, Clock.systemUTC());
  }

  /** With {@code clock} deciding when tokens the gateway got itself expire. */
  public HttpToolCall(OutboundHttp http, JsonMapper json, int maxResponseBytes, Clock clock) {
    this.http = http;
    this.auth = new AuthInjections(http, json, clock);
    this.builder = new RequestBuilder(json);
    this.mapper = new ResponseMapper(json);
    this.maxResponseBytes = maxResponseBytes;
  }

  /**
   * Runs the call; failures to reach the upstream are thrown for the executor to map. The answer is
   * redacted of {@code secretValues} and of every header and query value the auth method injected. When the
   * upstream answers 401 to a token the gateway got itself (client credentials, JWT grant), that token is
   * forgotten and the call is made once more with a fresh one, within the same deadline.
   */
  public ToolResult run(Provider provider, AuthMethod method, HttpOperation op, JsonNode args,
      SecretFields secrets, List<String> secretValues, CallContext context) {
    Sent sent = once(provider, method, op, args, secrets, secretValues, context);
    if (sent.request() != null && sent.result().upstreamStatus().orElse(0) == 401
        && auth.forgetGrant(sent.request())) {
      sent = once(provider, method, op, args, secrets, secretValues, context);
    }
    return sent.result();
  }

  /** One attempt's answer, and the request it sent (null when none was sent). */
  private record Sent(ToolResult result, OutgoingRequest request) {
  }

  private Sent once(Provider provider, AuthMethod method, HttpOperation op, JsonNode args,
      SecretFields secrets, List<String> secretValues, CallContext context) {
    Function<String, Optional<String>> urlValues = UrlValues.of(provider, secrets);
    Map<HttpOperation.CredentialParameter, String> fromCredential = CredentialValues.of(op, method, secrets);
    String baseUrl = op.server().orElseGet(() -> UrlTemplate.render(provider.baseUrl(), urlValues));
    OutgoingRequest request = builder.build(baseUrl, op, args, secrets, fromCredential);
    request.deadline = context.deadline();
    // first, so that a signing auth method (AWS_SIGV4) signs these headers as they are sent
    SchemaHeaders.apply(provider, secrets, request);
    int headersBefore = request.headers.size();
    int queryBefore = request.query.size();
    try {
      auth.apply(UrlValues.resolve(method, urlValues), UrlValues.withDefaults(provider, secrets), request);
    } catch (GrantRefusedException e) {
      return new Sent(ToolResult.failure(Outcome.CREDENTIALS_REJECTED,
          Redactor.of(secretValues).redact(e.getMessage()), e.status() == 0 ? null : e.status()), null);
    }
    Redactor.Builder redactor = Redactor.builder().secrets(secretValues);
    fromCredential.values().forEach(redactor::injected);
    request.headers.subList(headersBefore, request.headers.size()).forEach(h -> redactor.injected(h.getValue()));
    request.query.subList(queryBefore, request.query.size()).forEach(q -> redactor.injected(q.getValue()));
    List<Header> headers = new ArrayList<>();
    headers.add(new Header("Accept", "application/json, */*;q=0.5"));
    headers.add(new Header("User-Agent", "Switchboard"));
    for (Map.Entry<String, String> h : request.headers) {
      headers.add(new Header(h.getKey(), h.getValue()));
    }
    HttpCall call = new HttpCall(request.method, URI.create(request.uri()), headers,
        request.body, Optional.ofNullable(request.contentType), context.deadline(), maxResponseBytes);
    HttpResult result = http.send(call);
    return new Sent(mapper.map(new UpstreamResponse(result.status(), result.contentType().orElse(null),
        result.body(), result.truncated(), result.header("Retry-After"), maxResponseBytes, result::header),
        redactor.build(), provider.answers()), request);
  }
}
