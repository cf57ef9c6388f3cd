package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaFieldValidatorTest {

    private static final List<SchemaField> DATABASE = List.of(
            new SchemaField("host", "Host", FieldType.STRING, true, false, null, null, null, null),
            new SchemaField("port", "Port", FieldType.INTEGER, true, false, null, null, null, 5432),
            SchemaField.secret("password", "Password"),
            new SchemaField("retries", "Retries", FieldType.INTEGER, false, false, null, null, null, null),
            new SchemaField("sslmode", "SSL mode", FieldType.STRING, false, false, null, "^(disable|require)$", null,
                    null),
            new SchemaField("instance_url", "URL", FieldType.URL, false, false, null, null, null, null),
            new SchemaField("email", "Email", FieldType.EMAIL, false, false, null, null, null, null));

    @Test
    void validValuesHaveNoProblems() {
        Map<String, Object> values = Map.of("host", "db", "port", "5433", "password", "s3cret", "retries", 3,
                "sslmode", "require", "instance_url", "https://acme.atlassian.net", "email", "ann@example.com");

        assertThat(SchemaFieldValidator.validate(DATABASE, values)).isEmpty();
    }

    @Test
    void missingNullAndEmptyRequiredFieldsAreRequiredButDefaultsSatisfyThem() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("host", "");
        values.put("password", null);

        assertThat(SchemaFieldValidator.validate(DATABASE, values))
                .containsExactly(Map.entry("host", "is required"), Map.entry("password", "is required"));
    }

    @Test
    void portMustBeAnIntegerBetweenOneAnd65535() {
        String message = "must be an integer between 1 and 65535";

        assertThat(problems("port", 0)).containsEntry("port", message);
        assertThat(problems("port", 65536)).containsEntry("port", message);
        assertThat(problems("port", "54x")).containsEntry("port", message);
        assertThat(problems("port", 5432.5)).containsEntry("port", message);
        assertThat(problems("port", 65535)).doesNotContainKey("port");
    }

    @Test
    void otherIntegersMustBeWholeNumbers() {
        assertThat(problems("retries", "three")).containsEntry("retries", "must be an integer");
        assertThat(problems("retries", 70000)).doesNotContainKey("retries");
    }

    @Test
    void urlsMustBeAbsoluteHttpUrlsAndEmailsMustLookLikeEmails() {
        assertThat(problems("instance_url", "ftp://files.example.com"))
                .containsEntry("instance_url", "must be an absolute http(s) URL");
        assertThat(problems("instance_url", "acme.atlassian.net"))
                .containsEntry("instance_url", "must be an absolute http(s) URL");
        assertThat(problems("email", "ann.example.com")).containsEntry("email", "must be an email address");
    }

    @Test
    void patternMismatchNamesThePatternNotTheValue() {
        Map<String, String> problems = problems("sslmode", "sometimes");

        assertThat(problems).containsEntry("sslmode", "must match the pattern ^(disable|require)$");
        assertThat(problems.values()).noneMatch(message -> message.contains("sometimes"));
    }

    @Test
    void textFieldsRejectNonText() {
        assertThat(problems("host", 42)).containsEntry("host", "must be text");
    }

    @Test
    void unknownFieldsAreReportedAfterKnownOnesInNameOrder() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("zeta", "1");
        values.put("alpha", "2");
        values.put("host", "");

        assertThat(SchemaFieldValidator.validate(DATABASE, values)).containsExactly(
                Map.entry("host", "is required"), Map.entry("password", "is required"),
                Map.entry("alpha", "is not a field of this provider"),
                Map.entry("zeta", "is not a field of this provider"));
    }

    @Test
    void messagesNeverEchoASecretValue() {
        Map<String, Object> values = Map.of("host", "db", "password", 12345678, "email", "hunter2");

        assertThat(SchemaFieldValidator.validate(DATABASE, values).values())
                .noneMatch(message -> message.contains("12345678") || message.contains("hunter2"));
    }

    private static Map<String, String> problems(String field, Object value) {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("host", "db", "password", "pw"));
        values.put(field, value);
        return SchemaFieldValidator.validate(DATABASE, values);
    }
}
