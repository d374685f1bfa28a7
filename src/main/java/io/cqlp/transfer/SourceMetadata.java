package io.cqlp.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cqlp.format.xlsx.XlsxWriter;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code COPY 'source' TO ... WITH INCLUDE_METADATA=true} writes beside the rows: the source,
 * its columns with their CQL and Parquet types, and the source footer's key-value metadata.
 *
 * <p>As JSON (the sidecar {@code <name>.schema.json} of a CSV or JSON target): {@code
 * {"source":"in.parquet","columns":[{"name":"id","cql_type":"bigint","parquet_type":"INT64"},
 * ...],"key_value_metadata":{"cqlp.schema":"...", ...}}}. As rows of text (the {@code metadata}
 * sheet of an XLSX target): a header {@code column, cql_type, parquet_type}, one row per column, an
 * empty row, then {@code key, value} and one row per metadata entry.
 */
public final class SourceMetadata {
  /** The name of the XLSX sheet. */
  public static final String SHEET = "metadata";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SourceMetadata() {}

  /** The JSON document of a source; see the class comment. */
  public static String json(FileSource source) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("source", source.typed());
    ArrayNode columns = root.putArray("columns");
    for (int i = 0; i < source.schema().columns().size(); i++) {
      ColumnSpec c = source.schema().columns().get(i);
      columns
          .addObject()
          .put("name", c.name())
          .put("cql_type", c.type().asCql(true, true))
          .put("parquet_type", source.parquetTypes().get(i));
    }
    ObjectNode kv = root.putObject("key_value_metadata");
    source.keyValues().forEach(kv::put);
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the metadata document", e);
    }
  }

  /**
   * The rows of the metadata sheet; see the class comment. A value longer than an Excel cell holds
   * ({@link XlsxWriter#MAX_CELL_CHARS}) is cut, with {@code ... (cut: N characters)} at its end
   * (Arrow's base64 schema can be that long).
   */
  public static List<List<String>> rows(FileSource source) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("column", "cql_type", "parquet_type"));
    for (int i = 0; i < source.schema().columns().size(); i++) {
      ColumnSpec c = source.schema().columns().get(i);
      rows.add(List.of(c.name(), c.type().asCql(true, true), source.parquetTypes().get(i)));
    }
    rows.add(List.of());
    rows.add(List.of("key", "value"));
    source.keyValues().forEach((k, v) -> rows.add(List.of(cell(k), cell(v))));
    return rows;
  }

  private static String cell(String text) {
    if (text.length() <= XlsxWriter.MAX_CELL_CHARS) {
      return text;
    }
    String note = "... (cut: " + text.length() + " characters)";
    return text.substring(0, XlsxWriter.MAX_CELL_CHARS - note.length()) + note;
  }

  /**
   * The footer entries a Parquet target keeps: the source's, but cqlp's own ({@code cqlp.*}, which
   * the writer writes afresh for what it writes) and Arrow's schema ({@code ARROW:schema}, which
   * describes the source's physical types, not the target's, and would mislead Arrow readers).
   */
  public static Map<String, String> footer(FileSource source) {
    Map<String, String> kept = new LinkedHashMap<>();
    source
        .keyValues()
        .forEach(
            (k, v) -> {
              if (!k.startsWith("cqlp.") && !k.equals("ARROW:schema")) {
                kept.put(k, v);
              }
            });
    return kept;
  }

  /**
   * Where the sidecar of a file goes: beside it, named as the file without its extension and
   * compression suffix, plus {@code .schema.json} ({@code x.csv.gz} → {@code x.schema.json}).
   */
  public static Location sidecar(Location target) {
    String name = target.name();
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix :
        List.of(".gz", ".gzip", ".zst", ".zstd", ".bz2", ".xz", ".lz4", ".snappy")) {
      if (lower.endsWith(suffix)) {
        name = name.substring(0, name.length() - suffix.length());
        break;
      }
    }
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return target.isLocal()
        ? Location.local(target.localPath().resolveSibling(base + ".schema.json"))
        : target.parent().resolve(base + ".schema.json");
  }
}
