package io.cqlp.transfer.verify;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.command.CopyTo;
import io.cqlp.command.Options;
import io.cqlp.command.TableRef;
import io.cqlp.command.Verify;
import io.cqlp.format.FileFormat;
import io.cqlp.format.Formats;
import io.cqlp.rows.ConversionException;
import io.cqlp.rows.RowSink;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.SourceFactory;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.transfer.CellTimes;
import io.cqlp.transfer.CopyToWorkflow;
import io.cqlp.transfer.FileSources;
import io.cqlp.transfer.IoErrors;
import io.cqlp.transfer.TableLookup;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * VERIFY: compares a table with a file, dataset or glob row by row by primary key, in bounded
 * memory, and reports the rows only in the table, only in the files, and the rows whose values
 * differ ({@link VerifyReport}).
 *
 * <p>Data flow: the files are read as COPY FROM reads them (the same conversions to the table's
 * types, {@link FileSources}), each row reduced to its key and one hash per column ({@link
 * RowFingerprint}) and spilled to {@value #TOP_BITS}-bit buckets on local disk by its key's hash
 * ({@link Spill}); the table is scanned as COPY TO scans it (token ranges in parallel, retries) and
 * spilled alike; then each pair of buckets is compared in memory ({@link BucketComparer}). A bucket
 * of more than {@link #BUCKET_ROWS} file rows is split again by further hash bits first, so memory
 * stays near {@code BUCKET_ROWS} fingerprints whatever the table's size; the disk holds about 30
 * bytes plus the key's text plus 8 bytes per column for each row of each side, in the system's
 * temporary directory, deleted at the end.
 *
 * <p>Compared: the table's primary key and the columns the files hold ({@code writetime(c)} and
 * {@code ttl(c)} columns are read and ignored); the table's other columns are listed as not
 * compared. Values compare as CQL values (see {@link RowFingerprint}): a set written in another
 * order, or an empty list for NULL, is equal.
 */
public final class VerifyWorkflow {
  /**
   * Options VERIFY accepts: how COPY FROM reads files (WRITETIME=true: a CSV without a header holds
   * time columns after the table's), and how COPY TO scans the table.
   */
  public static final Set<String> OPTIONS = readOptions();

  private static Set<String> readOptions() {
    Set<String> loadOnly =
        Set.of(
            "ERRFILE",
            "INGESTRATE",
            "MAXINSERTERRORS",
            "MAXPARSEERRORS",
            "MINBATCHSIZE",
            "MAXBATCHSIZE",
            "PREPAREDSTATEMENTS",
            "TTL",
            "CHUNKSIZE",
            "MAXROWS",
            "SKIPROWS");
    Set<String> all =
        new java.util.TreeSet<>(
            Options.union(
                Options.union(
                    Set.of(
                        "FORMAT",
                        "PARTITION_FILTER",
                        "IGNORE_UNKNOWN_KEYS",
                        io.cqlp.format.PrecisionLoss.OPTION,
                        "PAGESIZE",
                        "MAXREQUESTS",
                        "MAXATTEMPTS",
                        CellTimes.WRITETIME),
                    io.cqlp.storage.s3.S3Settings.OPTIONS),
                io.cqlp.format.csv.CsvOptions.COPY_FROM));
    all.removeAll(loadOnly);
    return Set.copyOf(all);
  }

  private static final Set<String> SCAN_OPTIONS = Set.of("PAGESIZE", "MAXREQUESTS", "MAXATTEMPTS");

  /** Key-hash bits of the first spill: 64 buckets. */
  static final int TOP_BITS = 6;

  /** File rows of a bucket compared in memory at most, unless the hash bits run out. */
  static final long BUCKET_ROWS = 250_000;

  private final CqlSession session;
  private final ConsistencyLevel consistency;
  private final SourceFactory sources;

  /**
   * @param session the session to scan the table with
   * @param consistency consistency level of the scan (the shell's CONSISTENCY)
   * @param sources opens the files by their format, as COPY FROM does
   */
  public VerifyWorkflow(CqlSession session, ConsistencyLevel consistency, SourceFactory sources) {
    this.session = session;
    this.consistency = consistency;
    this.sources = sources;
  }

  /**
   * The VERIFY that {@code COPY ... TO ... WITH VERIFY=true} runs after the export: the same table,
   * columns, WHERE and target, read with the export's format options.
   *
   * @return the comparison to run, or null without VERIFY=true
   * @throws TransferException for an export that cannot be read back: a query, STDOUT, or XLSX
   */
  public static Verify afterExport(CopyTo copy) {
    if (!copy.options().getBoolean("VERIFY", false)) {
      return null;
    }
    if (copy.isQuery() || copy.stdout()) {
      throw new TransferException(
          "VERIFY=true compares a table with its export file; COPY (SELECT ...) TO and"
              + " COPY TO STDOUT cannot be verified.");
    }
    if (copy.options().contains("BEGINTOKEN") || copy.options().contains("ENDTOKEN")) {
      throw new TransferException(
          "VERIFY=true compares the whole table with the export, and BEGINTOKEN or ENDTOKEN"
              + " export part of it; drop VERIFY, or the bounds.");
    }
    FileFormat format = Formats.format(copy.options(), copy.target());
    if (format == FileFormat.XLSX) {
      throw new TransferException(
          "VERIFY=true reads the export back, and cqlp does not read XLSX;"
              + " export to Parquet, CSV or JSON to verify it.");
    }
    Options.Builder read = Options.builder();
    copy.options()
        .asMap()
        .forEach(
            (k, v) -> {
              if (OPTIONS.contains(k)) {
                read.add(k, v);
              }
            });
    return new Verify(copy.table(), copy.columns(), copy.target(), read.build(), copy.where());
  }

  /**
   * Runs the comparison.
   *
   * @param command the parsed VERIFY
   * @return what was found; {@link VerifyReport#equal()} tells whether the two sides hold the same
   * @throws TransferException for an unknown table, column or option, a missing or unreadable file,
   *     a file without the table's key columns, a value that does not convert to its column's type,
   *     or a failed scan
   * @throws InterruptedException if the shell thread is interrupted (Ctrl-C)
   */
  public VerifyReport run(Verify command) throws InterruptedException {
    long started = System.nanoTime();
    Options options = command.options();
    options.requireKnown(OPTIONS, "VERIFY");
    // A Parquet or JSON file is read against the whole table (it may hold more columns than are
    // named), and the named columns, or else all that the files hold, are compared. A CSV file's
    // fields are the named columns by position, as COPY FROM reads them.
    boolean positional = !command.columns().isEmpty() && isCsv(command.path(), options);
    TableSchema table =
        TableLookup.resolve(
            session,
            command.table().keyspace(),
            command.table().table(),
            positional ? command.columns() : List.of());
    List<String> named =
        command.columns().isEmpty()
            ? null
            : TableLookup.resolve(
                    session, command.table().keyspace(), command.table().table(), command.columns())
                .columns()
                .stream()
                .map(ColumnSpec::name)
                .toList();
    FileSources input = FileSources.of(command.path(), options);
    boolean times =
        CellTimes.requested(options) || CellTimes.mayHoldTimes(command.path(), input, options);
    TableSchema read = !times ? table : table.withColumns(CellTimes.importColumns(table.columns()));
    Path dir = null;
    try {
      dir = Files.createTempDirectory("cqlp-verify");
      VerifyReport report;
      Spill files;
      RowFingerprint fingerprint;
      try (RowSource source = input.open(read, positional, options, sources)) {
        List<ColumnSpec> fileColumns = source.columns();
        FileSources.requireKeyColumns(table, fileColumns, input.location());
        List<String> present = fileColumns.stream().map(ColumnSpec::name).toList();
        List<ColumnSpec> keys = table.columns().stream().filter(VerifyWorkflow::isKey).toList();
        List<ColumnSpec> cells =
            table.columns().stream()
                .filter(
                    c ->
                        !isKey(c)
                            && present.contains(c.name())
                            && (named == null || named.contains(c.name())))
                .toList();
        List<String> notCompared =
            table.columns().stream()
                .filter(
                    c ->
                        !isKey(c)
                            && !present.contains(c.name())
                            && (named == null || named.contains(c.name())))
                .map(ColumnSpec::name)
                .toList();
        List<String> compared =
            Stream.concat(keys.stream(), cells.stream()).map(ColumnSpec::name).toList();
        report =
            new VerifyReport(
                table.keyspace() + "." + table.table(), command.path(), compared, notCompared);
        int[] from = compared.stream().mapToInt(present::indexOf).toArray();
        fingerprint =
            new RowFingerprint(
                keys,
                cells,
                session.getContext().getCodecRegistry(),
                session.getContext().getProtocolVersion());
        files = new Spill(dir, "files", TOP_BITS, 0, cells.size());
        try (files) {
          Object[] row;
          Object[] ordered = new Object[from.length];
          while ((row = next(source)) != null) {
            for (int i = 0; i < from.length; i++) {
              ordered[i] = row[from[i]];
            }
            files.add(entry(fingerprint, ordered));
            report.fileRows++;
            if (Thread.interrupted()) {
              throw new InterruptedException();
            }
          }
        }
      }
      Spill rows = scanTable(command, report, fingerprint, dir);
      new BucketComparer(dir, fingerprint.cells(), BUCKET_ROWS, report).compareAll(files, rows);
      report.elapsed(Duration.ofNanos(System.nanoTime() - started));
      return report;
    } catch (IOException | UncheckedIOException e) {
      IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      throw new TransferException(
          "VERIFY could not "
              + (io.getMessage() == null
                  ? "read or spill rows: " + IoErrors.describe(io)
                  : io.getMessage())
              + ".",
          e);
    } finally {
      delete(dir);
    }
  }

  private static boolean isCsv(String path, Options options) {
    return Formats.format(options, path) == FileFormat.CSV;
  }

  private static boolean isKey(ColumnSpec c) {
    return c.kind() == ColumnKind.PARTITION_KEY || c.kind() == ColumnKind.CLUSTERING;
  }

  private static Object[] next(RowSource source) throws IOException {
    try {
      return source.next();
    } catch (ConversionException e) {
      throw new TransferException(e.getMessage(), e);
    }
  }

  private static Spill.Entry entry(RowFingerprint fingerprint, Object[] row) {
    String key = fingerprint.key(row);
    return new Spill.Entry(fingerprint.keyHash(key), key, fingerprint.hashes(row));
  }

  /** Scans the compared columns of the table as COPY TO does, into a spill of its own. */
  private Spill scanTable(Verify command, VerifyReport report, RowFingerprint fingerprint, Path dir)
      throws IOException, InterruptedException {
    Spill rows = new Spill(dir, "table", TOP_BITS, 0, fingerprint.cells().size());
    Options.Builder scanOptions = Options.builder();
    command
        .options()
        .asMap()
        .forEach(
            (k, v) -> {
              if (SCAN_OPTIONS.contains(k)) {
                scanOptions.add(k, v);
              }
            });
    TableRef ref = command.table();
    CopyTo scan =
        new CopyTo(
            ref,
            report.compared(),
            dir.resolve("table.rows").toString(),
            false,
            scanOptions.build(),
            command.where(),
            null);
    try (rows) {
      new CopyToWorkflow(
              session, consistency, (target, schema, options) -> new SpillSink(rows, fingerprint))
          .run(scan);
    }
    return rows;
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Left in the temporary directory; nothing else depends on it.
    }
  }

  /** The table side: each scanned row's fingerprint into the spill. */
  private static final class SpillSink implements RowSink {
    private final Spill spill;
    private final RowFingerprint fingerprint;
    private long rows;

    SpillSink(Spill spill, RowFingerprint fingerprint) {
      this.spill = spill;
      this.fingerprint = fingerprint;
    }

    @Override
    public void write(Object[] row) throws IOException {
      spill.add(entry(fingerprint, row));
      rows++;
    }

    @Override
    public void commit() {}

    @Override
    public void abort() {}

    @Override
    public long rowsWritten() {
      return rows;
    }

    @Override
    public void close() {}
  }
}
