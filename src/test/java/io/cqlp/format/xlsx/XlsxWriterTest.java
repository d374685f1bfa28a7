package io.cqlp.format.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxWriterTest {

  private static Workbook open(byte[] bytes) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  @Test
  void should_allow_excel_rows_per_sheet() {
    assertThat(XlsxWriter.MAX_ROWS_PER_SHEET).isEqualTo(1_048_576);
    assertThat(XlsxWriter.MAX_ROWS_PER_SHEET).isEqualTo(org.dhatim.fastexcel.Worksheet.MAX_ROWS);
  }

  @Test
  void should_write_a_header_then_typed_cells() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxWriter xlsx = new XlsxWriter(out);
    xlsx.header(
        List.of(
            "i",
            "big",
            "huge",
            "dec",
            "long_dec",
            "f",
            "d",
            "nan",
            "b",
            "ts",
            "old_ts",
            "day",
            "t",
            "u",
            "blob",
            "dur",
            "map",
            "text",
            "null"));
    xlsx.row(
        new Object[] {
          42,
          123_456_789_012_345L,
          Long.MAX_VALUE,
          new BigDecimal("1.25"),
          new BigDecimal("1234567890.1234567"),
          0.1f,
          1e300,
          Double.NaN,
          true,
          Instant.parse("2024-01-02T03:04:05.678Z"),
          Instant.parse("1899-12-31T00:00:00Z"),
          LocalDate.of(2024, 2, 29),
          LocalTime.of(1, 2, 3),
          UUID.fromString("123e4567-e89b-42d3-a456-426614174000"),
          ByteBuffer.wrap(new byte[] {1, (byte) 0xff}),
          CqlDuration.from("1d2h"),
          Map.of("k", 1),
          "héllo ✓",
          null
        });
    xlsx.finish();
    try (Workbook book = open(out.toByteArray())) {
      assertThat(book.getNumberOfSheets()).isEqualTo(1);
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("Sheet1");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("i");
      assertThat(sheet.getRow(0).getCell(18).getStringCellValue()).isEqualTo("null");
      Row row = sheet.getRow(1);
      assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(42);
      assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(123_456_789_012_345d);
      assertThat(text(row.getCell(2))).isEqualTo("9223372036854775807");
      assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(1.25);
      assertThat(text(row.getCell(4))).isEqualTo("1234567890.1234567");
      assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(0.1);
      assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(1e300);
      assertThat(text(row.getCell(7))).isEqualTo("NaN");
      assertThat(row.getCell(8).getCellType()).isEqualTo(CellType.BOOLEAN);
      assertThat(row.getCell(8).getBooleanCellValue()).isTrue();
      assertThat(row.getCell(9).getLocalDateTimeCellValue())
          .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000));
      assertThat(row.getCell(9).getCellStyle().getDataFormatString())
          .isEqualTo("yyyy-mm-dd hh:mm:ss.000");
      assertThat(text(row.getCell(10))).isEqualTo("1899-12-31T00:00:00Z");
      assertThat(row.getCell(11).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2024, 2, 29));
      assertThat(row.getCell(11).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
      assertThat(text(row.getCell(12))).isEqualTo("01:02:03.000000000");
      assertThat(text(row.getCell(13))).isEqualTo("123e4567-e89b-42d3-a456-426614174000");
      assertThat(text(row.getCell(14))).isEqualTo("0x01ff");
      assertThat(text(row.getCell(15))).isEqualTo("1d2h");
      assertThat(text(row.getCell(16))).isEqualTo("{'k': 1}");
      assertThat(text(row.getCell(17))).isEqualTo("héllo ✓");
      assertThat(row.getCell(18)).isNull();
    }
  }

  private static String text(Cell cell) {
    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
    return cell.getStringCellValue();
  }

  @Test
  void should_go_on_to_a_new_sheet_with_the_header_when_a_sheet_is_full() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxWriter xlsx = new XlsxWriter(out, 4);
    xlsx.header(List.of("n"));
    for (int i = 0; i < 7; i++) {
      xlsx.row(new Object[] {i});
    }
    xlsx.finish();
    assertThat(xlsx.sheets()).isEqualTo(3);
    assertThat(xlsx.rows()).isEqualTo(7);
    try (Workbook book = open(out.toByteArray())) {
      assertThat(book.getNumberOfSheets()).isEqualTo(3);
      int expected = 0;
      for (int s = 0; s < 3; s++) {
        Sheet sheet = book.getSheetAt(s);
        assertThat(sheet.getSheetName()).isEqualTo("Sheet" + (s + 1));
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("n");
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
          assertThat(sheet.getRow(r).getCell(0).getNumericCellValue()).isEqualTo(expected++);
        }
      }
      assertThat(expected).isEqualTo(7);
      assertThat(book.getSheetAt(2).getLastRowNum()).isEqualTo(1);
    }
  }

  @Test
  void should_write_a_header_for_each_result_on_the_same_sheet() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxWriter xlsx = new XlsxWriter(out);
    xlsx.header(List.of("a"));
    xlsx.row(new Object[] {1});
    xlsx.header(List.of("b", "c"));
    xlsx.row(new Object[] {"x", "y"});
    xlsx.finish();
    try (Workbook book = open(out.toByteArray())) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
      assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("c");
      assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("y");
    }
  }

  @Test
  void should_refuse_a_text_longer_than_a_cell_holds() throws IOException {
    XlsxWriter xlsx = new XlsxWriter(new ByteArrayOutputStream());
    xlsx.header(List.of("big"));
    assertThatThrownBy(() -> xlsx.row(new Object[] {"x".repeat(32_768)}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the value of column big has 32768 characters; an Excel cell holds at most 32767");
  }

  @Test
  void should_keep_varints_of_fifteen_digits_as_numbers_and_longer_as_text() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxWriter xlsx = new XlsxWriter(out);
    xlsx.header(List.of("a", "b"));
    xlsx.row(new Object[] {new BigInteger("999999999999999"), new BigInteger("1000000000000000")});
    xlsx.finish();
    try (Workbook book = open(out.toByteArray())) {
      Row row = book.getSheetAt(0).getRow(1);
      assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(999_999_999_999_999d);
      assertThat(text(row.getCell(1))).isEqualTo("1000000000000000");
    }
  }
}
