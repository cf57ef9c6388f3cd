package dev.switchboard.upstream;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Started {@link OutboundHttp} clients for tests, closed together. Names resolve from a fixed map
 * (plus {@code localhost} from the hosts file); every other name fails as if DNS had no answer,
 * so no test asks DNS about an outside name.
 */
final class OutboundClients implements AutoCloseable {
  private final List<OutboundHttp> started = new ArrayList<>();
  private final Map<String, String> names;

  OutboundClients(Map<String, String> names) {
    this.names = Map.copyOf(names);
  }

  OutboundClients() {
    this(Map.of());
  }

  /** A started client whose guard allows what {@code allow} lists. */
  OutboundHttp allowing(String allow) {
    OutboundHttp http = new OutboundHttp(new OutboundGuard(OutboundPolicy.parse(allow), this::lookup));
    http.start();
    started.add(http);
    return http;
  }

  private InetAddress[] lookup(String name) throws UnknownHostException {
    if (name.equals("localhost")) {
      return InetAddress.getAllByName(name);
    }
    String address = names.get(name);
    if (address == null) {
      throw new UnknownHostException(name);
    }
    return new InetAddress[] {InetAddress.getByName(address)};
  }

  static Instant inSeconds(long seconds) {
    return Instant.now().plusSeconds(seconds);
  }

  @Override
  public void close() {
    started.forEach(OutboundHttp::close);
  }
}
