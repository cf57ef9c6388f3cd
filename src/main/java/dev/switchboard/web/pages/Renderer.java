package dev.switchboard.web.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the precompiled jte templates of {@code src/main/jte} (compiled to Java at build time by
 * jte-maven-plugin; nothing is compiled at run time) and sets the headers every page carries: a
 * Content-Security-Policy that allows no inline script or style, no framing, no caching.
 */
final class Renderer {
  /** Scripts and styles only from this origin: htmx from its webjar, the dashboard's own files. */
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
      "dev.switchboard.web.pages.jte");

  /** Renders {@code template} (e.g. {@code "providers.jte"}) with the frame and the page's model. */
  void page(Context ctx, int status, String template, Shell shell, Object model) {
    Map<String, Object> params = new HashMap<>();
    params.put("shell", shell);
    params.put("m", model);
    StringOutput out = new StringOutput();
    engine.render(template, params, out);
    headers(ctx);
    ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
  }

  /** A page that explains a failure. */
  void error(Context ctx, int status, Shell shell, String title, String message) {
    page(ctx, status, "error.jte", shell, new ErrorPage(status, title, message));
  }

  static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
  }
}
