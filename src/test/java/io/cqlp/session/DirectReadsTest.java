package io.cqlp.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DirectReadsTest {
  @Test
  void should_take_only_statements_whose_first_word_is_select() {
    assertThat(DirectReads.isSelect("SELECT * FROM t")).isTrue();
    assertThat(DirectReads.isSelect("  \n select\tk FROM t")).isTrue();
    assertThat(DirectReads.isSelect("SeLeCt*FROM t")).isTrue();
    assertThat(DirectReads.isSelect("select")).isTrue();
    assertThat(DirectReads.isSelect("selection")).isFalse();
    assertThat(DirectReads.isSelect("INSERT INTO t (k) VALUES (1)")).isFalse();
    assertThat(DirectReads.isSelect("-- a comment\nSELECT 1")).isFalse();
    assertThat(DirectReads.isSelect("")).isFalse();
  }

  @Test
  void should_leave_to_the_driver_a_select_with_what_the_connection_does_not_send() {
    SimpleStatement plain =
        SimpleStatement.newInstance("SELECT * FROM t")
            .setConsistencyLevel(DefaultConsistencyLevel.QUORUM)
            .setSerialConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL)
            .setPageSize(100);

    assertThat(DirectReads.servable(plain)).isTrue();
    assertThat(DirectReads.servable(plain.setTracing(true))).isFalse();
    assertThat(DirectReads.servable(SimpleStatement.newInstance("SELECT * FROM t WHERE k = ?", 1)))
        .isFalse();
    assertThat(DirectReads.servable(plain.setKeyspace("ks"))).isFalse();
    assertThat(DirectReads.servable(plain.setTimeout(Duration.ofSeconds(1)))).isFalse();
    assertThat(DirectReads.servable(plain.setQueryTimestamp(5))).isFalse();
    assertThat(DirectReads.servable(plain.setPagingState(ByteBuffer.allocate(1)))).isFalse();
    assertThat(DirectReads.servable(plain.setExecutionProfileName("other"))).isFalse();
    assertThat(DirectReads.servable(SimpleStatement.newInstance("UPDATE t SET v = 1 WHERE k = 1")))
        .isFalse();
  }

  @Test
  void should_name_the_client_with_a_random_version_4_uuid_and_cqlps_application_name() {
    UUID id = ClientOptions.clientId();

    assertThat(id.version()).isEqualTo(4);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(ClientOptions.clientId()).isNotEqualTo(id);
    assertThat(ClientOptions.startup("some driver", "1.2"))
        .containsEntry("DRIVER_NAME", "some driver")
        .containsEntry("DRIVER_VERSION", "1.2")
        .containsEntry("APPLICATION_NAME", "cqlp")
        .containsKeys("CLIENT_ID", "APPLICATION_VERSION");
  }
}
