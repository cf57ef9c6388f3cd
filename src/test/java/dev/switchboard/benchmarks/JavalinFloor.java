package dev.switchboard.benchmarks;

import io.javalin.Javalin;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The floor of Switchboard's own stack, measured beside {@link JettyFloor} by {@code bench/load/run.sh}:
 * Javalin 7 on virtual threads, as {@code web.WebServer} configures it, with one route that reads
 * the JSON-RPC POST, calls the upstream with the Jetty client and answers a JSON-RPC result. Mode
 * {@code blocking} waits for the upstream on the request's virtual thread (Switchboard's design);
 * mode {@code async} hands Javalin a future completed by the client's listener; mode {@code pool}
 * blocks as {@code blocking} does, on a Jetty thread pool that runs only handlers on virtual threads
 * (Javalin's own runs everything on them). No gateway work.
 *
 * <p>Usage: {@code java -cp <test classpath> dev.switchboard.benchmarks.JavalinFloor PORT UPSTREAM_URL blocking|async|pool}
 */
public final class JavalinFloor {
  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient client = new HttpClient();
  private final String upstream;

  private JavalinFloor(String upstream) {
    this.upstream = upstream;
  }

  public static void main(String[] args) throws Exception {
    JavalinFloor floor = new JavalinFloor(args[1]);
    boolean async = "async".equals(args[2]);
    boolean pool = "pool".equals(args[2]);
    floor.client.setMaxConnectionsPerDestination(64);
    floor.client.start();
    Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.concurrency.useVirtualThreads = true;
      if (pool) {
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setReservedThreads(0);
        threads.setVirtualThreadsExecutor(VirtualThreads.getDefaultVirtualThreadsExecutor());
        config.jetty.threadPool = threads;
      }
      config.routes.post("/mcp", ctx -> {
        JsonNode rpc = floor.json.readTree(ctx.bodyAsBytes());
        if (async) {
          CompletableFuture<byte[]> answer = new CompletableFuture<>();
          floor.client.newRequest(floor.upstream)
              .headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer bench-upstream-token"))
              .send(new BufferingResponseListener() {
                @Override
                public void onComplete(Result result) {
                  if (result.isFailed()) {
                    answer.completeExceptionally(result.getFailure());
                  } else {
                    answer.complete(floor.answer(rpc, getContentAsString()));
                  }
                }
              });
          ctx.future(() -> answer.thenAccept(bytes -> ctx.contentType("application/json").result(bytes)));
        } else {
          ContentResponse response = floor.client.newRequest(floor.upstream)
              .headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer bench-upstream-token")).send();
          ctx.contentType("application/json").result(floor.answer(rpc, response.getContentAsString()));
        }
      });
    }).start("127.0.0.1", Integer.parseInt(args[0]));
  }

  private byte[] answer(JsonNode rpc, String text) {
    ObjectNode answer = json.createObjectNode().put("jsonrpc", "2.0").set("id", rpc.get("id"));
    answer.putObject("result").put("isError", false).putArray("content").addObject()
        .put("type", "text").put("text", text);
    return json.writeValueAsBytes(answer);
  }
}
