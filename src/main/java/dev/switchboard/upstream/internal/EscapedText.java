package dev.switchboard.upstream.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces secrets in a text however much of them is escaped: the text is decoded — JSON escapes
 * ({@code \/}, {@code \"}, {@code \n}, backslash-u escapes with hex digits in either case) and
 * percent-encoding ({@code %2F} or {@code %2f}, UTF-8 sequences of them, and {@code +} standing for
 * a space) — with each decoded character remembering the span of the text it came from; a secret
 * found in the decoded characters has the spans it covers replaced. Decoding is repeated on its own
 * result, up to {@value #MAX_LAYERS} layers or until nothing more decodes, so nested encodings (a
 * percent-escape written as backslash-u escapes, {@code %2573}, …) are caught as well as a value
 * with some or all of its characters escaped once. Stateless.
 */
public final class EscapedText {
  /** How many layers of escapes are decoded at most. */
  public static final int MAX_LAYERS = 3;

  private EscapedText() {}

  /**
   * {@code text} with every occurrence of a needle, escaped or not, replaced by {@code mask}.
   *
   * @param needles the values to hide, longest first
   */
  public static String redact(String text, List<String> needles, String mask) {
    return redact(text, needles, mask, false);
  }

  /**
   * Like {@link #redact(String, List, String)} for a text that was cut short: also drops its end
   * when that end could be the beginning of a needle in any encoding (or an escape cut in two), so
   * no prefix of a secret survives at the cut.
   */
  public static String redactCut(String text, List<String> needles, String mask) {
    return redact(text, needles, mask, true);
  }

  private static String redact(String text, List<String> needles, String mask, boolean cut) {
    String out = text;
    for (String needle : needles) {
      if (out.contains(needle)) {
        out = out.replace(needle, mask);
      }
    }
    if (needles.isEmpty() || !cut && !escaped(out)) {
      return out;
    }
    Units layer = Units.identity(out);
    List<Units> layers = new ArrayList<>();
    layers.add(layer);
    List<int[]> spans = new ArrayList<>();
    for (int depth = 0; depth < MAX_LAYERS && layer.escaped(); depth++) {
      Units next = layer.decode();
      boolean[] covered = new boolean[next.size];
      for (String needle : needles) {
        next.find(needle, covered, spans);
      }
      if (!next.changed) {
        break;
      }
      layer = next;
      if (cut) {
        layers.add(layer);
      }
    }
    int keep = out.length();
    if (cut) {
      // a cut found in one layer can expose the beginning of a needle in another: repeat until stable
      for (int before = -1; before != keep; ) {
        before = keep;
        for (Units each : layers) {
          keep = each.tail(needles, keep);
        }
      }
    }
    if (spans.isEmpty() && keep == out.length()) {
      return out;
    }
    spans.sort((a, b) -> Integer.compare(a[0], b[0]));
    StringBuilder result = new StringBuilder(out.length());
    int at = 0;
    for (int[] span : spans) {
      if (span[0] >= keep) {
        break;
      }
      if (span[0] < at) {
        at = Math.max(at, span[1]);
        continue;
      }
      result.append(out, at, span[0]).append(mask);
      at = span[1];
    }
    if (at < keep) {
      result.append(out, at, keep);
    }
    return result.toString();
  }

  private static boolean escaped(String text) {
    return text.indexOf('\\') >= 0 || text.indexOf('%') >= 0 || text.indexOf('+') >= 0;
  }

  /**
   * One layer of decoded characters of a text, each with the start of the span of the original text
   * it came from (the span ends where the next character's starts; the two halves of a surrogate
   * pair share one), and whether it was copied unchanged from the layer below.
   */
  private static final class Units {
    final String text;
    final char[] chars;
    final int[] starts;
    final boolean[] copied;
    int size;
    boolean changed;

    private Units(String text, int capacity) {
      this.text = text;
      chars = new char[capacity];
      starts = new int[capacity];
      copied = new boolean[capacity];
    }

    /** The text itself, each character its own span. */
    static Units identity(String text) {
      Units units = new Units(text, text.length());
      text.getChars(0, text.length(), units.chars, 0);
      for (int i = 0; i < text.length(); i++) {
        units.starts[i] = i;
        units.copied[i] = true;
      }
      units.size = text.length();
      return units;
    }

    /** True when another layer of decoding may change something. */
    boolean escaped() {
      for (int k = 0; k < size; k++) {
        char c = chars[k];
        if (c == '\\' || c == '%' || c == '+') {
          return true;
        }
      }
      return false;
    }

    /** The next layer: JSON escapes and percent-escapes of this one decoded. */
    Units decode() {
      Units out = new Units(text, size);
      int i = 0;
      while (i < size) {
        char c = chars[i];
        if (c == '\\' && i + 1 < size) {
          char d = chars[i + 1];
          int unicode = d == 'u' && i + 6 <= size ? hex(i + 2, 4) : -1;
          if (unicode >= 0) {
            out.add((char) unicode, starts[i], false);
            i += 6;
            continue;
          }
          int simple = "\"\\/bfnrt".indexOf(d);
          if (simple >= 0) {
            out.add("\"\\/\b\f\n\r\t".charAt(simple), starts[i], false);
            i += 2;
            continue;
          }
        }
        if (c == '%') {
          int consumed = percent(i, out);
          if (consumed > 0) {
            i += consumed;
            continue;
          }
        }
        out.add(c, starts[i], true);
        i++;
      }
      return out;
    }

    /** Decodes {@code %XX} (a UTF-8 sequence of them for non-ASCII) at {@code i} into {@code out}; 0 when there is none. */
    private int percent(int i, Units out) {
      int first = i + 3 <= size ? hex(i + 1, 2) : -1;
      if (first < 0) {
        return 0;
      }
      if (first < 0x80) {
        out.add((char) first, starts[i], false);
        return 3;
      }
      int count = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 0;
      if (count == 0 || i + 3 * count > size) {
        return 0;
      }
      byte[] bytes = new byte[count];
      for (int k = 0; k < count; k++) {
        int at = i + 3 * k;
        int b = chars[at] == '%' ? hex(at + 1, 2) : -1;
        if (b < 0 || k > 0 && (b & 0xC0) != 0x80) {
          return 0;
        }
        bytes[k] = (byte) b;
      }
      String decoded = new String(bytes, StandardCharsets.UTF_8);
      for (int k = 0; k < decoded.length(); k++) {
        out.add(decoded.charAt(k), starts[i], false);
      }
      return 3 * count;
    }

    private void add(char c, int start, boolean same) {
      chars[size] = c;
      starts[size] = start;
      copied[size] = same;
      changed |= !same;
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
        if (matches(k, needle, length, covered)) {
          for (int j = k; j < k + length; j++) {
            covered[j] = true;
          }
          spans.add(new int[] {starts[k], end(k + length - 1)});
          k += length - 1;
        }
      }
    }

    /**
     * The text position to cut at, at most {@code keep}, so that what this layer keeps does not end
     * with the beginning of a needle or with an escape cut in two.
     */
    int tail(List<String> needles, int keep) {
      int e = size;
      while (e > 0 && (starts[e - 1] >= keep || end(e - 1) > keep)) {
        e--;
      }
      int cut = keep;
      int escape = partialEscape(e);
      if (escape >= 0) {
        e = escape;
        cut = starts[escape];
      }
      for (String needle : needles) {
        for (int length = Math.min(needle.length() - 1, e); length > 0; length--) {
          if (matches(e - length, needle, length, null)) {
            cut = Math.min(cut, starts[e - length]);
            break;
          }
        }
      }
      return cut;
    }

    /**
     * Where an escape cut short just before unit {@code e} begins (a lone backslash, a backslash-u
     * with fewer than four hex digits, {@code %} or {@code %4}); -1 for none.
     */
    private int partialEscape(int e) {
      for (int back = 1; back <= Math.min(5, e); back++) {
        int k = e - back;
        if (chars[k] == '\\' && (back == 1 || chars[k + 1] == 'u' && hex(k + 2, back - 2) >= 0)) {
          return k;
        }
        if (chars[k] == '%' && back <= 2 && hex(k + 1, back - 1) >= 0) {
          return k;
        }
      }
      return -1;
    }

    private boolean matches(int k, String needle, int length, boolean[] covered) {
      for (int j = 0; j < length; j++) {
        char wanted = needle.charAt(j);
        char c = chars[k + j];
        if (covered != null && covered[k + j]
            || c != wanted && !(wanted == ' ' && c == '+' && copied[k + j])) {
          return false;
        }
      }
      return true;
    }

    /** The value of {@code digits} hex digits at {@code from}; -1 when one is not a hex digit. */
    private int hex(int from, int digits) {
      int value = 0;
      for (int k = from; k < from + digits; k++) {
        int d = Character.digit(chars[k], 16);
        if (d < 0) {
          return -1;
        }
        value = value * 16 + d;
      }
      return value;
    }
  }
}
