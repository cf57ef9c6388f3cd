package dev.switchboard.tool;

import java.util.List;
import java.util.Optional;

/**
 * The call recipe of an HTTP operation: method, path template relative to the provider's base URL
 * ({@code /repos/{owner}/{repo}}), where each argument goes, and the body's content type.
 *
 * @param method upper-case HTTP method
 * @param path path template with {@code {name}} placeholders naming path parameters (wire names)
 * @param parameters path, query and header parameters, each bound to one argument
 * @param body the request body, when the operation takes one
 */
public record HttpOperation(
    String method, String path, List<Parameter> parameters, Optional<Body> body) implements ToolRecipe {

  public HttpOperation {
    parameters = List.copyOf(parameters);
  }

  /** Where a parameter travels. */
  public enum In {
    PATH,
    QUERY,
    HEADER
  }

  /**
   * One parameter: the argument name in the tool's input schema and the name on the wire (they
   * differ when two parameters share a wire name or the wire name is not a valid argument name).
   *
   * @param explode OpenAPI's {@code explode}: for a query array, true repeats the key
   *     ({@code ?tag=a&tag=b}), false joins the values with commas ({@code ?tag=a,b}); true by default for
   *     query parameters (style {@code form}), false for path and header ones (style {@code simple})
   */
  public record Parameter(String argument, String wireName, In in, boolean required, boolean explode) {}

  /**
   * The body: the argument that holds it (always {@code body}) and its content type: a JSON type
   * ({@code application/json} or a {@code *+json} type as the document names it) or
   * {@code application/x-www-form-urlencoded}.
   */
  public record Body(String argument, String contentType, boolean required) {}
}
