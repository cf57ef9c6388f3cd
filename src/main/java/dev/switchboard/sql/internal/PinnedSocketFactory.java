package dev.switchboard.sql.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * Sockets to the one address the outbound guard approved (DESIGN.md §9), whatever host name the
 * driver was given. The driver keeps using the name for TLS (SNI and {@code verify-full}) but never
 * resolves it: {@link #createSocket()} answers a socket that is already connected, and the driver
 * only resolves and connects sockets that are not, so a second DNS answer cannot swap in another
 * address. The driver instantiates this class by name with the connection properties:
 * {@link #ADDRESS} holds an IP literal, {@link #PORT} the port and {@link #TIMEOUT_MILLIS} the
 * connect timeout. Cancel requests open their sockets here too.
 */
public final class PinnedSocketFactory extends SocketFactory {
  static final String ADDRESS = "switchboardPinnedAddress";
  static final String PORT = "switchboardPinnedPort";
  static final String TIMEOUT_MILLIS = "switchboardConnectTimeoutMillis";

  private final InetSocketAddress target;
  private final int timeoutMillis;

  /** Called by the driver with the connection properties. */
  public PinnedSocketFactory(Properties properties) throws IOException {
    String literal = properties.getProperty(ADDRESS, "");
    if (literal.isEmpty()) {
      throw new IOException("no approved address for this connection");
    }
    // An IP literal is parsed, never looked up.
    this.target = new InetSocketAddress(InetAddress.getByName(literal),
        Integer.parseInt(properties.getProperty(PORT, "5432")));
    this.timeoutMillis = Integer.parseInt(properties.getProperty(TIMEOUT_MILLIS, "10000"));
  }

  @Override
  public Socket createSocket() throws IOException {
    return connect(target);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connect(new InetSocketAddress(target.getAddress(), port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connect(new InetSocketAddress(target.getAddress(), port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return createSocket(host, port);
  }

  private Socket connect(InetSocketAddress address) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(address, timeoutMillis);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }
}
