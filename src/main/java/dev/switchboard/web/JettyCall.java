package dev.switchboard.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.QuotedQualityCSV;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An {@link WebCall} on Jetty's own request and response ({@link McpPostHandler}). A whole answer
 * is kept until {@link #finish}, which sends it in one write that also ends the exchange; like
 * Javalin's, an answer of {@value #GZIP_FROM} bytes or more is compressed for a client that accepts
 * gzip.
 */
final class JettyCall implements WebCall {
  /** Javalin's threshold for compressing an answer, kept so that both ways answer alike. */
  static final int GZIP_FROM = 1500;
  private static final byte[] EMPTY = new byte[0];
  private final Request request;
  private final Response response;
  private byte[] answer = EMPTY;
  private OutputStream stream;

  JettyCall(Request request, Response response) {
    this.request = request;
    this.response = response;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    return request.getHttpURI().getPath();
  }

  @Override
  public String header(String name) {
    return request.getHeaders().get(name);
  }

  @Override
  public void header(String name, String value) {
    response.getHeaders().put(name, value);
  }

  @Override
  public void status(int status) {
    response.setStatus(status);
  }

  @Override
  public int status() {
    return response.getStatus();
  }

  @Override
  public long contentLength() {
    return request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
  }

  @Override
  public InputStream body() {
    return Content.Source.asInputStream(request);
  }

  @Override
  public OutputStream stream(String contentType) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType + ";charset=utf-8");
    stream = Content.Sink.asOutputStream(response);
    return stream;
  }

  @Override
  public void answer(int status, String contentType, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    answer = body;
  }

  /** Whether the answer is a stream already begun: its status and headers are then gone. */
  boolean streaming() {
    return stream != null;
  }

  /** Ends the exchange: the stream closed, or the whole answer sent; {@code callback} hears the end. */
  void finish(Callback callback) {
    if (stream != null) {
      try {
        stream.close();
        callback.succeeded();
      } catch (IOException e) {
        callback.failed(e);
      }
      return;
    }
    byte[] body = answer;
    if (body.length >= GZIP_FROM) {
      response.getHeaders().add(HttpHeader.VARY, "Accept-Encoding");
      if (acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING))) {
        body = gzip(body);
        response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
      }
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** Whether an {@code Accept-Encoding} names gzip with a quality above zero ({@code gzip;q=0} refuses it). */
  static boolean acceptsGzip(String accepted) {
    if (accepted == null || !accepted.toLowerCase(Locale.ROOT).contains("gzip")) {
      return false;
    }
    QuotedQualityCSV codings = new QuotedQualityCSV();
    codings.addValue(accepted);
    return codings.getValues().stream().anyMatch("gzip"::equalsIgnoreCase);
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: never
    }
    return out.toByteArray();
  }
}
