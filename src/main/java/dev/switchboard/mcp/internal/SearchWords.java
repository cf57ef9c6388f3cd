package dev.switchboard.mcp.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns text into the words {@code search_tools} compares: HTML tags dropped, identifiers split
 * ({@code postMessage}, {@code list-for-repo}, {@code chat.postMessage} and {@code snake_case} each
 * give their words), lower-cased, English stop words and one-letter words left out, light stemming
 * (plurals, {@code -ing}, {@code -ed}, a final {@code e}) and a few verbs folded into one
 * ({@code remove} is {@code delete}, {@code add} and {@code new} are {@code create}, {@code fetch}
 * and {@code retrieve} are {@code get}, {@code edit} and {@code modify} are {@code update}). The
 * same rules apply to tools and queries, so a stemming slip costs nothing unless two words collide.
 * Stateless and thread-safe.
 */
final class SearchWords {
  private static final Pattern TAG = Pattern.compile("<[^>]*>|&[a-zA-Z]+;|&#[0-9]+;");
  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Set<String> STOP = Set.of(
      "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before",
      "being", "both", "but", "by", "can", "could", "do", "does", "each", "either", "else", "etc", "for",
      "from", "had", "has", "have", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just",
      "may", "me", "more", "most", "must", "my", "no", "not", "of", "on", "one", "only", "or", "other",
      "our", "out", "over", "own", "please", "same", "should", "so", "some", "such", "than", "that", "the",
      "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
      "up", "upon", "us", "use", "used", "using", "very", "via", "want", "was", "we", "were", "what",
      "when", "where", "whether", "which", "while", "who", "whom", "why", "will", "with", "within",
      "would", "you", "your", "yours");
  private static final Map<String, String> SAME = folded(
      "remove", "delete", "add", "create", "new", "create", "make", "create", "fetch", "get",
      "retrieve", "get", "show", "get", "edit", "update", "modify", "update", "change", "update",
      "initiate", "create", "repo", "repository", "org", "organization");

  private SearchWords() {}

  /** The words of {@code text}, in order, repeats kept. */
  static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    String plain = CAMEL.matcher(TAG.matcher(text).replaceAll(" ")).replaceAll(" ");
    for (String raw : SEPARATORS.split(plain.toLowerCase(Locale.ROOT))) {
      if (raw.length() < 2 || STOP.contains(raw)) {
        continue;
      }
      String word = stem(raw);
      out.add(SAME.getOrDefault(word, word));
    }
    return out;
  }

  /** A light English stemmer: plurals, -ing, -ed, then a final e (create, creates, created, creating agree). */
  static String stem(String word) {
    String w = word;
    if (w.length() > 4 && w.endsWith("ies")) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses")
        || w.endsWith("xes") || w.endsWith("zes"))) {
      w = w.substring(0, w.length() - 2);
    } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      w = w.substring(0, w.length() - 1);
    } else if (w.length() > 4 && w.endsWith("ied")) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.length() > 5 && w.endsWith("ing")) {
      w = undouble(w.substring(0, w.length() - 3));
    } else if (w.length() > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
      w = undouble(w.substring(0, w.length() - 2));
    }
    if (w.length() > 3 && w.endsWith("e")) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static String undouble(String w) {
    int n = w.length();
    if (n > 2 && w.charAt(n - 1) == w.charAt(n - 2) && "aeioulsz".indexOf(w.charAt(n - 1)) < 0) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  private static Map<String, String> folded(String... pairs) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(stem(pairs[i]), stem(pairs[i + 1]));
    }
    return Map.copyOf(out);
  }
}
