package dev.switchboard.benchmarks;

import io.javalin.Javalin;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.JsonNode;

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
  private JavalinFloor() {}

  public static void main(String[] args) throws Exception {
    FloorUpstream upstream = new FloorUpstream(args[1]);
    boolean async = "async".equals(args[2]);
    boolean pool = "pool".equals(args[2]);
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
        JsonNode rpc = upstream.json.readTree(ctx.bodyAsBytes());
        if (async) {
          CompletableFuture<String> text = FloorUpstream.text(upstream.get());
          ctx.future(() -> text.thenAccept(t -> ctx.contentType("application/json").result(upstream.answer(rpc, t))));
        } else {
          String text = upstream.get().send().getContentAsString();
          ctx.contentType("application/json").result(upstream.answer(rpc, text));
        }
      });
    }).start("127.0.0.1", Integer.parseInt(args[0]));
  }
}
