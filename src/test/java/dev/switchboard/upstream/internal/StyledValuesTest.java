package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.tool.HttpOperation;
import dev.switchboard.tool.HttpOperation.FieldEncoding;
import dev.switchboard.tool.HttpOperation.Style;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Values are written as OpenAPI 3.1's style examples table says (§4.8.12.4.1): {@code color} set
 * to "", "blue", ["blue","black","brown"] and {"R":100,"G":200,"B":150}. Query pairs are shown
 * unencoded ({@code name=value} joined by {@code &}); path values as sent.
 */
class StyledValuesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, JsonNode> VALUES = Map.of(
      "empty", JSON.readTree("\"\""),
      "string", JSON.readTree("\"blue\""),
      "array", JSON.readTree("[\"blue\",\"black\",\"brown\"]"),
      "object", JSON.readTree("{\"R\":100,\"G\":200,\"B\":150}"));

  @ParameterizedTest(name = "{0} explode={1} {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "MATRIX | false | string | ;color=blue",
      "MATRIX | false | array  | ;color=blue,black,brown",
      "MATRIX | false | object | ;color=R,100,G,200,B,150",
      "MATRIX | true  | string | ;color=blue",
      "MATRIX | true  | array  | ;color=blue;color=black;color=brown",
      "MATRIX | true  | object | ;R=100;G=200;B=150",
      "LABEL  | false | string | .blue",
      "LABEL  | false | array  | .blue,black,brown",
      "LABEL  | false | object | .R,100,G,200,B,150",
      "LABEL  | true  | string | .blue",
      "LABEL  | true  | array  | .blue.black.brown",
      "LABEL  | true  | object | .R=100.G=200.B=150",
      "SIMPLE | false | string | blue",
      "SIMPLE | false | array  | blue,black,brown",
      "SIMPLE | false | object | R,100,G,200,B,150",
      "SIMPLE | true  | string | blue",
      "SIMPLE | true  | array  | blue,black,brown",
      "SIMPLE | true  | object | R=100,G=200,B=150",
  })
  void pathValuesFollowTheSpecificationsStyleTable(Style style, boolean explode, String value, String expected) {
    assertThat(StyledValues.path("color", VALUES.get(value), style, explode)).isEqualTo(expected);
  }

  /** The table's empty rows ({@code ;color}, {@code .}) are refused: a label of nothing is a dot-segment. */
  @ParameterizedTest
  @EnumSource(value = Style.class, names = {"SIMPLE", "LABEL", "MATRIX"})
  void anEmptyPathValueIsRefusedInEveryStyleRatherThanSent(Style style) {
    assertThatThrownBy(() -> StyledValues.path("color", VALUES.get("empty"), style, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} explode={1} {2}")
  @CsvSource(delimiter = '!', quoteCharacter = '\'', value = {
      "FORM            ! false ! empty  ! color=",
      "FORM            ! false ! string ! color=blue",
      "FORM            ! false ! array  ! color=blue,black,brown",
      "FORM            ! false ! object ! color=R,100,G,200,B,150",
      "FORM            ! true  ! empty  ! color=",
      "FORM            ! true  ! string ! color=blue",
      "FORM            ! true  ! array  ! color=blue&color=black&color=brown",
      "FORM            ! true  ! object ! R=100&G=200&B=150",
      "SPACE_DELIMITED ! false ! array  ! color=blue black brown",
      "SPACE_DELIMITED ! false ! object ! color=R 100 G 200 B 150",
      "PIPE_DELIMITED  ! false ! array  ! color=blue|black|brown",
      "PIPE_DELIMITED  ! false ! object ! color=R|100|G|200|B|150",
      "DEEP_OBJECT     ! true  ! object ! color[R]=100&color[G]=200&color[B]=150",
  })
  void queryPairsFollowTheSpecificationsStyleTable(Style style, boolean explode, String value, String expected) {
    assertThat(shown(StyledValues.pairs("color", VALUES.get(value), style, explode))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "explode={0} {1}")
  @CsvSource(delimiter = '|', value = {
      "false | string | blue",
      "false | array  | blue,black,brown",
      "false | object | R,100,G,200,B,150",
      "true  | array  | blue,black,brown",
      "true  | object | R=100,G=200,B=150",
  })
  void headerValuesAreSimpleNeverJson(boolean explode, String value, String expected) {
    assertThat(StyledValues.header(VALUES.get(value), explode)).isEqualTo(expected);
  }

  @Test
  void deepObjectQueryNestsObjectsAndArraysAsStripeReadsThem() {
    JsonNode created = JSON.readTree("{\"gte\":1700000000,\"lt\":1800000000}");
    JsonNode nested = JSON.readTree("{\"a\":{\"b\":\"c\"},\"tags\":[\"x\",\"y\"],\"items\":[{\"price\":\"p1\"}]}");

    assertThat(shown(StyledValues.pairs("created", created, Style.DEEP_OBJECT, true)))
        .isEqualTo("created[gte]=1700000000&created[lt]=1800000000");
    assertThat(shown(StyledValues.pairs("f", nested, Style.DEEP_OBJECT, true)))
        .isEqualTo("f[a][b]=c&f[tags][]=x&f[tags][]=y&f[items][0][price]=p1");
  }

  @Test
  void formBodyFollowsItsEncodingAndBracketsStructuresWithoutOne() {
    JsonNode body = JSON.readTree("""
        {"customer": "cus_1", "metadata": {"crm_id": "42"}, "expand": ["tax"], "To": ["+1", "+2"],
         "items": [{"price": "p1", "quantity": 2}], "flags": {"a": true}, "raw": {"k": [1]}, "gone": null}""");
    Map<String, FieldEncoding> encoding = Map.of(
        "metadata", new FieldEncoding(Style.DEEP_OBJECT, true, false),
        "expand", new FieldEncoding(Style.DEEP_OBJECT, true, false),
        "flags", new FieldEncoding(Style.FORM, true, false),
        "raw", new FieldEncoding(null, true, true));

    assertThat(shown(StyledValues.formFields(body, encoding))).isEqualTo(
        "customer=cus_1&metadata[crm_id]=42&expand[]=tax&To=+1&To=+2&items[0][price]=p1&items[0][quantity]=2"
            + "&a=true&raw={\"k\":[1]}");
  }

  @Test
  void formBodyFieldNamesKeepTheirBracketsAndValuesArePercentEncoded() {
    JsonNode body = JSON.readTree("{\"metadata\":{\"note\":\"a&b=c d\"}}");

    byte[] wire = new RequestBuilder(JSON).build("http://127.0.0.1:1", new HttpOperation(
        "POST", "/v1/customers", List.of(), Optional.of(new HttpOperation.Body(
            "body", "application/x-www-form-urlencoded", true))), JSON.readTree("{\"body\":" + body + "}"),
        null).body;

    assertThat(new String(wire, StandardCharsets.UTF_8)).isEqualTo("metadata[note]=a%26b%3Dc%20d");
  }

  private static String shown(List<Map.Entry<String, String>> pairs) {
    return pairs.stream().map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining("&"));
  }
}
