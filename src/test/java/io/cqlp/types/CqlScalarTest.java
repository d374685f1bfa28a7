package io.cqlp.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.type.DataTypes;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CqlScalarTest {

  @Test
  void should_find_the_scalar_of_each_driver_type() {
    for (CqlScalar s : CqlScalar.values()) {
      assertThat(CqlScalar.of(s.dataType())).contains(s);
    }
    assertThat(CqlScalar.of(DataTypes.TIMESTAMP)).contains(CqlScalar.TIMESTAMP);
    assertThat(CqlScalar.TIMESTAMP.javaType()).isEqualTo(Instant.class);
    assertThat(CqlScalar.COUNTER.cqlName()).isEqualTo("counter");
  }

  @Test
  void should_have_no_scalar_for_composite_types_and_duration() {
    assertThat(CqlScalar.of(DataTypes.listOf(DataTypes.INT))).isEmpty();
    assertThat(CqlScalar.of(DataTypes.DURATION)).isEmpty();
    assertThat(CqlScalar.of(DataTypes.vectorOf(DataTypes.FLOAT, 3))).isEmpty();
  }

  @Test
  void should_treat_varchar_as_text() {
    assertThat(CqlScalar.TEXT.cqlName()).isEqualTo("text");
  }
}
