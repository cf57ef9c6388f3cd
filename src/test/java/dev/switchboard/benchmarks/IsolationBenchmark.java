package dev.switchboard.benchmarks;

import dev.switchboard.testing.IsolationLoad;
import dev.switchboard.testing.IsolationLoad.Counts;
import dev.switchboard.testing.IsolationLoad.Refusal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Issue 12's isolation scenario as figures: another user's {@code calculator_add} and {@code
 * /healthz} latencies (p50, p99, max) on a quiet server, then while one user holds idle streams,
 * calls to an upstream that never answers and connections that trickle request bodies (500, 1,000
 * and 300 by default). A real Switchboard on SQLite in a temporary folder, 127.0.0.1 only, bounded.
 *
 * <p>Usage: {@code IsolationBenchmark [streams calls bodies [samples]]}
 */
public final class IsolationBenchmark {
  private IsolationBenchmark() {}

  public static void main(String[] args) throws Exception {
    Counts counts = args.length >= 3
        ? new Counts(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]))
        : new Counts(500, 1_000, 300);
    int samples = args.length >= 4 ? Integer.parseInt(args[3]) : 500;
    Path dir = Files.createTempDirectory("isolation-bench");
    System.out.printf("Java %s, %d CPUs; %d samples of each, one at a time, 5 ms apart%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), samples);
    try (IsolationLoad load = IsolationLoad.start(dir, counts, Map.of())) {
      // warm-up: the JIT compiles the paths measured
      measure(load::timeHealthz, samples * 2);
      measure(load::timeCalculator, samples * 2);
      print("quiet", "/healthz", measure(load::timeHealthz, samples));
      print("quiet", "calculator_add (other user)", measure(load::timeCalculator, samples));

      long start = System.nanoTime();
      Refusal stream = load.holdStreams();
      System.out.printf("%d streams open in %d ms; the next: %d %s%n", counts.streams(), since(start),
          stream.status(), brief(stream.body()));
      start = System.nanoTime();
      Refusal body = load.trickleBodies();
      System.out.printf("%d bodies trickling in %d ms; the next anonymous body: %d %s%n", counts.bodies(),
          since(start), body.status(), brief(body.body()));
      start = System.nanoTime();
      Refusal call = load.holdCalls();
      System.out.printf("%d calls held by the upstream in %d ms; the next call: %d %s%n",
          load.upstream().held(), since(start), call.status(), brief(call.body()));

      String loaded = "held";
      print(loaded, "/healthz", measure(load::timeHealthz, samples));
      print(loaded, "calculator_add (other user)", measure(load::timeCalculator, samples));
      System.out.printf("still held after measuring: %d calls in flight, %d at the upstream%n",
          load.callsInFlight(), load.upstream().held());
      start = System.nanoTime();
      int answered = load.release();
      System.out.printf("released: %d calls answered in %d ms%n", answered, since(start));
    }
  }

  private static long[] measure(LongSupplier timed, int samples) throws InterruptedException {
    long[] micros = new long[samples];
    for (int i = 0; i < samples; i++) {
      micros[i] = TimeUnit.NANOSECONDS.toMicros(timed.getAsLong());
      Thread.sleep(5);
    }
    Arrays.sort(micros);
    return micros;
  }

  private static void print(String phase, String what, long[] sorted) {
    System.out.printf("%-5s %-28s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", phase, what,
        sorted[sorted.length / 2] / 1000.0, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1000.0,
        sorted[sorted.length - 1] / 1000.0);
  }

  private static long since(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private static String brief(String body) {
    return body.length() > 160 ? body.substring(0, 160) + "…" : body;
  }
}
