package dev.switchboard.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.AuthMethodType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The transition table of docs/credentials.md: every event from every state, allowed or refused. */
class CredentialStatesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** Columns: the events in {@link #EVENTS}' order; "ok" = allowed, else the refusal's error code. */
  private static final String TABLE = """
      ACTIVE   UNVERIFIED ok ok ok ok credential_not_verified ok ok ok ok ok credential_not_verified
      ACTIVE   PENDING    ok ok ok ok credential_not_verified ok ok ok ok ok credential_not_verified
      ACTIVE   VERIFIED   ok ok ok ok ok                      ok ok ok ok ok ok
      ACTIVE   ERROR      ok ok ok ok credential_not_verified ok ok ok ok ok credential_not_verified
      ACTIVE   EXPIRED    ok ok ok ok credential_not_verified ok ok ok ok ok credential_not_verified
      DISABLED UNVERIFIED credential_disabled ok ok ok credential_not_verified ok ok ok ok ok credential_disabled
      DISABLED PENDING    credential_disabled ok ok ok credential_not_verified ok ok ok ok ok credential_disabled
      DISABLED VERIFIED   credential_disabled ok ok ok ok                      ok ok ok ok ok credential_disabled
      DISABLED ERROR      credential_disabled ok ok ok credential_not_verified ok ok ok ok ok credential_disabled
      DISABLED EXPIRED    credential_disabled ok ok ok credential_not_verified ok ok ok ok ok credential_disabled
      """;

  private static final List<StateEvent> EVENTS = List.of(
      new StateEvent.ValidationStarted(),
      new StateEvent.ValidationAbandoned(credential(CredentialStatus.ACTIVE, Verification.VERIFIED)),
      new StateEvent.ValidationPassed(NOW),
      new StateEvent.ValidationFailed("credentials_rejected", "401"),
      new StateEvent.CallRejectedConfirmed("credentials_rejected", "401"),
      new StateEvent.RefreshFailedForGood("invalid_grant"),
      new StateEvent.Reauthorized(),
      new StateEvent.Disabled(),
      new StateEvent.Enabled(),
      new StateEvent.Deleted(),
      new StateEvent.MadeCurrent());

  @Test
  void everyEventFromEveryStateIsAllowedOrRefusedWithTheCodeOfTheTable() {
    List<String> rows = TABLE.lines().filter(l -> !l.isBlank()).toList();
    assertThat(rows).hasSize(CredentialStatus.values().length * Verification.values().length);
    List<String> mismatches = new ArrayList<>();
    for (String row : rows) {
      String[] cells = row.trim().split("\\s+");
      Credential c = credential(CredentialStatus.valueOf(cells[0]), Verification.valueOf(cells[1]));
      assertThat(cells).hasSize(2 + EVENTS.size());
      for (int i = 0; i < EVENTS.size(); i++) {
        String actual = CurrentCredential.refusal(c, EVENTS.get(i)).map(SwitchboardException::code).orElse("ok");
        if (!actual.equals(cells[2 + i])) {
          mismatches.add(cells[0] + " " + cells[1] + " + " + EVENTS.get(i) + ": " + actual + ", expected " + cells[2 + i]);
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void aRefusedMakeCurrentNamesTheCredentialAndWhatToDo() {
    Credential c = credential(CredentialStatus.ACTIVE, Verification.ERROR);
    assertThat(CurrentCredential.refusal(c, new StateEvent.MadeCurrent()).orElseThrow().getMessage())
        .isEqualTo("only a VERIFIED credential can be current; 'Work' is ERROR: run its validation first");
  }

  private static Credential credential(CredentialStatus status, Verification verification) {
    return new Credential("c1", "alice", "openai", AuthMethodType.API_KEY, "Work", status, verification,
        Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), NOW, Optional.empty(),
        Optional.empty(), 0, 0, "k1", Map.of(), false);
  }
}
