package dev.switchboard.upstream.internal;

import dev.switchboard.error.SwitchboardException;
import dev.switchboard.tool.HttpOperation;
import dev.switchboard.vault.SecretFields;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the request of an HTTP operation from validated arguments: the base URL (with
 * {@code {instance_url}} substituted), path parameters percent-encoded into the template, query
 * and header parameters, and the JSON or form body, structures written in their OpenAPI style
 * ({@link StyledValues}).
 */
final class RequestBuilder {
  private final JsonMapper json;

  RequestBuilder(JsonMapper json) {
    this.json = json;
  }

  OutgoingRequest build(String baseUrl, HttpOperation op, JsonNode args, SecretFields fields) {
    return build(baseUrl, op, args, fields, Map.of());
  }

  /** The request, with {@code fromCredential} values placed where their recipe entries say. */
  OutgoingRequest build(String baseUrl, HttpOperation op, JsonNode args, SecretFields fields,
      Map<HttpOperation.CredentialParameter, String> fromCredential) {
    String path = op.path();
    for (Map.Entry<HttpOperation.CredentialParameter, String> value : fromCredential.entrySet()) {
      if (value.getKey().in() == HttpOperation.In.PATH) {
        path = path.replace("{" + value.getKey().wireName() + "}", UrlParts.pathSegment(value.getValue()));
      }
    }
    for (HttpOperation.Parameter p : op.parameters()) {
      if (p.in() == HttpOperation.In.PATH) {
        JsonNode value = args.get(p.argument());
        if (value == null || value.isNull()) {
          throw SwitchboardException.invalid("missing_argument", p.argument() + " is required");
        }
        path = path.replace("{" + p.wireName() + "}", pathValue(p, value));
      }
    }
    OutgoingRequest request = new OutgoingRequest(op.method(), base(baseUrl, fields) + path);
    for (HttpOperation.Parameter p : op.parameters()) {
      JsonNode value = args.get(p.argument());
      if (value == null || value.isNull() || p.in() == HttpOperation.In.PATH) {
        continue;
      }
      if (p.in() == HttpOperation.In.HEADER) {
        request.header(p.wireName(), StyledValues.header(value, p.explode()));
      } else {
        StyledValues.pairs(p.wireName(), value, p.style(), p.explode()).forEach(q -> request.query(q.getKey(), q.getValue()));
      }
    }
    for (Map.Entry<HttpOperation.CredentialParameter, String> value : fromCredential.entrySet()) {
      HttpOperation.In in = value.getKey().in();
      if (in == HttpOperation.In.QUERY) {
        request.query(value.getKey().wireName(), value.getValue());
      } else if (in == HttpOperation.In.HEADER) {
        request.header(value.getKey().wireName(), value.getValue());
      }
    }
    op.body().ifPresent(body -> {
      JsonNode value = withBodyFields(args.get(body.argument()), fromCredential);
      if (value != null && !value.isNull()) {
        request.contentType = body.contentType();
        if (body.contentType().startsWith("multipart/form-data")) {
          MultipartBody multipart = MultipartBody.of(value, json);
          request.contentType = multipart.contentType;
          request.body = multipart.bytes;
          return;
        }
        request.body = body.contentType().startsWith("application/x-www-form-urlencoded")
            ? form(StyledValues.formFields(value, body.encoding()))
            : json.writeValueAsBytes(value);
      }
    });
    return request;
  }

  /** The body with the credential's top-level fields added (a body of only such fields is created). */
  private static JsonNode withBodyFields(JsonNode body, Map<HttpOperation.CredentialParameter, String> values) {
    if (values.keySet().stream().noneMatch(p -> p.in() == null)
        || (body != null && !body.isNull() && !body.isObject())) {
      return body;
    }
    ObjectNode filled = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode()
        : ((ObjectNode) body).deepCopy();
    values.forEach((parameter, value) -> {
      if (parameter.in() == null) {
        filled.put(parameter.wireName(), value);
      }
    });
    return filled;
  }

  private static String base(String baseUrl, SecretFields fields) {
    String base = baseUrl;
    if (base.contains("{instance_url}")) {
      String instance = fields.get("instance_url").orElseThrow(() ->
          SwitchboardException.invalid("missing_instance_url", "the credential has no instance_url"));
      base = base.replace("{instance_url}", stripSlash(instance));
    }
    return stripSlash(base);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static byte[] form(List<Map.Entry<String, String>> fields) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> field : fields) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(UrlParts.formName(field.getKey())).append('=').append(UrlParts.encode(field.getValue()));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The styled value of path parameter {@code p}. An empty value, {@code .} or {@code ..} (alone or
   * as an item) is refused before any request: {@code %2E%2E} is still {@code ..} to WHATWG URL
   * parsers (Node, some proxies), and an empty value makes {@code //}, which proxies merge into one
   * slash.
   */
  private static String pathValue(HttpOperation.Parameter p, JsonNode value) {
    String styled;
    try {
      styled = StyledValues.path(p.wireName(), value, p.style(), p.explode());
    } catch (IllegalArgumentException dotSegmentOrEmpty) {
      styled = "";
    }
    if (styled.isEmpty()) {
      throw SwitchboardException.invalid("invalid_path_parameter",
          p.argument() + " must not be empty, \".\" or \"..\" (it is part of the URL path)");
    }
    return styled;
  }
}
