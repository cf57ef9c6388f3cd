package dev.switchboard.tool.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML in API descriptions (Stripe's {@code <p>}, {@code <a href>}, {@code <code>}, lists) as
 * Markdown: paragraphs become blank lines, links {@code [text](url)}, code {@code `x`} and fenced
 * blocks, list items {@code - } or {@code 1. }, bold and italic {@code **} and {@code *}, headings
 * {@code #}; every other HTML element's tags are dropped and its text kept; character references are
 * decoded. Only HTML element names count as tags, so Markdown placeholders such as {@code <owner>}
 * stay. Text without a tag or a character reference is returned as it is. Stateless.
 */
final class HtmlMarkdown {
  private static final Set<String> ELEMENTS = Set.of("a", "abbr", "b", "blockquote", "br", "caption", "cite",
      "code", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
      "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike",
      "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul",
      "var", "section", "article", "header", "footer", "nav", "main", "aside", "font", "center", "label");
  private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)((?:\\s[^<>]*)?)/?>|<!--.*?-->",
      Pattern.DOTALL);
  private static final Pattern HREF = Pattern.compile("href\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});");
  private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
      Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
      Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("hellip", "…"), Map.entry("rsquo", "’"),
      Map.entry("lsquo", "‘"), Map.entry("rdquo", "”"), Map.entry("ldquo", "“"), Map.entry("copy", "©"),
      Map.entry("reg", "®"), Map.entry("trade", "™"), Map.entry("times", "×"), Map.entry("rarr", "→"),
      Map.entry("larr", "←"), Map.entry("bull", "•"), Map.entry("middot", "·"), Map.entry("deg", "°"));

  private HtmlMarkdown() {}

  /** {@code text} with its HTML turned into Markdown, blank-line runs collapsed, trimmed. */
  static String of(String text) {
    if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    Deque<String> links = new ArrayDeque<>();
    Deque<int[]> lists = new ArrayDeque<>(); // {ordered ? 1 : 0, next number}
    boolean pre = false;
    boolean html = false;
    Matcher tag = TAG.matcher(text);
    int at = 0;
    while (tag.find()) {
      String name = tag.group(2) == null ? "" : tag.group(2).toLowerCase(Locale.ROOT);
      if (tag.group(2) != null && !ELEMENTS.contains(name)) {
        continue; // not HTML: a placeholder such as <owner>, kept as text
      }
      out.append(decode(text.substring(at, tag.start())));
      at = tag.end();
      html = true;
      if (tag.group(2) == null) {
        continue; // a comment
      }
      boolean closing = !tag.group(1).isEmpty();
      switch (name) {
        case "p", "div", "table", "section", "article", "details", "dl", "blockquote" -> block(out);
        case "br" -> out.append('\n');
        case "tr", "dt", "dd", "summary", "caption" -> line(out);
        case "td", "th" -> out.append(closing ? "" : " ");
        case "hr" -> block(out.append("\n---"));
        case "h1", "h2", "h3", "h4", "h5", "h6" -> {
          block(out);
          if (!closing) {
            out.append("#".repeat(name.charAt(1) - '0')).append(' ');
          }
        }
        case "ul", "ol" -> {
          if (closing) {
            lists.poll();
          } else {
            lists.push(new int[] {name.equals("ol") ? 1 : 0, 1});
          }
          line(out);
        }
        case "li" -> {
          if (!closing) {
            line(out);
            int[] list = lists.isEmpty() ? new int[] {0, 1} : lists.peek();
            out.append("  ".repeat(Math.max(0, lists.size() - 1)))
                .append(list[0] == 1 ? (list[1]++) + ". " : "- ");
          }
        }
        case "pre" -> {
          if (closing) {
            line(out);
            out.append("```\n\n");
          } else {
            block(out);
            out.append("```\n");
          }
          pre = !closing;
        }
        case "code", "tt", "kbd", "samp" -> out.append(pre ? "" : "`");
        case "strong", "b" -> out.append("**");
        case "em", "i", "cite", "dfn", "var" -> out.append('*');
        case "a" -> {
          if (closing) {
            String href = links.poll();
            if (href != null && !href.isEmpty()) {
              out.append("](").append(href).append(')');
            }
          } else {
            Matcher h = HREF.matcher(tag.group(3));
            String href = h.find() ? decode(firstNonNull(h.group(2), h.group(3), h.group(4))) : "";
            links.push(href);
            if (!href.isEmpty()) {
              out.append('[');
            }
          }
        }
        default -> { } // other elements: tags dropped, text kept
      }
    }
    out.append(decode(text.substring(at)));
    return html ? out.toString().replaceAll("\\n[ \\t]+\\n", "\n\n").replaceAll("\\n{3,}", "\n\n").strip()
        : out.toString();
  }

  /** {@code raw} with its character references decoded; unknown names are left as written. */
  static String decode(String raw) {
    if (raw.indexOf('&') < 0) {
      return raw;
    }
    Matcher m = ENTITY.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      String value;
      if (ref.startsWith("#")) {
        int code = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X')
            ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
        value = Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : m.group();
      } else {
        value = NAMED.getOrDefault(ref, m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void block(StringBuilder out) {
    if (out.length() > 0) {
      out.append("\n\n");
    }
  }

  private static void line(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }

  private static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return "";
  }
}
