package io.cqlp.session;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text of HELP and HELP topic. */
final class HelpText {
  private HelpText() {}

  private static final Map<String, String> TOPICS =
      Map.of(
          "COPY",
          "COPY [ks.]table [(col, ...)] TO 'file.parquet' | 'dir/' [WITH opt=value [AND ...]] [WHERE ...]\n"
              + "COPY (SELECT ...) TO 'file.parquet' | 'dir/' [WITH ...]\n"
              + "COPY [ks.]table [(col, ...)] FROM 'file.parquet' | 'dir/' | 'dir/*.parquet' [WITH ...]\n"
              + "  COPY TO options: FORMAT, COMPRESSION (NONE|SNAPPY|GZIP|ZSTD|LZ4), COMPRESSION_LEVEL,\n"
              + "                   CHUNKSIZE (rows per row group, e.g. 50K), PAGESIZE, MAXREQUESTS,\n"
              + "                   PARTITION ('col,col.month'), MAX_FILE_SIZE ('500MB'), MAX_OPEN_FILES,\n"
              + "                   OVERWRITE, APPEND\n"
              + "  COPY FROM options: FORMAT, MAXREQUESTS, MAXATTEMPTS, SKIPROWS, MAXROWS, MAXBATCHSIZE,\n"
              + "                     CHUNKSIZE, PARTITION_FILTER ('year=2024,month=01'), MAXPARSEERRORS,\n"
              + "                     MAXINSERTERRORS, ERRFILE (rows not imported; import it to resume)",
          "CONSISTENCY", "CONSISTENCY [level]: show or set the consistency level of later statements.",
          "PAGING", "PAGING [ON|OFF|n]: show or set result paging at the prompt.",
          "EXPAND", "EXPAND [ON|OFF]: vertical display of result rows.",
          "SOURCE", "SOURCE 'file.cql': run the statements of a file.",
          "USE", "USE keyspace: make it the current keyspace.",
          "EXIT", "EXIT or QUIT: leave the shell.");

  static String text(List<String> topics) {
    if (topics.isEmpty()) {
      return "\nDocumented shell commands:\n===========================\n"
          + "CONSISTENCY  COPY  EXIT  EXPAND  HELP  PAGING  QUIT  SERIAL  SOURCE  TRACING  USE\n\n"
          + "Any other statement is sent to Cassandra as CQL. HELP <topic> for one command.\n";
    }
    StringBuilder out = new StringBuilder();
    for (String topic : topics) {
      String key = topic.toUpperCase(Locale.ROOT);
      out.append(TOPICS.getOrDefault(key.equals("QUIT") ? "EXIT" : key, "No help on '" + topic + "'."))
          .append('\n');
    }
    return out.toString();
  }
}
