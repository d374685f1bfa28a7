package io.cqlp.transfer.checkpoint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an unfinished single-file COPY TO leaves beside its target so that it can be resumed: the
 * table, the columns, the WHERE text and the output options of the export, the name of the part
 * file holding every row written so far, and the state of each token range (finished, started with
 * the driver paging state to go on from, or not started). Stored as {@code checkpoint.json} (see
 * {@link ResumableExport}). Immutable.
 *
 * @param keyspace the table's keyspace
 * @param table the table
 * @param columns the exported columns, in file order
 * @param where the WHERE text of the COPY, or {@code null}
 * @param options the output options that shape the file (FORMAT, COMPRESSION, ...), upper-case
 *     names
 * @param part the part file's name inside the checkpoint directory
 * @param rows rows in the part file
 * @param ranges every token range of the export, in token order
 */
public record ExportCheckpoint(
    String keyspace,
    String table,
    List<String> columns,
    String where,
    Map<String, String> options,
    String part,
    long rows,
    List<RangeState> ranges) {

  /** Format version of checkpoint.json. */
  public static final int VERSION = 1;

  /** Where a token range stands. */
  public enum Status {
    /** Every row of the range is in the part file. */
    DONE,
    /** The rows before {@link RangeState#resume()} are in the part file. */
    STARTED,
    /** None of the range's rows are in the part file. */
    TODO
  }

  /**
   * One token range: rows with {@code start < token <= end}.
   *
   * @param start exclusive lower bound as the token map formats it, or {@code null} (ring start)
   * @param end inclusive upper bound, or {@code null} (ring end)
   * @param status where the range stands
   * @param resume base64 driver paging state to go on from when {@link Status#STARTED}, else {@code
   *     null}
   */
  public record RangeState(String start, String end, Status status, String resume) {}

  /** Copies the lists and map. */
  public ExportCheckpoint {
    columns = List.copyOf(columns);
    options = Map.copyOf(options);
    ranges = List.copyOf(ranges);
  }

  /** Ranges in the given status. */
  public long count(Status status) {
    return ranges.stream().filter(r -> r.status() == status).count();
  }

  /** This checkpoint as JSON text. */
  public String toJson() {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeNumberField("version", VERSION);
      json.writeStringField("keyspace", keyspace);
      json.writeStringField("table", table);
      json.writeArrayFieldStart("columns");
      for (String column : columns) {
        json.writeString(column);
      }
      json.writeEndArray();
      json.writeStringField("where", where);
      json.writeObjectFieldStart("options");
      for (Map.Entry<String, String> option : new TreeMap<>(options).entrySet()) {
        json.writeStringField(option.getKey(), option.getValue());
      }
      json.writeEndObject();
      json.writeStringField("part", part);
      json.writeNumberField("rows", rows);
      json.writeArrayFieldStart("ranges");
      for (RangeState range : ranges) {
        json.writeStartObject();
        json.writeStringField("start", range.start());
        json.writeStringField("end", range.end());
        json.writeStringField("status", range.status().name().toLowerCase(java.util.Locale.ROOT));
        if (range.resume() != null) {
          json.writeStringField("resume", range.resume());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("cannot happen: writing to a string", e);
    }
    return text + "\n";
  }

  /**
   * Reads checkpoint JSON.
   *
   * @param text what {@link #toJson()} wrote
   * @return the checkpoint
   * @throws IOException if the text is not a checkpoint of this version
   */
  public static ExportCheckpoint fromJson(String text) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    List<String> columns = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    List<RangeState> ranges = new ArrayList<>();
    try (JsonParser json = new JsonFactory().createParser(text)) {
      expect(json.nextToken(), JsonToken.START_OBJECT);
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        switch (name) {
          case "columns" -> {
            expect(value, JsonToken.START_ARRAY);
            while (json.nextToken() != JsonToken.END_ARRAY) {
              columns.add(json.getText());
            }
          }
          case "options" -> {
            expect(value, JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
              String key = json.currentName();
              json.nextToken();
              options.put(key, json.getText());
            }
          }
          case "ranges" -> {
            expect(value, JsonToken.START_ARRAY);
            while (json.nextToken() == JsonToken.START_OBJECT) {
              Map<String, String> range = new LinkedHashMap<>();
              while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                range.put(key, json.nextToken() == JsonToken.VALUE_NULL ? null : json.getText());
              }
              ranges.add(
                  new RangeState(
                      range.get("start"),
                      range.get("end"),
                      Status.valueOf(
                          String.valueOf(range.get("status")).toUpperCase(java.util.Locale.ROOT)),
                      range.get("resume")));
            }
          }
          default -> fields.put(name, value == JsonToken.VALUE_NULL ? null : json.getText());
        }
      }
    } catch (IllegalArgumentException | com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException("not a cqlp checkpoint: " + e.getMessage(), e);
    }
    if (!String.valueOf(VERSION).equals(fields.get("version"))) {
      throw new IOException("not a version " + VERSION + " cqlp checkpoint");
    }
    try {
      return new ExportCheckpoint(
          (String) fields.get("keyspace"),
          (String) fields.get("table"),
          columns,
          (String) fields.get("where"),
          options,
          (String) fields.get("part"),
          Long.parseLong(String.valueOf(fields.get("rows"))),
          ranges);
    } catch (NullPointerException | NumberFormatException e) {
      throw new IOException("incomplete cqlp checkpoint", e);
    }
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("not a cqlp checkpoint: expected " + expected + ", found " + actual);
    }
  }
}
