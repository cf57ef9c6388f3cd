package dev.switchboard.web.pages;

import dev.switchboard.credential.Credential;
import dev.switchboard.credential.CredentialCreation;
import dev.switchboard.credential.CredentialVerifier;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.NewCredential;
import dev.switchboard.credential.Verification;
import dev.switchboard.error.FieldErrors;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.SchemaField;
import dev.switchboard.tool.Tool;
import dev.switchboard.tool.ToolCatalog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The forms of a provider's page: connect (Save, Save & Verify, Create Connection & Test), run a
 * validation with a chosen tool and arguments, disable, enable, make current. Each calls the same
 * services as the REST API; a form with problems is shown again with a message per field and
 * without any secret that was typed.
 */
final class CredentialActions {
  private final ProviderRegistry catalog;
  private final Credentials credentials;
  private final CredentialCreation creation;
  private final CredentialVerifier verifier;
  private final ToolCatalog tools;
  private final ToolArguments arguments;
  private final ProviderPageBuilder builder;
  private final Guard guard;
  private final Renderer renderer;
  private final Frames frames;

  CredentialActions(ProviderRegistry catalog, Credentials credentials, CredentialCreation creation,
      CredentialVerifier verifier, ToolCatalog tools, ToolArguments arguments, ProviderPageBuilder builder,
      Guard guard, Renderer renderer, Frames frames) {
    this.catalog = catalog;
    this.credentials = credentials;
    this.creation = creation;
    this.verifier = verifier;
    this.tools = tools;
    this.arguments = arguments;
    this.builder = builder;
    this.guard = guard;
    this.renderer = renderer;
    this.frames = frames;
  }

  void register(RoutesConfig routes) {
    routes.post(ProviderPages.PATH + "/{slug}/connect", guard.page(this::connect));
    routes.post("/credentials/{id}/verify", guard.page(this::verify));
    routes.post("/credentials/{id}/disable", guard.page((ctx, caller) -> act(ctx, caller,
        credentials.disable(caller.userId(), ctx.pathParam("id")), "is disabled; its tools stop working")));
    routes.post("/credentials/{id}/enable", guard.page((ctx, caller) -> act(ctx, caller,
        credentials.enable(caller.userId(), ctx.pathParam("id")), "is enabled")));
    routes.post("/credentials/{id}/current", guard.page((ctx, caller) -> act(ctx, caller,
        credentials.makeCurrent(caller.userId(), ctx.pathParam("id")), "is now the current credential")));
  }

  private void connect(Context ctx, Caller caller) {
    Provider p = catalog.find(ctx.pathParam("slug")).orElseThrow(() -> SwitchboardException.notFound("provider"));
    String method = Optional.ofNullable(ctx.formParam("method")).orElse("").toUpperCase(Locale.ROOT);
    String label = Optional.ofNullable(ctx.formParam("label")).orElse("").trim();
    Map<String, Object> fields = new LinkedHashMap<>();
    Map<String, String> shown = new LinkedHashMap<>();
    List<SchemaField> schema = supported(p, method) ? p.fieldsFor(AuthMethodType.valueOf(method)) : List.of();
    for (SchemaField f : schema) {
      String value = ctx.formParam("field." + f.name());
      if (value != null && !value.isEmpty()) {
        fields.put(f.name(), f.secret() ? value : value.trim());
        if (!f.secret()) {
          shown.put(f.name(), value.trim());
        }
      }
    }
    Credential created;
    try {
      created = creation.create(caller.userId(), new NewCredential(p.slug(), method, label.isEmpty() ? null : label,
          fields));
    } catch (FieldErrors e) {
      Map<String, String> errors = new LinkedHashMap<>();
      StringBuilder other = new StringBuilder();
      e.fields().forEach((name, message) -> {
        if (name.startsWith("fields.")) {
          errors.put(name.substring("fields.".length()), Text.sentence(message));
        } else if (name.equals("label")) {
          errors.put("label", Text.sentence(message));
        } else {
          other.append(Text.sentence(name + " " + message)).append(' ');
        }
      });
      String error = "Nothing was saved: correct the fields marked below"
          + (schema.stream().anyMatch(SchemaField::secret) ? " and enter the secret again." : ".")
          + (other.length() == 0 ? "" : " " + other.toString().trim());
      renderer.page(ctx, 400, "provider.jte", frames.of(caller, p.name(), "providers"),
          builder.build(caller.userId(), p, new ConnectAttempt(method, label, shown, errors, error), null));
      return;
    }
    if (!"true".equals(ctx.formParam("verify"))) {
      Flash.info("Saved “" + created.label() + "”. Choose a validation tool and run it to verify the credential.")
          .leave(ctx, guard.secureCookies());
      redirect(ctx, created, "validate");
      return;
    }
    Credential after;
    try {
      after = verifier.verify(caller.userId(), created.id(), Optional.empty(), Optional.empty());
    } catch (SwitchboardException e) {
      Flash.info("Saved “" + created.label() + "”, but the default validation could not run: "
          + Text.sentence(e.getMessage()) + " Choose a validation tool and its arguments below.")
          .leave(ctx, guard.secureCookies());
      redirect(ctx, created, "validate");
      return;
    }
    outcome(ctx, p, after);
  }

