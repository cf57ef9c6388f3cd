package dev.switchboard.upstream.internal;

import dev.switchboard.error.SwitchboardException;
import dev.switchboard.tool.HttpOperation;
import dev.switchboard.vault.SecretFields;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the request of an HTTP operation from validated arguments: the base URL (with
 * {@code {instance_url}} substituted), path parameters percent-encoded into the template, query
 * and header parameters, and the JSON or form body.
 */
final class RequestBuilder {
  private final JsonMapper json;

  RequestBuilder(JsonMapper json) {
    this.json = json;
  }

  OutgoingRequest build(String baseUrl, HttpOperation op, JsonNode args, SecretFields fields) {
    String path = op.path();
    for (HttpOperation.Parameter p : op.parameters()) {
      if (p.in() == HttpOperation.In.PATH) {
        JsonNode value = args.get(p.argument());
        if (value == null || value.isNull()) {
          throw SwitchboardException.invalid("missing_argument", p.argument() + " is required");
        }
        String segment = scalar(value);
        if (UrlParts.isDotSegmentOrEmpty(segment)) {
          // refused before any request: "%2E%2E" is still ".." to WHATWG URL parsers (Node, some
          // proxies), and an empty value makes "//", which proxies merge into one slash
          throw SwitchboardException.invalid("invalid_path_parameter",
              p.argument() + " must not be empty, \".\" or \"..\" (it is part of the URL path)");
        }
        path = path.replace("{" + p.wireName() + "}", UrlParts.pathSegment(segment));
      }
    }
    OutgoingRequest request = new OutgoingRequest(op.method(), base(baseUrl, fields) + path);
    for (HttpOperation.Parameter p : op.parameters()) {
      JsonNode value = args.get(p.argument());
      if (value == null || value.isNull() || p.in() == HttpOperation.In.PATH) {
        continue;
      }
      if (p.in() == HttpOperation.In.HEADER) {
        request.header(p.wireName(), scalar(value));
      } else if (value.isArray() && p.explode()) {
        value.forEach(item -> request.query(p.wireName(), scalar(item)));
      } else if (value.isArray()) {
        StringBuilder joined = new StringBuilder();
        value.forEach(item -> joined.append(joined.length() == 0 ? "" : ",").append(scalar(item)));
        request.query(p.wireName(), joined.toString());
      } else {
        request.query(p.wireName(), scalar(value));
      }
    }
    op.body().ifPresent(body -> {
      JsonNode value = args.get(body.argument());
      if (value != null && !value.isNull()) {
        request.contentType = body.contentType();
        request.body = body.contentType().startsWith("application/x-www-form-urlencoded")
            ? form(value)
            : json.writeValueAsBytes(value);
      }
    });
    return request;
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

  private String scalar(JsonNode value) {
    return value.isValueNode() ? value.asString() : json.writeValueAsString(value);
  }

  private byte[] form(JsonNode value) {
    StringBuilder out = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(UrlParts.encode(e.getKey())).append('=').append(UrlParts.encode(scalar(e.getValue())));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
