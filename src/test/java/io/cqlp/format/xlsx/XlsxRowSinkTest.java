package io.cqlp.format.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxRowSinkTest {
  private static final List<ColumnSpec> COLUMNS =
      List.of(ColumnSpec.regular("id", DataTypes.INT), ColumnSpec.regular("name", DataTypes.TEXT));

  @TempDir Path dir;

  @Test
  void should_publish_a_workbook_with_a_header_and_every_row() throws IOException {
    Path file = dir.resolve("rows.xlsx");
    try (XlsxRowSink sink = XlsxRowSink.open(Location.local(file), COLUMNS, 3)) {
      for (int i = 0; i < 5; i++) {
        sink.write(new Object[] {i, "n" + i});
      }
      assertThat(Files.exists(file)).isFalse();
      sink.commit();
      assertThat(sink.rowsWritten()).isEqualTo(5);
      assertThat(sink.sheets()).isEqualTo(3);
      assertThat(sink.bytesWritten()).isEqualTo(Files.size(file));
    }
    try (Workbook book = new XSSFWorkbook(file.toFile())) {
      assertThat(book.getNumberOfSheets()).isEqualTo(3);
      Sheet last = book.getSheet("Sheet3");
      assertThat(last.getRow(0).getCell(1).getStringCellValue()).isEqualTo("name");
      assertThat(last.getRow(1).getCell(1).getStringCellValue()).isEqualTo("n4");
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IOException(e);
    }
  }

  @Test
  void should_leave_nothing_when_aborted() throws IOException {
    Path file = dir.resolve("rows.xlsx");
    try (XlsxRowSink sink = XlsxRowSink.open(Location.local(file), COLUMNS)) {
      sink.write(new Object[] {1, "a"});
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