  private void verify(Context ctx, Caller caller) {
    Credential c = credentials.get(caller.userId(), ctx.pathParam("id"));
    Provider p = catalog.require(c.provider());
    String toolName = Optional.ofNullable(ctx.formParam("tool")).orElse("");
    Optional<Tool> tool = toolName.isEmpty() ? Optional.empty() : tools.find(p.slug(), toolName);
    Map<String, String> raw = new LinkedHashMap<>();
    ctx.formParamMap().forEach((name, values) -> {
      if (name.startsWith(ToolArguments.PREFIX) && !values.isEmpty()) {
        raw.put(name.substring(ToolArguments.PREFIX.length()), values.get(0));
      }
    });
    Optional<JsonNode> args = Optional.empty();
    if (tool.isPresent()) {
      ToolArguments.Parsed parsed = arguments.parse(tool.get().inputSchema(), raw);
      if (!parsed.errors().isEmpty()) {
        again(ctx, caller, p, new ValidationAttempt(c.id(), toolName, raw, parsed.errors(),
            "Nothing was run: correct the arguments marked below."));
        return;
      }
      args = Optional.of(parsed.arguments());
    }
    Credential after;
    try {
      after = verifier.verify(caller.userId(), c.id(), tool.map(Tool::localName), args);
    } catch (FieldErrors e) {
      again(ctx, caller, p, new ValidationAttempt(c.id(), toolName, raw, Map.of(),
          "Nothing was run: " + Text.sentence(String.join("; ", e.fields().values()))));
      return;
    }
    outcome(ctx, p, after);
  }

  private void again(Context ctx, Caller caller, Provider p, ValidationAttempt attempt) {
    renderer.page(ctx, 400, "provider.jte", frames.of(caller, p.name(), "providers"),
        builder.build(caller.userId(), p, null, attempt));
  }

  private void outcome(Context ctx, Provider p, Credential after) {
    if (after.verification() == Verification.VERIFIED) {
      Flash.ok("Credentials verified! “" + after.label() + "” works; " + p.name() + " tools are ready.")
          .leave(ctx, guard.secureCookies());
    } else {
      Flash.error("Validation failed for “" + after.label() + "”: "
          + Text.sentence(after.verificationMessage().orElse("the validation tool did not succeed")))
          .leave(ctx, guard.secureCookies());
    }
    redirect(ctx, after, "credentials");
  }

  private void act(Context ctx, Caller caller, Credential c, String what) {
    Flash.ok("“" + c.label() + "” " + what + ".").leave(ctx, guard.secureCookies());
    redirect(ctx, c, "credentials");
  }

  private static void redirect(Context ctx, Credential c, String anchor) {
    ctx.redirect(ProviderPages.PATH + "/" + c.provider() + "?credential=" + c.id() + "#" + anchor,
        HttpStatus.SEE_OTHER);
  }

  private static boolean supported(Provider p, String method) {
    try {
      AuthMethodType type = AuthMethodType.valueOf(method);
      return type != AuthMethodType.OAUTH2 && p.supports(type);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
