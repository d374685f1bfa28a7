package io.cqlp.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The cells of an .xlsx file as Apache POI reads them, for comparing workbooks in tests. */
public final class XlsxCells {
  private XlsxCells() {}

  /**
   * Every sheet's rows, each cell as {@code TYPE:value} (POI's cell type and raw value, e.g. {@code
   * NUMERIC:1.5}, {@code STRING:a}), a missing cell as {@code BLANK}; a row ends at its last cell.
   *
   * @return one list of rows per sheet, in sheet order
   */
  public static List<List<List<String>>> typed(Path file) throws IOException {
    List<List<List<String>>> sheets = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
      for (int s = 0; s < book.getNumberOfSheets(); s++) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : book.getSheetAt(s)) {
          List<String> values = new ArrayList<>();
          for (int c = 0; c < row.getLastCellNum(); c++) {
            values.add(typed(row.getCell(c)));
          }
          rows.add(values);
        }
        sheets.add(rows);
      }
    } catch (InvalidFormatException e) {
      throw new IOException(e);
    }
    return sheets;
  }

  private static String typed(Cell cell) {
    if (cell == null) {
      return "BLANK";
    }
    return switch (cell.getCellType()) {
      case NUMERIC -> "NUMERIC:" + cell.getNumericCellValue();
      case BOOLEAN -> "BOOLEAN:" + cell.getBooleanCellValue();
      default -> cell.getCellType() + ":" + cell.getStringCellValue();
    };
  }
}
