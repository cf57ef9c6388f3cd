package dev.switchboard.web.pages;

import io.javalin.http.Context;

/** A dashboard page or form handler, called with the signed-in person once {@link Guard} let it in. */
@FunctionalInterface
interface PageHandler {
  void handle(Context ctx, Caller caller) throws Exception;
}
