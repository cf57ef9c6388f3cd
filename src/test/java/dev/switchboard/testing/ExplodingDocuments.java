package dev.switchboard.testing;

import java.time.Duration;

/** Documents that explode when read, shared by the import and start-up tests. */
public final class ExplodingDocuments {
  /** A guard against a hang, not a speed target: expanding the bomb took 91 s before the limits. */
  public static final Duration HANG_GUARD = Duration.ofSeconds(20);

  /** The 484-byte "billion laughs": nine levels of nine aliases, 9^9 strings once expanded. */
  public static final String BILLION_LAUGHS = """
      openapi: 3.0.3
      info: {title: lol, version: "1"}
      paths: {}
      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
      g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
      h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
      i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
      """;

  private ExplodingDocuments() {}
}
