package io.cqlp.transfer;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import io.cqlp.command.CopyFrom;
import io.cqlp.format.FileFormat;
import io.cqlp.format.Formats;
import io.cqlp.rows.ConversionException;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.TableSchema;
import io.cqlp.storage.Location;
import io.cqlp.transfer.load.ErrorBudget;
import io.cqlp.transfer.load.ImportErrors;
import java.io.IOException;
import java.util.Locale;

/**
 * The end of an import that exceeded MAXPARSEERRORS or MAXINSERTERRORS: the rest of the input goes
 * to the ERRFILE, so that the file holds every row not imported, and the user gets one line with
 * cqlsh's message, the counts, and the COPY that finishes the job.
 */
public final class ImportStop {
  private ImportStop() {}

  /**
   * Writes the input's remaining rows to the ERRFILE as not attempted, a row that does not convert
   * in the form {@link ImportErrors#parseError} would write it.
   *
   * @param limit rows at most (what is left of MAXROWS), negative for all
   */
  static void keepRest(RowSource source, ImportErrors errors, long limit) throws IOException {
    for (long kept = 0; limit < 0 || kept < limit; kept++) {
      Object[] row;
      try {
        row = source.next();
      } catch (ConversionException e) {
        String record = source.lastRecord();
        if (record == null && e.values() == null) {
          throw e;
        }
        if (record != null) {
          errors.notAttempted(null, record);
        } else {
          errors.notAttemptedRefused(e);
        }
        continue;
      }
      if (row == null) {
        return;
      }
      errors.notAttempted(row, source.lastRecord());
    }
  }

  /**
   * {@code Exceeded maximum number of insert errors 10; 980 rows imported from 1 files in 3.2
   * seconds (0 skipped, 0 parse errors, 11 insert errors, ...). 1020 rows not imported are in
   * import_ks_t.err: fix the cause, then COPY ks.t FROM 'import_ks_t.err' WITH FORMAT='JSON'.}
   */
  static String message(
      ErrorBudget budget,
      TransferSummary summary,
      ImportErrors errors,
      CopyFrom command,
      TableSchema schema) {
    return message(
        budget,
        summary,
        errors.file().rows(),
        errors.notAttempted(),
        errors.file().path(),
        command,
        schema);
  }

  /**
   * The same line for counts summed over the tasks of a distributed import.
   *
   * @param budget the exceeded budget, with the import's counts
   * @param summary the import's summary
   * @param errRows rows in the ERRFILE
   * @param notAttempted of those, rows never sent
   * @param errPath the ERRFILE
   * @param command the COPY FROM
   * @param schema the table
   * @return the one line
   */
  public static String message(
      ErrorBudget budget,
      TransferSummary summary,
      long errRows,
      long notAttempted,
      Location errPath,
      CopyFrom command,
      TableSchema schema) {
    String importLine = summary.importLine();
    return budget.exceededMessage()
        + "; "
        + importLine.substring(0, importLine.length() - 1)
        + ". "
        + errRows
        + " rows not imported ("
        + notAttempted
        + " of them never sent) are in "
        + errPath
        + ": fix the cause, then COPY "
        + CqlIdentifier.fromInternal(schema.keyspace()).asCql(true)
        + "."
        + CqlIdentifier.fromInternal(schema.table()).asCql(true)
        + " FROM '"
        + errPath
        + "'"
        + formatOption(command, errPath)
        + ".";
  }

  /** {@code WITH FORMAT='...'} when the ERRFILE's extension does not say its format, else empty. */
  private static String formatOption(CopyFrom command, Location errPath) {
    FileFormat input =
        Formats.format(command.options(), command.source() == null ? "" : command.source());
    FileFormat written =
        input == FileFormat.PARQUET || input == FileFormat.XLSX ? FileFormat.JSON : input;
    return FileFormat.fromPath(errPath.toString()) == written
        ? ""
        : " WITH FORMAT='" + written.name().toLowerCase(Locale.ROOT) + "'";
  }
}
