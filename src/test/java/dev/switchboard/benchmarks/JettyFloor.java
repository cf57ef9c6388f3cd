package dev.switchboard.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.JsonNode;

/**
 * The floor of the asynchronous design named in docs/benchmarks.md, measured beside Switchboard by
 * {@code bench/load/run.sh}: the least a Jetty-based gateway can spend on a {@code tools/call}. One
 * Jetty 12 server and one Jetty client, each with one selector; a non-blocking handler reads the
 * POST body, parses the JSON-RPC request with Jackson, sends the upstream GET with the client's
 * asynchronous API and, on its completion, writes a JSON-RPC result holding the upstream's text.
 * No thread waits for anything. What it leaves out is everything that makes it a gateway: no
 * authentication, session, limits, tool lookup, argument check, credential, outbound guard,
 * execution record, metric or log line.
 *
 * <p>A third argument picks another way of waiting, to price each: {@code blocking} does the same
 * work the way Switchboard does it, minus Javalin: a blocking handler on a virtual thread that waits
 * for the client's answer (which separates the cost of the hand-offs between threads from that of
 * the servlet layer, {@link JavalinFloor}); {@code timed} also sets Jetty's request timeout and
 * waits for the answer with a timeout, as Switchboard's {@code JettyExchange} did until the night
 * run of 2026-12-07; {@code timed-request} only the first, {@code timed-get} only the second.
 *
 * <p>Usage: {@code java -cp <test classpath> dev.switchboard.benchmarks.JettyFloor PORT UPSTREAM_URL
 * [async|blocking|timed|timed-request|timed-get]}
 */
public final class JettyFloor {
  private final FloorUpstream upstream;

  private JettyFloor(FloorUpstream upstream) {
    this.upstream = upstream;
  }

  public static void main(String[] args) throws Exception {
    JettyFloor floor = new JettyFloor(new FloorUpstream(args[1]));
    String mode = args.length > 2 ? args[2] : "async";
    boolean blocking = mode.equals("blocking") || mode.startsWith("timed");
    QueuedThreadPool threads = new QueuedThreadPool(8, 2);
    threads.setReservedThreads(0);
    if (blocking) {
      threads.setVirtualThreadsExecutor(VirtualThreads.getDefaultVirtualThreadsExecutor());
    }
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(Integer.parseInt(args[0]));
    server.addConnector(connector);
    server.setHandler(blocking ? floor.blockingHandler(mode) : new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        Content.Source.asByteBuffer(request, new Promise<>() {
          @Override
          public void succeeded(ByteBuffer body) {
            floor.call(floor.upstream.json.readTree(StandardCharsets.UTF_8.decode(body).toString()), request,
                response, callback);
          }

          @Override
          public void failed(Throwable failure) {
            Response.writeError(request, response, callback, 400);
          }
        });
        return true;
      }
    });
    server.start();
    server.join();
  }

  /** Reads the body and waits for the upstream on the request's (virtual) thread. */
  private Handler blockingHandler(String mode) {
    boolean timed = mode.startsWith("timed");
    return new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        JsonNode rpc = upstream.json.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
        String text = timed ? timedCall(!mode.equals("timed-get"), !mode.equals("timed-request"))
            : upstream.get().send().getContentAsString();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(upstream.answer(rpc, text)), callback);
        return true;
      }
    };
  }

  /** As Switchboard's JettyExchange waits: a Jetty timeout on the request, a timed wait for its future. */
  private String timedCall(boolean requestTimeout, boolean timedGet) throws Exception {
    CompletableFuture<String> text = FloorUpstream.text(upstream.get().timeout(requestTimeout ? 30 : 0,
        TimeUnit.SECONDS));
    return timedGet ? text.get(32, TimeUnit.SECONDS) : text.get();
  }

  /** Sends the upstream request; its completion writes the JSON-RPC answer. */
  private void call(JsonNode rpc, Request request, Response response, Callback callback) {
    upstream.get().send(new BufferingResponseListener() {
      @Override
      public void onComplete(Result result) {
        if (result.isFailed()) {
          Response.writeError(request, response, callback, 502);
          return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(upstream.answer(rpc, getContentAsString())), callback);
      }
    });
  }
}
