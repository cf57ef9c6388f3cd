package dev.switchboard.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;

/**
 * Logging for the command line, set up in code: reading logback's XML configuration costs a
 * command about as much as the work it came for. The same output as {@code logback.xml} (text or
 * JSON lines on standard error, {@code SWITCHBOARD_LOG_FORMAT} and {@code SWITCHBOARD_LOG_LEVEL});
 * {@code serve} and tests keep the XML. Found by logback through {@code META-INF/services}.
 */
public final class CliLogging extends ContextAwareBase implements Configurator {
  /** Set by {@link Main#main} for every command but {@code serve}, before anything logs. */
  static final String PROPERTY = "switchboard.cli";
  private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} [%X{requestId:--}] %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (!Boolean.getBoolean(PROPERTY)) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
    out.setContext(context);
    out.setName("OUT");
    out.setTarget("System.err");
    out.setEncoder("json".equals(System.getenv("SWITCHBOARD_LOG_FORMAT")) ? json(context) : text(context));
    out.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(System.getenv("SWITCHBOARD_LOG_LEVEL"), Level.INFO));
    root.addAppender(out);
    for (String quiet : List.of("org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb")) {
      context.getLogger(quiet).setLevel(Level.WARN);
    }
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static Encoder<ILoggingEvent> text(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    return encoder;
  }

  private static Encoder<ILoggingEvent> json(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithArguments(false);
    encoder.start();
    return encoder;
  }
}
