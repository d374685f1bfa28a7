package io.cqlp.transfer;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.command.CopyFrom;
import io.cqlp.command.Options;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.SourceFactory;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.transfer.load.ErrorFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A COPY FROM, planned: its typed settings, the table's schema as the import reads it, where the
 * rows come from and where rejected rows go. {@link #of} checks the options, looks the table up and
 * resolves the input before anything is written or sent; {@link CopyFromWorkflow} executes the
 * plan.
 *
 * @param command the parsed statement
 * @param settings its WITH options, typed
 * @param schema the table's selected columns, with a {@code writetime(c)} and {@code ttl(c)} column
 *     for each regular and static one when the input may hold them ({@link CellTimes})
 * @param input the file or dataset read, or null for STDIN
 * @param file where the rows come from, for messages: the input's location, or {@code STDIN}
 * @param detectTimes whether the input's time columns are looked for by name (no WRITETIME=true or
 *     TTL=true, but the format can hold them)
 * @param errFile where rejected rows go (ERRFILE, or cqlsh's default name)
 */
public record ImportPlan(
    CopyFrom command,
    ImportSettings settings,
    TableSchema schema,
    FileSources input,
    Location file,
    boolean detectTimes,
    Location errFile) {

  /**
   * Plans an import: checks every option, looks up the table and its columns, and resolves the
   * input (reading a CSV file's header when it may name time columns).
   *
   * @param command the parsed COPY FROM, its options already checked to be COPY FROM's
   * @param session the session whose metadata describes the table
   * @param stdinAvailable whether this shell has a standard input to read COPY FROM STDIN from
   * @return the plan
   * @throws TransferException for a bad option value, an unknown keyspace, table or column, a
   *     missing input file, or STDIN where there is none
   */
  public static ImportPlan of(CopyFrom command, CqlSession session, boolean stdinAvailable) {
    Options options = command.options();
    ImportSettings settings = ImportSettings.of(options);
    if (command.stdin() && !stdinAvailable) {
      throw new TransferException("COPY FROM STDIN has no standard input here.");
    }
    TableSchema table =
        TableLookup.resolve(
            session, command.table().keyspace(), command.table().table(), command.columns());
    FileSources input = command.stdin() ? null : FileSources.of(command.source(), options);
    Location file = command.stdin() ? Location.local(Path.of("STDIN")) : input.location();
    // Time columns are looked for by name unless forced: so that they are applied, or with
    // WRITETIME=false knowingly left out.
    boolean detect =
        !settings.timesForced()
            && CellTimes.mayHoldTimes(command.stdin() ? "STDIN" : command.source(), input, options);
    TableSchema schema =
        settings.timesForced() || detect
            ? table.withColumns(CellTimes.importColumns(table.columns()))
            : table;
    Location errFile =
        TargetLocations.resolve(
            options.getString(
                "ERRFILE", ErrorFile.defaultPath(schema.keyspace(), schema.table()).toString()),
            options);
    return new ImportPlan(command, settings, schema, input, file, detect, errFile);
  }

  /**
   * This plan for one task of a distributed import: some of the input's files, and an ERRFILE of
   * the task's own.
   *
   * @param files the files to read (of {@link FileSources#files})
   * @param taskErrFile where the task's rejected rows go
   * @return the task's plan
   */
  public ImportPlan part(java.util.Collection<String> files, Location taskErrFile) {
    return new ImportPlan(
        command, settings, schema, input.only(files), file, detectTimes, taskErrFile);
  }

  /**
   * Opens the rows, converted to {@link #schema()}'s columns.
   *
   * @param sources opens each file by its format
   * @param stdin opens STDIN's text (COPY FROM STDIN only; checked by {@link #of})
   * @return an open source; the caller closes it
   * @throws IOException when a file cannot be read
   * @throws TransferException for a file whose columns cannot convert to the table's
   */
  RowSource open(SourceFactory sources, Supplier<Reader> stdin) throws IOException {
    Options options = command.options();
    return command.stdin()
        ? sources.openStdin(stdin.get(), schema, options)
        : input.open(schema, !command.columns().isEmpty(), options, sources);
  }

  /**
   * Whether the rows of {@code source} carry write times and TTLs to apply: forced by
   * WRITETIME=true or TTL=true (then the input must have time columns), or found by name unless
   * WRITETIME=false.
   *
   * @throws TransferException when they are forced and the input has no time column
   */
  boolean appliesTimes(RowSource source) {
    boolean found = source.columns().stream().anyMatch(CellTimes::isTimeColumn);
    if (settings.timesForced() && !found) {
      throw new TransferException(
          "WRITETIME=true, but "
              + file
              + " has no writetime(c) or ttl(c) column;"
              + " export with WITH WRITETIME=true AND TTL=true, or drop the option.");
    }
    return settings.timesForced() || (detectTimes && !settings.timesRefused() && found);
  }

  /** Bytes read from the input: the source's count, else the file's size (0 for STDIN). */
  long bytesRead(RowSource source) throws IOException {
    return source.bytesRead() >= 0 ? source.bytesRead() : command.stdin() ? 0 : file.size();
  }
}
