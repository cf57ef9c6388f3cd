package dev.switchboard.app;

import picocli.CommandLine;

/** Gives each command its {@link CliEnvironment} through its constructor. */
final class CliFactory implements CommandLine.IFactory {
  private final CliEnvironment environment;

  CliFactory(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      return type.getDeclaredConstructor(CliEnvironment.class).newInstance(environment);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
  }
}
