package dev.switchboard.tool;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The call recipe of an HTTP operation: method, path template relative to the provider's base URL
 * ({@code /repos/{owner}/{repo}}), where each argument goes, and the body's content type.
 *
 * @param method upper-case HTTP method
 * @param path path template with {@code {name}} placeholders naming path parameters (wire names)
 * @param parameters path, query and header parameters, each bound to one argument
 * @param body the request body, when the operation takes one
 * @param credentialParameters parameters and body fields the tool does not ask for: the call fills them
 *     from the credential (the administrator marked them as credential fields, such as Slack's
 *     {@code token}); never null
 * @param server the operation's own server URL (absolute, its variables set to their defaults) when
 *     the description gives it one other than the document's (OpenAPI's per-operation or per-path
 *     {@code servers}): the call goes there instead of to the provider's base URL, through the same
 *     outbound guard; empty for every other operation, never null
 */
public record HttpOperation(
    String method, String path, List<Parameter> parameters, Optional<Body> body,
    List<CredentialParameter> credentialParameters, Optional<String> server) implements ToolRecipe {

  public HttpOperation {
    parameters = List.copyOf(parameters);
    credentialParameters = credentialParameters == null ? List.of() : List.copyOf(credentialParameters);
    server = server == null ? Optional.empty() : server;
  }

  /** A recipe sent to the provider's base URL. */
  public HttpOperation(String method, String path, List<Parameter> parameters, Optional<Body> body,
      List<CredentialParameter> credentialParameters) {
    this(method, path, parameters, body, credentialParameters, Optional.empty());
  }

  /** A recipe whose parameters all come from arguments. */
  public HttpOperation(String method, String path, List<Parameter> parameters, Optional<Body> body) {
    this(method, path, parameters, body, List.of());
  }

  /**
   * A value the call takes from the credential: the credential's secret field of the same name when it
   * has one, else its main secret (the API key, token or access token).
   *
   * @param wireName the parameter's or body field's name
   * @param in where it goes: {@code QUERY}, {@code HEADER} or {@code PATH}; null for a top-level field of
   *     the body
   */
  public record CredentialParameter(String wireName, In in) {}

  /** Where a parameter travels. */
  public enum In {
    PATH,
    QUERY,
    HEADER
  }

  /**
   * How a structured value (array or object) is written, as OpenAPI's {@code style} names it
   * (OpenAPI 3.1 §4.8.12.4); scalars are written as text in every style but {@link #LABEL} and
   * {@link #MATRIX}, which add their prefix.
   */
  public enum Style {
    FORM,
    SIMPLE,
    LABEL,
    MATRIX,
    SPACE_DELIMITED,
    PIPE_DELIMITED,
    /** {@code name[key]=value}, nested as Stripe reads it: {@code a[b][c]=v}, scalar arrays as {@code a[]=v}. */
    DEEP_OBJECT;

    /** OpenAPI's default: {@code form} for query (and form body fields), {@code simple} for path and header. */
    public static Style defaultFor(In in) {
      return in == In.QUERY ? FORM : SIMPLE;
    }
  }

  /**
   * One parameter: the argument name in the tool's input schema and the name on the wire (they
   * differ when two parameters share a wire name or the wire name is not a valid argument name).
   *
   * @param explode OpenAPI's {@code explode}: for a query array, true repeats the key
   *     ({@code ?tag=a&tag=b}), false joins the values with commas ({@code ?tag=a,b}); true by default for
   *     query parameters (style {@code form}), false for path and header ones (style {@code simple})
   * @param style how arrays and objects are written; null (recipes stored before styles) means the
   *     location's default
   */
  public record Parameter(String argument, String wireName, In in, boolean required, boolean explode, Style style) {
    public Parameter {
      style = style == null ? Style.defaultFor(in) : style;
    }

    /** A parameter in its location's default style. */
    public Parameter(String argument, String wireName, In in, boolean required, boolean explode) {
      this(argument, wireName, in, required, explode, null);
    }
  }

  /**
   * How one field of a form body is written (OpenAPI's Encoding Object).
   *
   * @param style {@link Style#FORM} or {@link Style#DEEP_OBJECT} (also space and pipe delimited)
   * @param explode as for a query parameter
   * @param json true when the description gives the field the content type {@code application/json}:
   *     the field is sent as JSON text
   */
  public record FieldEncoding(Style style, boolean explode, boolean json) {
    public FieldEncoding {
      style = style == null ? Style.FORM : style;
    }
  }

  /**
   * The body: the argument that holds it (always {@code body}) and its content type: a JSON type
   * ({@code application/json} or a {@code *+json} type as the document names it) or
   * {@code application/x-www-form-urlencoded}.
   *
   * @param encoding for a form body, how the named top-level fields are written; fields not named
   *     are written as scalars, arrays of scalars as repeated keys ({@code form}, exploded), and
   *     objects and arrays of structures in brackets ({@code deepObject}); never null
   */
  public record Body(String argument, String contentType, boolean required, Map<String, FieldEncoding> encoding) {
    public Body {
      // sorted, so that stored recipes are the same text on every instance
      encoding = encoding == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(encoding));
    }

    /** A body with no per-field encoding. */
    public Body(String argument, String contentType, boolean required) {
      this(argument, contentType, required, Map.of());
    }
  }
}
