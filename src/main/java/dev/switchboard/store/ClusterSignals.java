package dev.switchboard.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages between the instances that share one PostgreSQL (DESIGN.md §8), over LISTEN/NOTIFY on
 * the channel {@code switchboard}: an instance publishes a short text (never a secret: an event
 * kind and an id) and every instance, itself included, receives it. On SQLite there is one instance
 * and messages are delivered locally. The listener holds one dedicated connection on a daemon thread
 * and reconnects when it drops.
 */
public final class ClusterSignals implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterSignals.class);
  private static final String CHANNEL = "switchboard";
  private final Database database;
  private final String url;
  private final Properties login = new Properties();
  private final Consumer<String> receiver;
  private final Thread listener;
  private volatile boolean running = true;

  public ClusterSignals(Database database, String url, String user, String password, Consumer<String> receiver) {
    this.database = database;
    this.url = url;
    this.receiver = receiver;
    if (!user.isEmpty()) {
      login.setProperty("user", user);
    }
    if (!password.isEmpty()) {
      login.setProperty("password", password);
    }
    this.listener = new Thread(this::listen, "cluster-signals");
    listener.setDaemon(true);
    if (database.dialect() == Dialect.POSTGRESQL) {
      listener.start();
    }
  }

  /** Sends a message to every instance (this one included). */
  public void publish(String message) {
    if (database.dialect() != Dialect.POSTGRESQL) {
      receiver.accept(message);
      return;
    }
    database.jdbi().useHandle(h -> h.createQuery("SELECT pg_notify(:channel, :message)")
        .bind("channel", CHANNEL).bind("message", message).mapTo(String.class).findOne());
  }

  private void listen() {
    while (running) {
      try (Connection c = DriverManager.getConnection(url, login); Statement s = c.createStatement()) {
        s.execute("LISTEN " + CHANNEL);
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notes = pg.getNotifications(500);
          if (notes != null) {
            for (PGNotification note : notes) {
              deliver(note.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        if (running) {
          LOG.warn("listening for cluster messages failed ({}); reconnecting", e.getMessage());
          pause();
        }
      }
    }
  }

  private void deliver(String message) {
    try {
      receiver.accept(message);
    } catch (RuntimeException e) {
      LOG.warn("handling a cluster message failed: {}", e.getMessage());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    listener.interrupt();
  }
}
