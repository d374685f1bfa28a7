package io.cqlp.transfer.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cqlp.storage.Location;
import io.cqlp.storage.StagedFile;
import io.cqlp.types.JsonValues;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * COPY FROM's ERRFILE: the rows that were not imported, one line each, in the input's own format so
 * that the file can be imported again once the cause is fixed.
 *
 * <p>A row of a text input (CSV, JSON) is written as its record text ({@code
 * RowSource.lastRecord()}); a row of an input without a text form (Parquet) as a JSON Lines object
 * of its column names and typed values ({@link JsonValues}), importable with {@code FORMAT='JSON'}.
 *
 * <p>As cqlsh's: the default name is {@code import_<keyspace>_<table>.err} in the current directory
 * ({@link #defaultPath}); the file is created only when the first row fails, and an existing file
 * of that name is then renamed to {@code <name>.<yyyyMMdd_HHmmss>} first. Lines are appended as
 * rows fail and flushed by {@link #close()}, so rows already written are kept even if the import
 * stops.
 *
 * <p>An ERRFILE in an object store ({@code s3://}) is uploaded as it is written and appears, whole,
 * when closed; an object of that name is then replaced (a bucket has no rename to keep it under
 * another name). Thread-safe.
 */
public final class ErrorFile implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  private final Location path;
  private final List<String> columns;
  private BufferedWriter writer;
  private StagedFile object;
  private boolean created;
  private long rows;

  /**
   * @param path where failed rows go; nothing is created until the first row
   * @param columns the input's column names, in the order of {@link LoadRow#values()}
   */
  public ErrorFile(Location path, List<String> columns) {
    this.path = path;
    this.columns = List.copyOf(columns);
  }

  /**
   * cqlsh's default ERRFILE: {@code import_<keyspace>_<table>.err}, relative to the current
   * directory.
   */
  public static Path defaultPath(String keyspace, String table) {
    return Path.of("import_" + keyspace + "_" + table + ".err");
  }

  /** The file's path. */
  public Location path() {
    return path;
  }

  /** Rows written so far; 0 means the file was not created. */
  public synchronized long rows() {
    return rows;
  }

  /**
   * Writes one failed row.
   *
   * @param values its values by column, or {@code null} if not known
   * @param record its record text, or {@code null} for an input without one
   * @throws UncheckedIOException if the file cannot be created or written
   */
  public void write(Object[] values, String record) {
    String line = record != null ? record : json(values);
    append(line);
  }

  /**
   * Writes one row that failed to convert, from what the reader could make of it.
   *
   * @param values the column values that converted, by column name, insertion ordered
   * @param refusedColumn the column whose value was refused, or null
   * @param reason why it was refused; written in place of the value as {@code {"refused": reason}},
   *     which any later import refuses again instead of loading a NULL
   */
  public void writeRefused(Map<String, Object> values, String refusedColumn, String reason) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      for (Map.Entry<String, Object> e : values.entrySet()) {
        json.writeFieldName(e.getKey());
        if (e.getKey().equals(refusedColumn)) {
          json.writeStartObject();
          json.writeStringField("refused", reason);
          json.writeEndObject();
        } else {
          JsonValues.write(json, e.getValue());
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    append(text.toString());
  }

  private String json(Object[] values) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      for (int i = 0; i < columns.size(); i++) {
        json.writeFieldName(columns.get(i));
        JsonValues.write(json, values == null ? null : values[i]);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private synchronized void append(String line) {
    try {
      if (writer == null && !created && !path.isLocal()) {
        object = path.create();
        writer =
            new BufferedWriter(
                new OutputStreamWriter(object.stream(), StandardCharsets.UTF_8), 64 * 1024);
        created = true;
      } else if (writer == null && !path.isLocal()) {
        throw new IOException("the error file " + path + " was already closed");
      } else if (writer == null && !created) {
        Path path = this.path.localPath();
        if (Files.exists(path)) {
          Files.move(
              path,
              path.resolveSibling(path.getFileName() + "." + LocalDateTime.now().format(SUFFIX)));
        }
        writer =
            Files.newBufferedWriter(
                path,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        created = true;
      } else if (writer == null) {
        writer =
            Files.newBufferedWriter(
                path.localPath(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      }
      writer.write(line);
      writer.write('\n');
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the error file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Flushes and closes the file, if it was created; an object store's then appears. */
  @Override
  public synchronized void close() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
      if (object != null) {
        object.publish();
      }
    }
  }
}
