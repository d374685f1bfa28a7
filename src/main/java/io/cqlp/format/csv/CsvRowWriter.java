package io.cqlp.format.csv;

import io.cqlp.format.compress.StreamCompression;
import io.cqlp.rows.RowSink;
import io.cqlp.storage.Location;
import io.cqlp.storage.StagedFile;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.ValueFormatter;
import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * COPY TO in CSV, as cqlsh writes it: one line per row (CRLF), values spelled by {@link
 * CsvOptions#formatter()} (collections and user types as CQL literals, blobs {@code 0x...},
 * timestamps per DATETIMEFORMAT, booleans per BOOLSTYLE), NULL as the NULL text, quoting by Commons
 * CSV with QUOTE and ESCAPE. A text value is written as it is (cqlsh escapes backslashes and
 * control characters, which its COPY FROM does not undo; cqlp keeps the text exact).
 *
 * <p>A file target is written compressed when its name ends with {@code .gz} or {@code .zst}
 * ({@link StreamCompression}), in ENCODING, under a staging name, and published on {@link
 * #commit()}. With MAXOUTPUTSIZE=n, every n rows start a new file named as cqlsh names them: {@code
 * target}, {@code target.1}, {@code target.2}, ...; each starts with the header when HEADER is on,
 * so each can be imported alone. All appear together on commit. The STDOUT form writes to the
 * shell's output as rows come, never split. A new result ({@link #beginResult}, CAPTURE) goes on in
 * the same file, after a header line of its own columns when HEADER is on; a file begun by
 * MAXOUTPUTSIZE starts with the current result's header. Not thread-safe.
 */
public final class CsvRowWriter implements RowSink {
  private final Location target;
  private List<ColumnSpec> columns;
  private final CsvOptions options;
  private final ValueFormatter formatter;
  private final List<StagedFile> staged = new ArrayList<>();
  private final Writer stdout;
  private CSVPrinter printer;
  private long rows;
  private long rowsInFile;
  private long bytes;
  private boolean done;

  private CsvRowWriter(
      Location target, Writer stdout, List<ColumnSpec> columns, CsvOptions options) {
    this.target = target;
    this.stdout = stdout;
    this.columns = List.copyOf(columns);
    this.options = options;
    this.formatter = options.formatter();
  }

  /**
   * Opens a file target.
   *
   * @param target the file to publish on commit; its extension names the compression
   * @param columns the columns of every row, in order
   * @param options the CSV options
   * @throws IOException if the target's directory does not exist or cannot be written
   */
  public static CsvRowWriter open(Location target, List<ColumnSpec> columns, CsvOptions options)
      throws IOException {
    CsvRowWriter writer = new CsvRowWriter(target, null, columns, options);
    writer.startFile();
    return writer;
  }

  /**
   * A writer to a stream that stays open (the shell's standard output); MAXOUTPUTSIZE and ENCODING
   * do not apply (the shell's output has its own encoding).
   *
   * @param out where the CSV text goes; flushed on commit, never closed
   */
  public static CsvRowWriter toStream(Writer out, List<ColumnSpec> columns, CsvOptions options)
      throws IOException {
    CsvRowWriter writer = new CsvRowWriter(null, out, columns, options);
    writer.startFile();
    return writer;
  }

  private void startFile() throws IOException {
    Writer out;
    if (stdout != null) {
      out =
          new FilterWriter(stdout) {
            @Override
            public void close() throws IOException {
              flush();
            }
          };
    } else {
      Location path = staged.isEmpty() ? target : target.withSuffix("." + staged.size());
      StagedFile file = path.create();
      staged.add(file);
      out =
          new BufferedWriter(
              new OutputStreamWriter(
                  StreamCompression.fromPath(target.toString()).compress(file.stream()),
                  options.charset().newEncoder()),
              64 * 1024);
    }
    printer = new CSVPrinter(out, options.writeFormat());
    rowsInFile = 0;
    printHeader();
  }

  private void printHeader() throws IOException {
    if (options.header()) {
      for (ColumnSpec c : columns) {
        printer.print(c.name());
      }
      printer.println();
    }
  }

  /**
   * Goes on with rows of {@code columns} in the current file, after their header line when HEADER
   * is on.
   */
  @Override
  public void beginResult(List<ColumnSpec> columns) throws IOException {
    this.columns = List.copyOf(columns);
    try {
      printHeader();
    } catch (CharacterCodingException e) {
      throw encodingError();
    }
  }

  @Override
  public void write(Object[] row) throws IOException {
    try {
      if (stdout == null && options.maxOutputSize() > 0 && rowsInFile >= options.maxOutputSize()) {
        printer.close();
        startFile();
      }
      for (int i = 0; i < columns.size(); i++) {
        Object value = row[i];
        printer.print(value == null ? null : formatter.format(value));
      }
      printer.println();
    } catch (CharacterCodingException e) {
      throw encodingError();
    }
    rows++;
    rowsInFile++;
  }

  @Override
  public void commit() throws IOException {
    if (done) {
      return;
    }
    try {
      printer.close();
    } catch (CharacterCodingException e) {
      abort();
      throw encodingError();
    }
    done = true;
    if (stdout != null) {
      return;
    }
    try {
      for (StagedFile file : staged) {
        file.publish();
        bytes += file.size();
      }
    } finally {
      staged.forEach(StagedFile::discard);
    }
  }

  private IOException encodingError() {
    return new IOException(
        "cannot write "
            + target
            + ": a value has a character that ENCODING "
            + options.charset().name()
            + " cannot encode; choose another ENCODING (e.g. utf8)");
  }

  @Override
  public void abort() {
    if (done) {
      return;
    }
    done = true;
    try {
      printer.close();
    } catch (IOException ignored) {
      // the staged files are removed next
    }
    staged.forEach(StagedFile::discard);
  }

  @Override
  public long rowsWritten() {
    return rows;
  }

  @Override
  public long bytesWritten() {
    return bytes;
  }

  /** Files written: 1, or more with MAXOUTPUTSIZE. */
  @Override
  public long filesWritten() {
    return Math.max(1, staged.size());
  }

  @Override
  public void close() {
    abort();
  }
}
