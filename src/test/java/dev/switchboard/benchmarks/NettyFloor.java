package dev.switchboard.benchmarks;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The same floor as {@link JettyFloor} on Netty, measured beside it by {@code bench/load/run.sh}:
 * one event loop carries each call from the request's bytes to the upstream's answer (each client
 * connection gets its own kept upstream connection on the same loop), with the same JSON-RPC work
 * (Jackson tree in, Jackson tree out) and none of a gateway's.
 *
 * <p>With {@code epoll} as third argument it runs on Linux's epoll (Netty's native transport) instead of
 * the JDK's NIO selector, which is what nginx waits with.
 *
 * <p>Usage: {@code java -cp <test classpath> dev.switchboard.benchmarks.NettyFloor PORT UPSTREAM_URL [epoll]}
 */
public final class NettyFloor {
  private static final int MOST_BYTES = 1 << 20;
  private final JsonMapper json = JsonMapper.builder().build();
  private final URI upstream;
  private final Class<? extends Channel> clientChannel;

  private NettyFloor(URI upstream, Class<? extends Channel> clientChannel) {
    this.upstream = upstream;
    this.clientChannel = clientChannel;
  }

  public static void main(String[] args) throws Exception {
    boolean epoll = args.length > 2 && args[2].equals("epoll");
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> server = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    NettyFloor floor = new NettyFloor(URI.create(args[1]), epoll ? EpollSocketChannel.class : NioSocketChannel.class);
    EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, io);
    new ServerBootstrap().group(loop).channel(server)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MOST_BYTES),
                floor.new Inbound());
          }
        })
        .bind("127.0.0.1", Integer.parseInt(args[0])).sync().channel().closeFuture().sync();
  }

  /** One client connection, one request at a time, and its upstream connection. */
  private final class Inbound extends SimpleChannelInboundHandler<FullHttpRequest> {
    private ChannelHandlerContext client;
    private Channel toUpstream;
    private JsonNode id;

    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
      client = context;
      id = json.readTree(request.content().toString(StandardCharsets.UTF_8)).get("id");
      DefaultFullHttpRequest get = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
          upstream.getRawPath(), Unpooled.EMPTY_BUFFER);
      get.headers().set(HttpHeaderNames.HOST, upstream.getAuthority())
          .set(HttpHeaderNames.AUTHORIZATION, "Bearer bench-upstream-token");
      if (toUpstream != null && toUpstream.isActive()) {
        toUpstream.writeAndFlush(get);
        return;
      }
      new Bootstrap().group(context.channel().eventLoop()).channel(clientChannel)
          .handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
              channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MOST_BYTES), new Outbound());
            }
          })
          .connect(upstream.getHost(), upstream.getPort())
          .addListener((ChannelFuture connected) -> {
            if (connected.isSuccess()) {
              toUpstream = connected.channel();
              toUpstream.writeAndFlush(get);
            } else {
              answer(HttpResponseStatus.BAD_GATEWAY, new byte[0]);
            }
          });
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
      if (toUpstream != null) {
        toUpstream.close();
      }
    }

    private void answer(HttpResponseStatus status, byte[] body) {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
          Unpooled.wrappedBuffer(body));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
          .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
      client.writeAndFlush(response);
    }

    /** The upstream's answers, each finishing the client's request in flight. */
    private final class Outbound extends SimpleChannelInboundHandler<FullHttpResponse> {
      @Override
      protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
        ObjectNode rpc = json.createObjectNode().put("jsonrpc", "2.0").set("id", id);
        rpc.putObject("result").put("isError", false).putArray("content").addObject()
            .put("type", "text").put("text", response.content().toString(StandardCharsets.UTF_8));
        if (!HttpUtil.isKeepAlive(response)) { // nginx closes a kept connection after 1,000 requests
          context.close();
          toUpstream = null;
        }
        answer(HttpResponseStatus.OK, json.writeValueAsBytes(rpc));
      }
    }
  }
}
