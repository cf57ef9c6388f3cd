package dev.switchboard.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code switchboard} command and its subcommands. */
@Command(name = "switchboard", mixinStandardHelpOptions = true, version = "Switchboard 0.1.0",
    description = "A self-hosted MCP gateway that keeps credentials encrypted, verified and fresh.")
public final class Main implements Runnable {
  /**
   * The subcommands, added by {@link #run}: picocli reads every added command's annotations when it
   * starts, which costs a command line several hundredths of a second per command family; a line
   * that names one gets only that one.
   */
  private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(ServeCommand.class, UserCommand.class,
      TokenCommand.class, VaultCommand.class, ProviderCommand.class, CommandLine.HelpCommand.class);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (args.length == 0 || !args[0].equals("serve")) {
      System.setProperty(CliLogging.PROPERTY, "true");
    }
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs a command line with the given environment and streams; returns the exit code. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    CliEnvironment environment = new CliEnvironment(env, out, err);
    CommandLine cli = new CommandLine(new Main(), new CliFactory(environment));
    Class<?> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
    for (Class<?> command : named != null && named != CommandLine.HelpCommand.class
        ? List.of(named) : SUBCOMMANDS.values()) {
      cli.addSubcommand(command);
    }
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      err.println("error: " + CliEnvironment.describe(e));
      return 1;
    });
    return cli.execute(args);
  }

  private static Map<String, Class<?>> subcommands(Class<?>... commands) {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    for (Class<?> command : commands) {
      byName.put(command.getAnnotation(Command.class).name(), command);
    }
    return byName;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
