package io.cqlp.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvResultWriterTest {

  @Test
  void should_write_exact_floats_empty_nulls_and_quote_as_rfc_4180(@TempDir Path dir)
      throws Exception {
    Path target = dir.resolve("out.csv");
    CsvResultWriter writer = new CsvResultWriter(Location.local(target));
    writer.begin(
        List.of(
            ColumnSpec.regular("a", DataTypes.TEXT),
            ColumnSpec.regular("f", DataTypes.FLOAT),
            ColumnSpec.regular("b", DataTypes.BLOB)));
    writer.write(new Object[] {"x, \"y\"", 0.1f, ByteBuffer.wrap(new byte[] {1, 2})});
    writer.write(new Object[] {null, Float.NaN, null});
    writer.end();
    assertThat(target).doesNotExist();
    writer.commit();
    assertThat(Files.readString(target, StandardCharsets.UTF_8))
        .isEqualTo("a,f,b\n\"x, \"\"y\"\"\",0.1,0x0102\n,NaN,\n");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }
}
