package io.cqlp.transfer;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.cqlp.command.CopyTo;
import io.cqlp.command.Options;
import io.cqlp.format.FileFormat;
import io.cqlp.format.Formats;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.transfer.plan.ScanRange;
import io.cqlp.transfer.plan.TokenBounds;
import io.cqlp.transfer.plan.TokenRangePlanner;
import io.cqlp.transfer.scan.ScanStatements;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A COPY TO, planned: its typed scan settings, the schema of the rows written, the scan statements
 * and token ranges, and the target. {@link #of} checks the options, looks the table up, plans the
 * token ranges and prepares the first statement (so a bad WHERE fails) before the target is
 * touched; {@link CopyToWorkflow} executes the plan.
 *
 * @param command the parsed statement
 * @param settings its scan options, typed
 * @param schema the columns of the rows written: the table's selected columns (with {@code
 *     writetime(c)} and {@code ttl(c)} columns under WRITETIME/TTL), or the query's result columns
 * @param statement the statement that scans a range
 * @param ranges the token ranges, in token order; one whole-ring range for a query
 * @param timesOf the table's columns when the scan selects their write times and TTLs (rows then go
 *     through {@link CellTimes#collapse}), else null
 * @param target where the rows go, {@code STDOUT} for standard output
 * @param dataset whether the target is a dataset directory (PARTITION, MAX_FILE_SIZE, a trailing
 *     {@code /} or an existing directory)
 * @param resumable whether the export goes through a checkpoint that RESUME can go on from (a
 *     table's export to one local Parquet file)
 */
public record ExportPlan(
    CopyTo command,
    ExportSettings settings,
    TableSchema schema,
    Function<ScanRange, BoundStatement> statement,
    List<ScanRange> ranges,
    List<ColumnSpec> timesOf,
    Location target,
    boolean dataset,
    boolean resumable) {

  /**
   * Plans an export.
   *
   * @param command the parsed COPY TO, its options already checked to be COPY TO's
   * @param session the session whose metadata describes the table and its ring
   * @param stdoutAvailable whether this shell has a standard output for COPY TO STDOUT
   * @param canResume whether part files can be read back, as RESUME needs
   * @return the plan
   * @throws TransferException for a bad option value, an unknown keyspace, table or column, a WHERE
   *     or query the server refuses, APPEND without a dataset, or RESUME where the export cannot be
   *     resumed
   */
  public static ExportPlan of(
      CopyTo command, CqlSession session, boolean stdoutAvailable, boolean canResume) {
    Options options = command.options();
    ExportSettings settings =
        ExportSettings.of(
            options,
            session
                .getContext()
                .getConfig()
                .getDefaultProfile()
                .getDuration(DefaultDriverOption.REQUEST_TIMEOUT, null));
    ExportPlan scan =
        command.selectQuery() != null
            ? forSelect(command, session, settings)
            : forTable(command, session, settings);
    if (command.stdout() && !stdoutAvailable) {
      throw new TransferException("COPY TO STDOUT has no standard output here.");
    }
    Location target =
        command.stdout()
            ? Location.local(Path.of("STDOUT"))
            : TargetLocations.resolve(command.target(), options);
    boolean dataset =
        !command.stdout() && TargetLocations.isDataset(target, command.target(), options);
    if (!dataset && settings.append()) {
      throw new TransferException(
          "APPEND adds files to a dataset directory; end the target with '/' (e.g. '"
              + target
              + "/').");
    }
    return new ExportPlan(
        command,
        settings,
        scan.schema,
        scan.statement,
        scan.ranges,
        scan.timesOf,
        target,
        dataset,
        resumable(command, settings, target, dataset, canResume));
  }

  /** The columns the scan returns. */
  List<ColumnSpec> scanColumns() {
    return timesOf == null ? schema.columns() : CellTimes.scanColumns(timesOf);
  }

  /**
   * Whether a single-file Parquet export of a table goes through a checkpoint directory, so that a
   * failed or interrupted export can be resumed (RESUME=true); datasets, queries, STDOUT, object
   * stores and the text formats cannot (a CSV file may be split by MAXOUTPUTSIZE, and XLSX is not
   * read back).
   *
   * @throws TransferException when RESUME=true asks for what cannot be resumed
   */
  private static boolean resumable(
      CopyTo command,
      ExportSettings settings,
      Location target,
      boolean dataset,
      boolean canResume) {
    if (!command.stdout() && !target.isLocal()) {
      if (settings.resume()) {
        throw new TransferException(
            "RESUME works for a local Parquet file; an export to "
                + target
                + " is whole or nothing: run it again.");
      }
      return false;
    }
    if (dataset || command.isQuery() || command.stdout() || !canResume || !parquet(command)) {
      if (settings.resume()) {
        throw new TransferException(
            "RESUME works for a COPY TO of a table into one Parquet file;"
                + " this export cannot be resumed.");
      }
      return false;
    }
    return true;
  }

  private static boolean parquet(CopyTo command) {
    try {
      return Formats.format(command.options(), command.target()) == FileFormat.PARQUET;
    } catch (TransferException e) { // refused with its own line when the sink is opened
      return false;
    }
  }

  /** The scan of a table's token ranges: the schema, statements and ranges only. */
  private static ExportPlan forTable(CopyTo command, CqlSession session, ExportSettings settings) {
    TableSchema table =
        TableLookup.resolve(
            session, command.table().keyspace(), command.table().table(), command.columns());
    boolean times = CellTimes.requested(command.options());
    ScanStatements statements =
        new ScanStatements(
            session,
            table,
            times ? CellTimes.selectList(table.columns()) : table.columnList(),
            command.where());
    List<ScanRange> ranges =
        TokenRangePlanner.scanRanges(
            session.getMetadata().getTokenMap(),
            table.keyspace(),
            settings.requestsInFlight(),
            TokenBounds.of(command.options(), session.getMetadata().getTokenMap()));
    // Prepared up front, so a bad WHERE fails before the target file is created.
    statements.bind(ranges.get(0));
    return new ExportPlan(
        command,
        settings,
        times ? table.withColumns(CellTimes.exportColumns(table.columns())) : table,
        statements::bind,
        ranges,
        times ? table.columns() : null,
        null,
        false,
        false);
  }

  /** The run of the user's SELECT: its result columns and one whole-ring "range". */
  private static ExportPlan forSelect(CopyTo command, CqlSession session, ExportSettings settings) {
    if (CellTimes.requested(command.options())) {
      throw new TransferException(
          "WRITETIME and TTL apply to a table's export; in COPY (SELECT ...) TO,"
              + " select WRITETIME(c) and TTL(c) in the query.");
    }
    if (!TokenBounds.of(command.options(), session.getMetadata().getTokenMap()).isAll()) {
      throw new TransferException(
          "BEGINTOKEN and ENDTOKEN bound a table's token ranges; in COPY (SELECT ...) TO,"
              + " put token(...) > ... AND token(...) <= ... in the query.");
    }
    PreparedStatement query = session.prepare(command.selectQuery());
    List<ColumnSpec> columns = new ArrayList<>();
    String keyspace = "";
    String table = "";
    for (ColumnDefinition column : query.getResultSetDefinitions()) {
      columns.add(
          new ColumnSpec(column.getName().asInternal(), column.getType(), ColumnKind.REGULAR));
      keyspace = column.getKeyspace().asInternal();
      table = column.getTable().asInternal();
    }
    if (columns.isEmpty()) {
      throw new TransferException("COPY (query) TO needs a SELECT that returns columns.");
    }
    return new ExportPlan(
        command,
        settings,
        new TableSchema(keyspace, table, List.copyOf(columns), List.of()),
        r -> query.bind(),
        List.of(ScanRange.all()),
        null,
        null,
        false,
        false);
  }
}
