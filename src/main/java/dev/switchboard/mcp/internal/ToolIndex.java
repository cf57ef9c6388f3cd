package dev.switchboard.mcp.internal;

import dev.switchboard.tool.HttpOperation;
import dev.switchboard.tool.Tool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The relevance index of {@code search_tools}: BM25F over a list of tools, built once per list and
 * then read by any number of queries (each costs the postings of its words). A tool has five
 * weighted fields: its name (split into words), its title, its HTTP path (parameters left out: for
 * imported tools it names the resource, as an OpenAPI tag would), the verb its HTTP method stands
 * for, and its description. Words are those of {@link SearchWords}. A tool matches when it holds at
 * least one word of the query; a query of stop words only matches nothing. Immutable and
 * thread-safe.
 */
final class ToolIndex {
  /** A tool of the list, by position, with its score; higher is better. */
  record Hit(int tool, double score) {}

  private record Field(double weight, double lengthEffect) {}

  private static final Field NAME = new Field(3.0, 0.3);
  private static final Field TITLE = new Field(2.5, 0.5);
  private static final Field PATH = new Field(1.0, 0.3);
  private static final Field RESOURCE = new Field(2.0, 0.3);
  private static final Field VERB = new Field(1.0, 0.0);
  private static final Field DESCRIPTION = new Field(1.0, 0.75);
  private static final List<Field> FIELDS = List.of(NAME, TITLE, PATH, RESOURCE, VERB, DESCRIPTION);
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s|\\n");
  /** BM25's saturation: how fast repeating a word stops adding to a tool's score. */
  private static final double K1 = 1.2;
  /**
   * The bonus of a tool whose title is the query: scaled by the share of the title's words the query
   * holds times the share of the query's words the title holds ("List pull requests" for "list pull
   * requests" gets all of it, "Get all requested reviewers for a pull request" a third). BM25 alone
   * ranks by word rarity and lets long titles that repeat a common word win.
   */
  private static final double TITLE_MATCH = 4.0;

  private record Postings(int[] tools, double[] weights, double idf) {}

  private final Map<String, Postings> postings;
  private final List<Set<String>> titles;
  private final int size;

  private ToolIndex(Map<String, Postings> postings, List<Set<String>> titles) {
    this.postings = postings;
    this.titles = titles;
    this.size = titles.size();
  }

  /** How many tools the index holds. */
  int size() {
    return size;
  }

  /** Indexes {@code tools}; hits name them by their position in this list. */
  static ToolIndex of(List<Tool> tools) {
    int n = tools.size();
    List<List<List<String>>> words = new ArrayList<>(n);
    double[] totals = new double[FIELDS.size()];
    List<Set<String>> titles = new ArrayList<>(n);
    for (Tool tool : tools) {
      // in the order of FIELDS
      List<List<String>> fields = List.of(SearchWords.of(tool.localName() + " " + tool.provider()),
          SearchWords.of(title(tool)), SearchWords.of(path(tool)), SearchWords.of(resource(tool)),
          SearchWords.of(verb(tool)), SearchWords.of(tool.description()));
      for (int f = 0; f < fields.size(); f++) {
        totals[f] += fields.get(f).size();
      }
      words.add(fields);
      titles.add(Set.copyOf(fields.get(1).isEmpty() ? fields.get(0) : fields.get(1)));
    }
    double[] average = new double[FIELDS.size()];
    for (int f = 0; f < average.length; f++) {
      average[f] = n == 0 || totals[f] == 0 ? 1 : totals[f] / n;
    }
    Map<String, List<double[]>> raw = new HashMap<>();
    for (int t = 0; t < n; t++) {
      Map<String, Double> weighted = new HashMap<>();
      List<List<String>> fields = words.get(t);
      for (int f = 0; f < fields.size(); f++) {
        Field field = FIELDS.get(f);
        List<String> list = fields.get(f);
        double norm = 1 - field.lengthEffect() + field.lengthEffect() * list.size() / average[f];
        for (String w : list) {
          weighted.merge(w, field.weight() / norm, Double::sum);
        }
      }
      int tool = t;
      weighted.forEach((w, tf) -> raw.computeIfAbsent(w, k -> new ArrayList<>()).add(new double[] {tool, tf}));
    }
    Map<String, Postings> postings = new HashMap<>();
    raw.forEach((w, list) -> {
      int[] ids = new int[list.size()];
      double[] weights = new double[list.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = (int) list.get(i)[0];
        double tf = list.get(i)[1];
        weights[i] = tf * (K1 + 1) / (K1 + tf);
      }
      double df = ids.length;
      postings.put(w, new Postings(ids, weights, Math.log(1 + (n - df + 0.5) / (df + 0.5))));
    });
    return new ToolIndex(Map.copyOf(postings), List.copyOf(titles));
  }

  /** The tools that hold a word of {@code query}, best first (ties in list order); empty when it has no words. */
  List<Hit> search(String query) {
    Set<String> words = new LinkedHashSet<>(SearchWords.of(query));
    double[] scores = new double[size];
    boolean[] hit = new boolean[size];
    for (String w : words) {
      Postings p = postings.get(w);
      if (p == null) {
        continue;
      }
      for (int i = 0; i < p.tools().length; i++) {
        scores[p.tools()[i]] += p.idf() * p.weights()[i];
        hit[p.tools()[i]] = true;
      }
    }
    List<Hit> hits = new ArrayList<>();
    for (int t = 0; t < size; t++) {
      if (hit[t]) {
        hits.add(new Hit(t, scores[t] + titleMatch(words, titles.get(t))));
      }
    }
    hits.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
        : Integer.compare(a.tool(), b.tool()));
    return hits;
  }

  private static double titleMatch(Set<String> query, Set<String> title) {
    if (title.isEmpty()) {
      return 0;
    }
    long shared = query.stream().filter(title::contains).count();
    return TITLE_MATCH * shared * shared / ((double) query.size() * title.size());
  }

  /** Whether {@code query} has any word the index compares (not only stop words). */
  static boolean searchable(String query) {
    return !SearchWords.of(query).isEmpty();
  }

  /** The tool's title, or when it has none of its own (it shows its name) its description's first sentence. */
  private static String title(Tool tool) {
    if (!tool.title().equals(tool.localName()) || tool.description().isBlank()) {
      return tool.title();
    }
    String first = SENTENCE_END.split(tool.description().strip(), 2)[0];
    return first.length() > 200 ? first.substring(0, 200) : first;
  }

  /** The path's last segment that is not a parameter: the resource the operation acts on. */
  private static String resource(Tool tool) {
    if (!(tool.recipe() instanceof HttpOperation http)) {
      return "";
    }
    String[] segments = http.path().split("/");
    for (int i = segments.length - 1; i >= 0; i--) {
      if (!segments[i].isEmpty() && !segments[i].startsWith("{")) {
        return segments[i];
      }
    }
    return "";
  }

  private static String path(Tool tool) {
    return tool.recipe() instanceof HttpOperation http ? http.path().replaceAll("\\{[^}]*}", " ") : "";
  }

  /** What the method does to the path's resource, in the words people use for it. */
  private static String verb(Tool tool) {
    if (!(tool.recipe() instanceof HttpOperation http)) {
      return "";
    }
    boolean item = http.path().endsWith("}");
    switch (http.method()) {
      case "GET":
        return item ? "get" : "list get";
      case "POST":
        return item ? "update" : "create";
      case "PUT":
      case "PATCH":
        return "update";
      case "DELETE":
        return "delete";
      default:
        return "";
    }
  }
}
