package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.HttpCall;
import dev.switchboard.upstream.HttpResult;
import dev.switchboard.upstream.UpstreamUnavailableException;
import dev.switchboard.upstream.UpstreamUnavailableException.Failure;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpFields;

/**
 * One request and its response over Jetty, no redirects. Jetty's total timeout ({@link
 * Request#timeout}) covers everything from queueing to the last body byte, so a trickling body ends
 * at the deadline: Jetty then completes the exchange as failed, which ends the wait. The calling
 * thread waits; on Java 21+ it is a virtual thread, and its wait has no timeout of its own: a timed
 * park of a virtual thread arms a timer in the scheduler's delay thread and cancels it again, which
 * cost 25–40 µs of CPU a call (docs/benchmarks.md, "Issue 12, the night run"), for a deadline that
 * Jetty's timeout already keeps.
 */
public final class JettyExchange {
  private final HttpClient client;

  public JettyExchange(HttpClient client) {
    this.client = client;
  }

  /**
   * Sends {@code call} with {@code timeoutMs} left.
   *
   * @param budgetMs the whole call's budget, for the timeout message
   */
  public HttpResult send(HttpCall call, long timeoutMs, long budgetMs) {
    boolean hasBody = call.body().length > 0 || call.contentType().isPresent();
    Request request = client.newRequest(call.uri())
        .method(call.method())
        .followRedirects(false)
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .headers(fields -> copy(call.headers(), fields, hasBody));
    if (hasBody) {
      request.body(new BytesRequestContent(
          call.contentType().orElse("application/octet-stream"), call.body()));
    }
    CappedResponse response = new CappedResponse(call.maxResponseBytes());
    request.send(response);
    try {
      return response.result().get();
    } catch (ExecutionException e) {
      throw Failures.map(e.getCause(), call.uri(), budgetMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      request.abort(e);
      throw new UpstreamUnavailableException(Failure.BROKEN,
          "the request to " + Failures.target(call.uri()) + " was interrupted");
    }
  }

  /** Caller headers replace the client's defaults of the same name (User-Agent); repeats are kept. */
  private static void copy(List<Header> headers, HttpFields.Mutable fields, boolean hasBody) {
    for (int i = 0; i < headers.size(); i++) {
      Header header = headers.get(i);
      if (!RequestHeaders.sent(header.name(), hasBody)) {
        continue;
      }
      if (firstOfName(headers, i)) {
        fields.put(header.name(), header.value());
      } else {
        fields.add(header.name(), header.value());
      }
    }
  }

  private static boolean firstOfName(List<Header> headers, int index) {
    for (int i = 0; i < index; i++) {
      if (headers.get(i).is(headers.get(index).name())) {
        return false;
      }
    }
    return true;
  }
}
