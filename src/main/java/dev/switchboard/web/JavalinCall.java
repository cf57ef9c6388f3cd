package dev.switchboard.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** An {@link WebCall} on a Javalin route. */
final class JavalinCall implements WebCall {
  private final Context ctx;

  JavalinCall(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public String method() {
    return ctx.method().name();
  }

  @Override
  public String path() {
    return ctx.path();
  }

  @Override
  public String header(String name) {
    return ctx.header(name);
  }

  @Override
  public void header(String name, String value) {
    ctx.header(name, value);
  }

  @Override
  public void status(int status) {
    ctx.status(status);
  }

  @Override
  public int status() {
    return ctx.statusCode();
  }

  @Override
  public long contentLength() {
    return ctx.req().getContentLengthLong();
  }

  @Override
  public InputStream body() throws IOException {
    return ctx.req().getInputStream();
  }

  @Override
  public OutputStream stream(String contentType) throws IOException {
    ctx.res().setContentType(contentType);
    ctx.res().setCharacterEncoding("UTF-8");
    return ctx.res().getOutputStream();
  }

  @Override
  public void answer(int status, String contentType, byte[] body) {
    ctx.status(status).contentType(contentType).result(body);
  }
}
