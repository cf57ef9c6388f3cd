package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JettyCallTest {
  @Test
  void gzipIsChosenOnlyWhenTheClientAcceptsItWithAQualityAboveZero() {
    assertThat(JettyCall.acceptsGzip("gzip")).isTrue();
    assertThat(JettyCall.acceptsGzip("gzip, deflate, br")).isTrue();
    assertThat(JettyCall.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
    assertThat(JettyCall.acceptsGzip("gzip;q=0")).isFalse();
    assertThat(JettyCall.acceptsGzip("identity, gzip;q=0.000")).isFalse();
    assertThat(JettyCall.acceptsGzip("x-gzip-not")).isFalse();
    assertThat(JettyCall.acceptsGzip("identity")).isFalse();
    assertThat(JettyCall.acceptsGzip(null)).isFalse();
  }
}
