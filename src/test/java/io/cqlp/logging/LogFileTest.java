package io.cqlp.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LogFileTest {

  @Test
  void should_log_warnings_only_by_default_and_never_http_wire_or_headers() {
    assertThat(LogFile.properties(false))
        .isEqualTo(
            "handlers=io.cqlp.logging.RotatingFileHandler\n"
                + ".level=WARNING\n"
                + "org.apache.hc.client5.http.wire.level=OFF\n"
                + "org.apache.hc.client5.http.headers.level=OFF\n");
  }

  @Test
  void should_log_the_driver_at_debug_and_the_rest_at_info_with_debug() {
    assertThat(LogFile.properties(true))
        .isEqualTo(
            "handlers=io.cqlp.logging.RotatingFileHandler\n"
                + ".level=INFO\n"
                + "com.datastax.oss.driver.level=FINE\n"
                + "io.cqlp.level=FINE\n"
                + "org.apache.parquet.level=FINE\n"
                + "org.jline.level=FINE\n"
                + "com.datastax.oss.driver.internal.core.util.Reflection.level=INFO\n"
                + "com.datastax.oss.driver.internal.core.context.EventBus.level=INFO\n"
                + "org.apache.hc.client5.http.wire.level=OFF\n"
                + "org.apache.hc.client5.http.headers.level=OFF\n");
  }

  @Test
  void should_name_the_shipped_slf4j_provider_quietly_unless_one_is_named() throws Exception {
    String[] keys = {
      LogFile.SLF4J_PROVIDER,
      LogFile.SLF4J_VERBOSITY,
      LogFile.DEBUG_PROPERTY,
      "java.util.logging.config.class"
    };
    Properties saved = new Properties();
    for (String key : keys) {
      if (System.getProperty(key) != null) {
        saved.setProperty(key, System.getProperty(key));
      }
    }
    try {
      System.clearProperty(LogFile.SLF4J_PROVIDER);
      System.clearProperty(LogFile.SLF4J_VERBOSITY);
      LogFile.install(false);
      assertThat(System.getProperty(LogFile.SLF4J_PROVIDER)).isEqualTo(LogFile.JUL_PROVIDER);
      assertThat(System.getProperty(LogFile.SLF4J_VERBOSITY)).isEqualTo("WARN");
      // the class exists in the jars cqlp ships, and is an SLF4J provider
      assertThat(org.slf4j.spi.SLF4JServiceProvider.class)
          .isAssignableFrom(Class.forName(LogFile.JUL_PROVIDER));

      System.setProperty(LogFile.SLF4J_PROVIDER, "org.example.Provider");
      System.clearProperty(LogFile.SLF4J_VERBOSITY);
      LogFile.install(false);
      assertThat(System.getProperty(LogFile.SLF4J_PROVIDER)).isEqualTo("org.example.Provider");
      assertThat(System.getProperty(LogFile.SLF4J_VERBOSITY)).isNull();
    } finally {
      for (String key : keys) {
        System.clearProperty(key);
        if (saved.getProperty(key) != null) {
          System.setProperty(key, saved.getProperty(key));
        }
      }
    }
  }

  @Test
  void should_keep_the_file_under_the_users_cqlp_folder() {
    assertThat(LogFile.path("/home/ann")).isEqualTo(Path.of("/home/ann/.cqlp/logs/cqlp.log"));
  }
}
