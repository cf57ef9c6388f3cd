package dev.switchboard.upstream.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces secrets in a text however much of them is escaped: the text is decoded first — JSON
 * escapes ({@code \/}, {@code \"}, {@code \n}, backslash-u escapes with hex digits in either case), percent-encoding
 * ({@code %2F} or {@code %2f}, UTF-8 sequences of them, and {@code +} standing for a space) — with
 * each decoded character remembering the span of the text it came from; a secret found in the
 * decoded characters has the spans it covers replaced. So a value with some or all of its
 * characters written as backslash-u escapes, or {@code s%33cret}, is caught as well as the plain value. Stateless.
 */
public final class EscapedText {
  private EscapedText() {}

  /**
   * {@code text} with every occurrence of a needle, escaped or not, replaced by {@code mask}.
   *
   * @param needles the values to hide, longest first
   */
  public static String redact(String text, List<String> needles, String mask) {
    String out = text;
    for (String needle : needles) {
      if (out.contains(needle)) {
        out = out.replace(needle, mask);
      }
    }
    if (needles.isEmpty() || !escaped(out)) {
      return out;
    }
    Units units = Units.decode(out);
    boolean[] covered = new boolean[units.size];
    List<int[]> spans = new ArrayList<>();
    for (String needle : needles) {
      units.find(needle, covered, spans);
    }
    if (spans.isEmpty()) {
      return out;
    }
    spans.sort((a, b) -> Integer.compare(a[0], b[0]));
    StringBuilder result = new StringBuilder(out.length());
    int at = 0;
    for (int[] span : spans) {
      if (span[0] < at) {
        if (span[1] > at) {
          at = span[1];
        }
        continue;
      }
      result.append(out, at, span[0]).append(mask);
      at = span[1];
    }
    return result.append(out, at, out.length()).toString();
  }

  private static boolean escaped(String text) {
    return text.indexOf('\\') >= 0 || text.indexOf('%') >= 0 || text.indexOf('+') >= 0;
  }

  /**
   * The decoded characters of a text, each with the start of the span of the text it came from (the
   * span ends where the next character's starts; the two halves of a surrogate pair share one). Six
   * bytes per character of the text.
   */
  private static final class Units {
    final String text;
    final char[] chars;
    final int[] starts;
    int size;

    private Units(String text) {
      this.text = text;
      chars = new char[text.length()];
      starts = new int[text.length()];
    }

    static Units decode(String text) {
      Units units = new Units(text);
      int n = text.length();
      int i = 0;
      while (i < n) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < n) {
          char d = text.charAt(i + 1);
          if (d == 'u' && i + 6 <= n && hex(text, i + 2, 4) >= 0) {
            units.add((char) hex(text, i + 2, 4), i);
            i += 6;
            continue;
          }
          int simple = "\"\\/bfnrt".indexOf(d);
          if (simple >= 0) {
            units.add("\"\\/\b\f\n\r\t".charAt(simple), i);
            i += 2;
            continue;
          }
        }
        if (c == '%') {
          int consumed = units.percent(text, i);
          if (consumed > 0) {
            i += consumed;
            continue;
          }
        }
        units.add(c, i);
        i++;
      }
      return units;
    }

    /** Decodes {@code %XX} (a UTF-8 sequence of them for non-ASCII) at {@code i}; 0 when there is none. */
    private int percent(String text, int i) {
      int first = i + 3 <= text.length() ? hex(text, i + 1, 2) : -1;
      if (first < 0) {
        return 0;
      }
      if (first < 0x80) {
        add((char) first, i);
        return 3;
      }
      int count = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 0;
      if (count == 0 || i + 3 * count > text.length()) {
        return 0;
      }
      byte[] bytes = new byte[count];
      for (int k = 0; k < count; k++) {
        int at = i + 3 * k;
        int b = text.charAt(at) == '%' ? hex(text, at + 1, 2) : -1;
        if (b < 0 || k > 0 && (b & 0xC0) != 0x80) {
          return 0;
        }
        bytes[k] = (byte) b;
      }
      String decoded = new String(bytes, StandardCharsets.UTF_8);
      for (int k = 0; k < decoded.length(); k++) {
        add(decoded.charAt(k), i);
      }
      return 3 * count;
    }

    private void add(char c, int start) {
      chars[size] = c;
      starts[size] = start;
      size++;
    }

    /** Where the span of unit {@code k} ends in the text. */
    private int end(int k) {
      int next = k + 1;
      while (next < size && starts[next] == starts[k]) {
        next++;
      }
      return next < size ? starts[next] : text.length();
    }

    /** Adds the text span of every uncovered occurrence of {@code needle} to {@code spans}. */
    void find(String needle, boolean[] covered, List<int[]> spans) {
      int length = needle.length();
      for (int k = 0; k + length <= size; k++) {
        if (matches(k, needle, covered)) {
          for (int j = k; j < k + length; j++) {
            covered[j] = true;
          }
          spans.add(new int[] {starts[k], end(k + length - 1)});
          k += length - 1;
        }
      }
    }

    private boolean matches(int k, String needle, boolean[] covered) {
      for (int j = 0; j < needle.length(); j++) {
        char wanted = needle.charAt(j);
        if (covered[k + j] || chars[k + j] != wanted && !(wanted == ' ' && rawPlus(k + j))) {
          return false;
        }
      }
      return true;
    }

    /** A {@code +} written as such (form encoding's space), not decoded from an escape. */
    private boolean rawPlus(int k) {
      return chars[k] == '+' && text.charAt(starts[k]) == '+';
    }

    private static int hex(String text, int from, int digits) {
      int value = 0;
      for (int k = from; k < from + digits; k++) {
        int d = Character.digit(text.charAt(k), 16);
        if (d < 0) {
          return -1;
        }
        value = value * 16 + d;
      }
      return value;
    }
  }
}
