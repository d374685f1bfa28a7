package io.cqlp.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
  void should_keep_the_file_under_the_users_cqlp_folder() {
    assertThat(LogFile.path("/home/ann")).isEqualTo(Path.of("/home/ann/.cqlp/logs/cqlp.log"));
  }
}
