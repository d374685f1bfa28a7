package io.cqlp.session;

import io.cqlp.output.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text of HELP and HELP topic, as cqlsh's {@code do_help}: without a topic the shell commands
 * and the CQL topics, each list in columns under a ruled title (Python's {@code
 * cmd.Cmd.print_topics}, 79 cells); a shell command's topic prints its usage; a CQL topic prints
 * the address of its page in Cassandra's CQL documentation (cqlsh opens a browser there).
 */
final class HelpText {
  private HelpText() {}

  private static final String CQL_DOC =
      "https://cassandra.apache.org/doc/latest/cassandra/developing/cql/";

  private static final Map<String, String> SHELL =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry(
                  "CAPTURE",
                  """
                  CAPTURE                                   show what is being captured
                  CAPTURE OFF                               stop capturing
                  CAPTURE 'file' [FORMAT='PARQUET'|'JSON'|'CSV'|'TEXT']
                  CAPTURE PARQUET|JSON|CSV|TEXT 'path' [WITH PARTITION=... AND COMPRESSION=...
                                                            AND MAX_FILE_SIZE=... AND CHUNKSIZE=...]
                    Appends every later query's result to the file (format from the extension otherwise).
                    Values are written as COPY TO writes that format, with its options (CSV: HEADER on).\
                  """),
              Map.entry("CLEAR", "CLEAR or CLS: clear the terminal screen."),
              Map.entry(
                  "CONSISTENCY",
                  """
                  CONSISTENCY                 show the consistency level (default ONE)
                  CONSISTENCY <level>         set it for later statements: ANY, ONE, TWO, THREE, QUORUM, ALL,
                                              LOCAL_ONE, LOCAL_QUORUM, EACH_QUORUM, SERIAL or LOCAL_SERIAL\
                  """),
              Map.entry(
                  "COPY",
                  """
                  COPY [ks.]table [(col, ...)] TO 'file' | 'dir/' | STDOUT [WITH opt=value [AND ...]] [WHERE ...]
                  COPY (SELECT ...) TO 'file' | 'dir/' [WITH ...]
                  COPY [ks.]table [(col, ...)] FROM 'file' | 'dir/' | 'glob' | STDIN [WITH ...]
                  COPY 'file.parquet' | 'dir/' | 'glob' TO 'file' | 'dir/' | STDOUT [WITH ...] [WHERE col = 'v' AND ...]
                    converts Parquet files with no cluster (also with --no-connect), types kept;
                    COPY TO's file options, PRECISION_LOSS, PARTITION_FILTER, and INCLUDE_METADATA (true:
                    columns, types and the source's footer metadata in <name>.schema.json, an XLSX
                    'metadata' sheet, or the Parquet footer).
                    FORMAT: PARQUET, CSV, JSON or XLSX (default from the extension, else CSV).
                    COPY TO options: COMPRESSION (NONE|SNAPPY|GZIP|ZSTD|LZ4|BROTLI), COMPRESSION_LEVEL,
                      CHUNKSIZE (rows per row group, e.g. 50K; only as typed: a cqlshrc's chunksize is COPY
                      FROM's), PAGESIZE, MAXREQUESTS, PAGETIMEOUT (seconds per page), BEGINTOKEN and ENDTOKEN
                      (only the rows whose token t has BEGINTOKEN < t <= ENDTOKEN, as SELECT token(k) shows),
                      PARTITION ('col,col.month'), MAX_FILE_SIZE ('500MB'), WRITETIME and TTL (true: each
                      cell's write time and TTL too), VERIFY (true: compare the table with the export
                      after it, as VERIFY does), and cqlsh's CSV options.
                    COPY FROM options: MAXREQUESTS, MAXATTEMPTS, SKIPROWS, MAXROWS, MAXBATCHSIZE, CHUNKSIZE,
                      INGESTRATE, MAXPARSEERRORS, MAXINSERTERRORS, ERRFILE, TTL, SKIPCOLS,
                      PARTITION_FILTER ('year=2024,month=01'), WRITETIME and TTL (true: restore them),
                      PRECISION_LOSS (REJECT|TRUNCATE), MINBATCHSIZE (pool partitions of at most n rows by
                      replica), PREPAREDSTATEMENTS (false: literal CQL text), and cqlsh's CSV options.
                    Both directions: NUMPROCESSES (n: n x MAXREQUESTS requests in flight, default 1),
                      REPORTFREQUENCY (seconds between progress lines, e.g. 0.25), RATEFILE (a file that
                      gets cqlsh's 'Processed: ... rows/s' lines), MAXATTEMPTS, CONFIGFILE (read the
                      [copy] sections of that file instead of the cqlshrc's).
                    Parquet writer options (COPY TO and CAPTURE): ROW_GROUP_SIZE (= CHUNKSIZE), ROW_GROUP_BYTES
                      ('64MB'), PAGE_SIZE ('1MB'), DICTIONARY ('false' or 'col:false,col2:true'), BLOOM_FILTER
                      ('col,col2:100000'), STATISTICS (false), WRITER_VERSION (PARQUET_1_0|PARQUET_2_0),
                      METADATA ('{"key": "value"}').
                    Paths may be objects in S3 or an S3-compatible store: 's3://bucket/key', 's3://bucket/dir/';
                      settings from the environment (AWS_ENDPOINT_URL, AWS_REGION, AWS_PROFILE, the AWS
                      credentials) or WITH S3_ENDPOINT, S3_REGION, AWS_PROFILE, S3_PATH_STYLE.\
                  """),
              Map.entry(
                  "DESCRIBE",
                  """
                  DESCRIBE (or DESC), answered by Cassandra 4.0 and later:
                    KEYSPACES | KEYSPACE [ks] | TABLES | TABLE [ks.]t | TYPES | TYPE [ks.]t
                    FUNCTIONS | FUNCTION [ks.]f | AGGREGATES | AGGREGATE [ks.]a | INDEX i
                    MATERIALIZED VIEW v | SCHEMA | FULL SCHEMA | CLUSTER | <name>
                  Lists print the names; the other forms print CQL that recreates the objects.\
                  """),
              Map.entry("EXIT", "EXIT or QUIT: leave the shell."),
              Map.entry(
                  "EXPAND",
                  "EXPAND [ON|OFF]: show, enable or disable vertical (@ Row N) output of rows."),
              Map.entry(
                  "HELP",
                  "HELP [topic ...] or ? [topic ...]: list the topics, or show help on each"
                      + " topic."),
              Map.entry(
                  "HISTORY",
                  "HISTORY [n]: print the last lines typed at the prompt (50, or n from now on)."),
              Map.entry(
                  "LOGIN",
                  "LOGIN user ['password']: reconnect as that user; the password is asked without"
                      + " echo when left out."),
              Map.entry(
                  "PAGING",
                  """
                  PAGING                  show whether results are shown a page at a time at the prompt
                  PAGING ON | OFF         enable or disable it (---MORE--- between pages; Enter for the next)
                  PAGING <n>              enable it with n rows a page (default 100)\
                  """),
              Map.entry(
                  "SERIAL",
                  """
                  SERIAL CONSISTENCY             show the serial consistency level (default SERIAL)
                  SERIAL CONSISTENCY <level>     set it for conditional updates: SERIAL or LOCAL_SERIAL\
                  """),
              Map.entry(
                  "SHOW",
                  """
                  SHOW VERSION            the versions of cqlp, Cassandra, the CQL spec and the native protocol
                  SHOW HOST               the cluster and the host and port connected to
                  SHOW SESSION <uuid>     print the events of that tracing session
                  SHOW UPLOADS 's3://b/prefix'    the multipart uploads left pending below a prefix
                  ABORT UPLOADS 's3://b/prefix'   abort them (a killed export's leftovers)\
                  """),
              Map.entry(
                  "SOURCE",
                  "SOURCE 'file.cql': run the statements of a file; errors do not stop it."),
              Map.entry(
                  "TRACING",
                  "TRACING [ON|OFF]: show, enable or disable tracing; each statement is then"
                      + " followed by its trace."),
              Map.entry(
                  "UNICODE",
                  "Text is shown as UTF-8; wide characters take two cells when columns are"
                      + " aligned."),
              Map.entry("USE", "USE keyspace: make it the current keyspace."),
              Map.entry(
                  "VERIFY",
                  """
                  VERIFY [ks.]table [(col, ...)] AGAINST 'file' | 'dir/' | 'glob' [WITH opt=value [AND ...]]
                    Compares the table with the files row by row by primary key (the files read as COPY FROM
                    reads them, local or s3://) and prints the rows only in the table, only in the files,
                    and those whose values differ, the first few with their keys; exit status 2 if any.
                    Options: FORMAT, PARTITION_FILTER, PRECISION_LOSS, PAGESIZE, MAXREQUESTS, MAXATTEMPTS,
                      cqlsh's CSV options, and the S3 settings of COPY.\
                  """)));

  private static final Map<String, String> ALIASES =
      Map.of("CLS", "CLEAR", "QUIT", "EXIT", "DESC", "DESCRIBE", "?", "HELP");

  /** cqlsh's CQL topics and the page (with anchor) of each in the CQL documentation. */
  private static final Map<String, String> CQL = new TreeMap<>();

  static {
    for (String t :
        List.of(
            "ALTER_KEYSPACE",
            "ALTER_TABLE",
            "CREATE_KEYSPACE",
            "CREATE_TABLE",
            "CREATE_COLUMNFAMILY",
            "DROP_KEYSPACE",
            "DROP_TABLE",
            "DROP_COLUMNFAMILY",
            "TRUNCATE",
            "USE")) {
      CQL.put(t, "ddl.html");
    }
    for (String t : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "BATCH", "BEGIN", "APPLY")) {
      CQL.put(t, "dml.html");
    }
    for (String t :
        List.of(
            "ASCII",
            "BLOB",
            "BOOLEAN",
            "COUNTER",
            "DATE",
            "INT",
            "TEXT",
            "TIME",
            "TIMESTAMP",
            "UUID",
            "TYPES",
            "CREATE_TYPE",
            "ALTER_TYPE",
            "DROP_TYPE")) {
      CQL.put(t, "types.html");
    }
    for (String t :
        List.of(
            "CREATE_ROLE",
            "DROP_ROLE",
            "LIST_ROLES",
            "CREATE_USER",
            "ALTER_USER",
            "DROP_USER",
            "LIST_USERS",
            "GRANT",
            "REVOKE",
            "LIST_PERMISSIONS",
            "PERMISSIONS")) {
      CQL.put(t, "security.html");
    }
    for (String t :
        List.of(
            "FUNCTIONS",
            "CREATE_FUNCTION",
            "DROP_FUNCTION",
            "AGGREGATES",
            "CREATE_AGGREGATE",
            "DROP_AGGREGATE")) {
      CQL.put(t, "functions.html");
    }
    CQL.put("CREATE_INDEX", "indexes.html");
    CQL.put("DROP_INDEX", "indexes.html");
    CQL.put("CREATE_MATERIALIZED_VIEW", "mvs.html");
    CQL.put("ALTER_MATERIALIZED_VIEW", "mvs.html");
    CQL.put("DROP_MATERIALIZED_VIEW", "mvs.html");
    CQL.put("CREATE_TRIGGER", "triggers.html");
    CQL.put("DROP_TRIGGER", "triggers.html");
    CQL.put("JSON", "json.html");
    CQL.put("KEYWORDS", "appendices.html");
  }

  /** The topic index: shell commands, then CQL topics, as cqlsh prints it. */
  static String index() {
    List<String> shell = new ArrayList<>(SHELL.keySet());
    shell.addAll(List.of("CLS", "DESC"));
    shell.sort(null);
    StringBuilder out = new StringBuilder();
    topics(out, "\nDocumented shell commands:", shell);
    topics(out, "CQL help topics:", new ArrayList<>(CQL.keySet()));
    return out.toString();
  }

  private static void topics(StringBuilder out, String title, List<String> names) {
    out.append(title).append('\n').append("=".repeat(title.length())).append('\n');
    Columns.layout(names, 79).forEach(line -> out.append(line).append('\n'));
    out.append('\n');
  }

  /**
   * @param topic a topic as typed, any case
   * @return its text (for a CQL topic the documentation's address), or {@code null} when there is
   *     no such topic
   */
  static String topic(String topic) {
    String key = topic.toUpperCase(Locale.ROOT);
    key = ALIASES.getOrDefault(key, key);
    if (SHELL.containsKey(key)) {
      return SHELL.get(key);
    }
    String page = CQL.get(key);
    return page == null
        ? null
        : "CQL help topic "
            + key
            + ": "
            + CQL_DOC
            + page
            + "#"
            + key.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
