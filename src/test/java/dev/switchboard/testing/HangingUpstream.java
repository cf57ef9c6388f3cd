package dev.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream on 127.0.0.1 that answers {@code GET /ping} with {@code {}} and never answers anything
 * else: it reads the request and holds the connection until the caller gives up or {@link
 * #release()} closes every held one. One thread and a selector, so it holds thousands of requests.
 */
public final class HangingUpstream implements AutoCloseable {
  private static final byte[] PONG = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);
  private static final Object HELD = new Object();
  private final ServerSocketChannel server;
  private final Selector selector;
  private final AtomicInteger held = new AtomicInteger();
  private final AtomicInteger most = new AtomicInteger();
  private final AtomicBoolean releasing = new AtomicBoolean();
  private final Thread loop;

  public HangingUpstream() {
    try {
      selector = Selector.open();
      server = ServerSocketChannel.open();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    loop = new Thread(this::run, "hanging-upstream");
    loop.setDaemon(true);
    loop.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.socket().getLocalPort();
  }

  /** Requests held now. */
  public int held() {
    return held.get();
  }

  /** The most requests held at once. */
  public int mostHeld() {
    return most.get();
  }

  /** Waits until {@code count} requests are held or {@code wait} passed; the number held. */
  public int awaitHeld(int count, Duration wait) throws InterruptedException {
    long until = System.nanoTime() + wait.toNanos();
    while (held.get() < count && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    return held.get();
  }

  /** Closes every held connection (their callers see the upstream go away). */
  public void release() {
    releasing.set(true);
    selector.wakeup();
  }

  private void run() {
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    try {
      serve(buffer);
    } finally {
      for (SelectionKey key : selector.keys()) {
        try {
          key.channel().close();
        } catch (IOException e) {
          // already gone
        }
      }
      try {
        selector.close();
      } catch (IOException e) {
        // nothing left to do
      }
    }
  }

  private void serve(ByteBuffer buffer) {
    while (server.isOpen()) {
      try {
        selector.select();
        if (releasing.getAndSet(false)) {
          for (SelectionKey key : selector.keys()) {
            if (key.attachment() == HELD) {
              drop(key);
            }
          }
        }
        for (SelectionKey key : selector.selectedKeys()) {
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            SocketChannel channel = server.accept();
            if (channel != null) {
              channel.configureBlocking(false);
              channel.register(selector, SelectionKey.OP_READ, new StringBuilder());
            }
          } else if (key.isReadable()) {
            read(key, buffer);
          }
        }
        selector.selectedKeys().clear();
      } catch (IOException | RuntimeException e) {
        if (!server.isOpen()) {
          return;
        }
      }
    }
  }

  private void read(SelectionKey key, ByteBuffer buffer) throws IOException {
    SocketChannel channel = (SocketChannel) key.channel();
    buffer.clear();
    int n;
    try {
      n = channel.read(buffer);
    } catch (IOException e) {
      n = -1;
    }
    if (n < 0) {
      drop(key);
      return;
    }
    if (key.attachment() == HELD) {
      return; // more of a held request's body: ignored
    }
    StringBuilder head = (StringBuilder) key.attachment();
    head.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
    int end = head.indexOf("\r\n\r\n");
    if (end < 0) {
      return;
    }
    if (head.indexOf("GET /ping") == 0) {
      channel.write(ByteBuffer.wrap(PONG)); // small: fits the socket's buffer at once
      head.delete(0, end + 4);
    } else {
      key.attach(HELD);
      most.accumulateAndGet(held.incrementAndGet(), Math::max);
    }
  }

  private void drop(SelectionKey key) {
    if (key.attachment() == HELD) {
      held.decrementAndGet();
    }
    key.attach(null);
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException e) {
      // already gone
    }
  }

  @Override
  public void close() {
    try {
      server.close();
      selector.wakeup();
      loop.join(2_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
