package dev.switchboard.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The one error shape of the REST API: {@code {"error": {"code", "message", "fields"?}}}. */
record ErrorBody(Detail error) {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Detail(String code, String message, Map<String, String> fields) {}

  static ErrorBody of(String code, String message) {
    return new ErrorBody(new Detail(code, message, Map.of()));
  }

  static ErrorBody of(String code, String message, Map<String, String> fields) {
    return new ErrorBody(new Detail(code, message, fields));
  }
}
