package dev.switchboard.web;

import dev.switchboard.account.Principal;
import dev.switchboard.credential.Credential;
import dev.switchboard.credential.CredentialCreation;
import dev.switchboard.credential.CredentialFilter;
import dev.switchboard.credential.CredentialStatus;
import dev.switchboard.credential.CredentialVerifier;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.NewCredential;
import dev.switchboard.credential.ValidationTools;
import dev.switchboard.credential.Verification;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.store.Page;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A user's credentials: {@code /api/v1/credentials} (DESIGN.md §4, §7), with the tools that may test
 * one ({@code …/{id}/validation-tools}, read-only ones only).
 */
final class CredentialRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialRoutes.class);
  record Rename(String label) {}

  record Create(String provider, String authMethod, String label, Map<String, Object> fields) {}

  record Verify(String tool, JsonNode arguments) {}

  /** A tool that may test a credential; {@code isDefault} marks the provider's validation tool. */
  record ValidationToolView(String name, String localName, String title, String description,
      JsonNode inputSchema, boolean isDefault) {}

  private final ProviderRegistry catalog;
  private final Credentials credentials;
  private final CredentialCreation creation;
  private final CredentialVerifier verifier;
  private final Authenticator auth;
  private final Json json;

  CredentialRoutes(ProviderRegistry catalog, Credentials credentials, CredentialCreation creation,
      CredentialVerifier verifier, Authenticator auth, Json json) {
    this.catalog = catalog;
    this.credentials = credentials;
    this.creation = creation;
    this.verifier = verifier;
    this.auth = auth;
    this.json = json;
  }

  void register(ApiRoutes routes) {
    routes.get("/api/v1/credentials", this::list);
    routes.post("/api/v1/credentials", this::create);
    routes.get("/api/v1/credentials/{id}", this::get);
    routes.patch("/api/v1/credentials/{id}", this::rename);
    routes.delete("/api/v1/credentials/{id}", this::delete);
    routes.post("/api/v1/credentials/{id}/disable", ctx -> act(ctx, credentials::disable));
    routes.post("/api/v1/credentials/{id}/enable", ctx -> act(ctx, credentials::enable));
    routes.post("/api/v1/credentials/{id}/current", ctx -> act(ctx, credentials::makeCurrent));
    routes.post("/api/v1/credentials/{id}/verify", this::verify);
    routes.get("/api/v1/credentials/{id}/validation-tools", this::validationTools);
  }

  private interface Action {
    Credential apply(String userId, String id);
  }

  private void list(Context ctx) {
    Principal p = auth.require(ctx);
    CredentialFilter filter = new CredentialFilter(
        Optional.ofNullable(ctx.queryParam("provider")),
        Optional.ofNullable(ctx.queryParam("status")).map(s -> parse(CredentialStatus.class, "status", s)),
        Optional.ofNullable(ctx.queryParam("verification"))
            .map(v -> parse(Verification.class, "verification", v)),
        Optional.empty());
    Page<Credential> page = credentials.list(p.userId(), filter,
        Optional.ofNullable(ctx.queryParam("cursor")), Limits.of(ctx.queryParam("limit")));
    json.write(ctx, 200, new Views.ItemsView<>(
        page.items().stream().map(Views.CredentialView::of).toList(), page.next().orElse(null)));
  }

  private void create(Context ctx) {
    Principal p = auth.require(ctx);
    Create body = json.read(ctx, Create.class);
    var created = creation.create(p.userId(),
        new NewCredential(body.provider(), body.authMethod(), body.label(), body.fields()));
    if ("true".equals(ctx.queryParam("verify"))) {
      try {
        created = verifier.verify(p.userId(), created.id(), Optional.empty(), Optional.empty());
      } catch (SwitchboardException e) {
        // the credential is kept: answering an error would make clients save it again (issue 13);
        // it stays UNVERIFIED and POST …/verify names a tool to test it with
        LOG.info("saved credential {} could not be verified: {}", created.id(), e.code());
      }
    }
    json.write(ctx, 201, Views.CredentialView.of(created));
  }

  private void verify(Context ctx) {
    Principal p = auth.require(ctx);
    Verify body = json.read(ctx, Verify.class);
    json.write(ctx, 200, Views.CredentialView.of(verifier.verify(p.userId(), ctx.pathParam("id"),
        Optional.ofNullable(body.tool()), Optional.ofNullable(body.arguments()))));
  }

  private void validationTools(Context ctx) {
    Principal p = auth.require(ctx);
    Credential c = credentials.get(p.userId(), ctx.pathParam("id"));
    Provider provider = catalog.require(c.provider());
    List<ValidationToolView> items = verifier.validationTools(p.userId(), c.id()).stream()
        .map(t -> new ValidationToolView(t.name(), t.localName(), t.title(), t.description(), t.inputSchema(),
            ValidationTools.isDefault(provider, t)))
        .toList();
    json.write(ctx, 200, new Views.ItemsView<>(items, null));
  }

  private void get(Context ctx) {
    Principal p = auth.require(ctx);
    json.write(ctx, 200, Views.CredentialView.of(credentials.get(p.userId(), ctx.pathParam("id"))));
  }

  private void rename(Context ctx) {
    Principal p = auth.require(ctx);
    Rename body = json.read(ctx, Rename.class);
    json.write(ctx, 200, Views.CredentialView.of(
        credentials.rename(p.userId(), ctx.pathParam("id"), body.label())));
  }

  private void delete(Context ctx) {
    Principal p = auth.require(ctx);
    credentials.delete(p.userId(), ctx.pathParam("id"));
    ctx.status(204);
  }

  private void act(Context ctx, Action action) {
    Principal p = auth.require(ctx);
    json.write(ctx, 200, Views.CredentialView.of(action.apply(p.userId(), ctx.pathParam("id"))));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String name, String raw) {
    try {
      return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SwitchboardException.invalid("invalid_" + name,
          name + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }
}
