package dev.switchboard.web;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads request bodies strictly and writes responses. A body must be {@code application/json},
 * no larger than the configured limit, well formed, with no unknown fields and no type coercion;
 * each failure becomes a 400 (or 413, 415) whose message names the problem and never echoes values.
 */
final class Json {
  /** How Jackson's STRICT_DUPLICATE_DETECTION failure begins. */
  private static final String DUPLICATE = "Duplicate Object property \"";
  private final JsonMapper out;
  private final JsonMapper strict;
  private final long maxBodyBytes;

  Json(JsonMapper mapper, long maxBodyBytes) {
    this.out = mapper;
    this.maxBodyBytes = maxBodyBytes;
    this.strict = mapper.rebuild()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // {"a":1,"a":2}: parsers disagree on which one wins, so a repeated key is refused
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .withCoercionConfig(LogicalType.Textual, c -> c
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Integer, c -> c
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean, c -> c
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .build();
  }

  JsonMapper mapper() {
    return out;
  }

  /** The body as {@code type}; an empty body reads as an empty object. */
  <T> T read(Context ctx, Class<T> type) {
    String contentType = ctx.contentType();
    byte[] body = BoundedBody.read(WebCall.of(ctx), maxBodyBytes);
    if (body == null) {
      throw tooLarge();
    }
    if (body.length == 0) {
      body = "{}".getBytes(StandardCharsets.UTF_8);
    } else if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new SwitchboardException(ErrorKind.INVALID_REQUEST, "unsupported_media_type",
          "send the body as Content-Type: application/json");
    }
    try {
      return strict.readValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw SwitchboardException.invalid("unknown_field",
          "unknown field '" + path(e.getPath()) + "'");
    } catch (MismatchedInputException e) {
      String where = path(e.getPath());
      throw SwitchboardException.invalid("wrong_type", where.isEmpty()
          ? "the body must be a JSON object"
          : "field '" + where + "' has the wrong type");
    } catch (StreamReadException e) {
      if (isDuplicate(e)) {
        throw SwitchboardException.invalid("duplicate_key", "the body repeats the key '"
            + duplicateKey(e) + "' in one object; send each key once");
      }
      throw SwitchboardException.invalid("malformed_json",
          "the body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")");
    } catch (JacksonException e) {
      throw SwitchboardException.invalid("invalid_body", "the body does not match the expected shape");
    }
  }

  void write(Context ctx, int status, Object body) {
    noStore(WebCall.of(ctx));
    ctx.status(status).contentType("application/json").result(out.writeValueAsBytes(body));
  }

  /**
   * Headers of every JSON answer: never kept by a cache or proxy (answers name credentials,
   * tokens and accounts) and never sniffed as another type.
   */
  static void noStore(WebCall call) {
    call.header("Cache-Control", "no-store");
    call.header("X-Content-Type-Options", "nosniff");
  }

  private static boolean isDuplicate(StreamReadException e) {
    return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith(DUPLICATE);
  }

  /** The repeated key from Jackson's message (a key, never a value), cut to 64 characters. */
  private static String duplicateKey(StreamReadException e) {
    String m = e.getOriginalMessage();
    int end = m.indexOf('"', DUPLICATE.length());
    String key = end < 0 ? m.substring(DUPLICATE.length()) : m.substring(DUPLICATE.length(), end);
    return key.length() > 64 ? key.substring(0, 64) + "…" : key;
  }

  private SwitchboardException tooLarge() {
    return new SwitchboardException(ErrorKind.PAYLOAD_TOO_LARGE, "body_too_large",
        "the body is larger than " + maxBodyBytes + " bytes");
  }

  private static String path(List<JacksonException.Reference> path) {
    return path.stream()
        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
