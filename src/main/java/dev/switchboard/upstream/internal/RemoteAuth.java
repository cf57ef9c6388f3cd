package dev.switchboard.upstream.internal;

import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.Provider;
import dev.switchboard.upstream.Header;
import dev.switchboard.vault.SecretFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a credential puts on the requests to a remote MCP server, by the same strategies as for HTTP
 * tools ({@link AuthInjections}): the auth method's header (Bearer token, OAuth access token, API
 * key header or Basic), the credential schema's {@code x-{provider}-…} headers, and an API key
 * meant for the query string added to the server URL's query. Stateless.
 *
 * @param url the provider's MCP URL, with a query-string API key when the method puts it there
 * @param headers the headers to send with every request to that URL's origin
 */
public record RemoteAuth(String url, List<Header> headers) {
  private static final AuthInjections AUTH = new AuthInjections();

  public RemoteAuth {
    headers = List.copyOf(headers);
  }

  public static RemoteAuth of(Provider provider, AuthMethod method, SecretFields secrets) {
    OutgoingRequest request = new OutgoingRequest("POST", provider.mcpUrl());
    AUTH.apply(method, secrets, request);
    SchemaHeaders.apply(provider, secrets, request);
    List<Header> headers = new ArrayList<>(request.headers.size());
    for (Map.Entry<String, String> header : request.headers) {
      headers.add(new Header(header.getKey(), header.getValue()));
    }
    return new RemoteAuth(withQuery(request), headers);
  }

  /** Names the header count only: the URL's query and the header values can hold the credential. */
  @Override
  public String toString() {
    return "RemoteAuth[" + headers.size() + " headers]";
  }

  private static String withQuery(OutgoingRequest request) {
    StringBuilder url = new StringBuilder(request.url);
    for (Map.Entry<String, String> parameter : request.query) {
      url.append(url.indexOf("?") < 0 ? '?' : '&').append(UrlParts.encode(parameter.getKey()))
          .append('=').append(UrlParts.encode(parameter.getValue()));
    }
    return url.toString();
  }
}
