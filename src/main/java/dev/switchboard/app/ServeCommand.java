package dev.switchboard.app;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** {@code switchboard serve}: starts the gateway and runs until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start the gateway (embedded SQLite, generated vault key and first admin by default).")
final class ServeCommand implements Callable<Integer> {
  private final CliEnvironment env;

  ServeCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    RunningServer server = RunningServer.start(env.settings(), Clock.systemUTC(), env.out());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
    return 0;
  }
}
