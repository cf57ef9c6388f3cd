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
   * @param style for arrays in the query: {@code form} with {@code explode} true repeats the key
   */
  public record Parameter(String argument, String wireName, In in, boolean required, boolean explode) {}

  /**
   * The body: the argument that holds it (always {@code body}) and its content type
   * ({@code application/json} or {@code application/x-www-form-urlencoded}).
   */
  public record Body(String argument, String contentType, boolean required) {}
}
