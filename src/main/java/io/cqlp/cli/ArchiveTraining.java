package io.cqlp.cli;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.command.CommandParser;
import io.cqlp.command.CopyFileTo;
import io.cqlp.format.Formats;
import io.cqlp.transfer.FileCopyWorkflow;
import io.cqlp.transfer.dataset.StagedDirectory;
import io.cqlp.types.CqlLiteral;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The extra work of the run that records the classes of bin/cqlp's class data sharing archive (JDK
 * 17's static AppCDS archive, JDK 25's AOT cache): converts a small bundled Parquet file (200 rows,
 * every CQL type family, {@code archive-training.parquet}) to Parquet SNAPPY and ZSTD, CSV, JSON
 * and a Hive-style dataset, through the readers and writers COPY uses, so that the archive also
 * holds the classes of COPY's file side whatever statement the recording run ran.
 *
 * <p>Without it an archive recorded by a one-shot SELECT held none of the Parquet reader's and
 * writer's classes, and every COPY loaded and verified about 1,500 classes from the jars: a COPY
 * FROM of one row took 0.7-0.9 s to run against 0.35-0.45 s with them archived (bench machine, 2
 * cores). bin/cqlp asks for it with {@code -Dcqlp.archive.train=true} on the recording run only.
 *
 * <p>Runs in a fresh temporary folder under {@code java.io.tmpdir}, deleted afterwards. Never fails
 * the run: a failure is logged (the log file, {@code --debug}) and the archive only holds fewer
 * classes.
 */
public final class ArchiveTraining {
  /** The system property bin/cqlp sets on the recording run: {@code true} to train. */
  public static final String PROPERTY = "cqlp.archive.train";

  private static final Logger LOG = Logger.getLogger(ArchiveTraining.class.getName());
  private static final String INPUT = "archive-training.parquet";

  /** The conversions: target file (in the training folder) and WITH clause. */
  private static final List<String[]> CONVERSIONS =
      List.of(
          new String[] {"snappy.parquet", "COMPRESSION='SNAPPY'"},
          new String[] {"zstd.parquet", "COMPRESSION='ZSTD'"},
          new String[] {"rows.csv", "HEADER=true"},
          new String[] {"rows.json", ""},
          new String[] {"by-origin/", "PARTITION='origin,date.month'"});

  private ArchiveTraining() {}

  /**
   * Trains when {@link #PROPERTY} is {@code true}; otherwise does nothing. Never throws.
   *
   * @return the rows each conversion wrote, in {@link #CONVERSIONS} order; empty when not asked or
   *     when training failed
   */
  static List<Long> runIfAsked() {
    if (!Boolean.getBoolean(PROPERTY)) {
      return List.of();
    }
    try {
      Path folder = Files.createTempDirectory("cqlp-archive-training-");
      try {
        return run(folder);
      } finally {
        StagedDirectory.deleteTree(folder);
      }
    } catch (Throwable e) {
      // Errors too: snappy-java throws SnappyError (an Error) when its native library cannot
      // load, say from a noexec temporary folder; the user's run must not show it.
      LOG.log(Level.FINE, "archive training stopped: " + e, e);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return List.of();
    }
  }

  /**
   * Converts the bundled file into {@code folder} in every format of {@link #CONVERSIONS}, each
   * from the previous Parquet output when there is one (so the reader also meets cqlp's own SNAPPY
   * and ZSTD files).
   *
   * @param folder an existing, empty folder; the files stay there
   * @return the rows each conversion wrote, 200 each
   * @throws IOException if the bundled file cannot be copied out of the jar
   * @throws InterruptedException if interrupted
   * @throws io.cqlp.rows.TransferException if a conversion fails
   */
  static List<Long> run(Path folder) throws IOException, InterruptedException {
    Path source = folder.resolve(INPUT);
    try (InputStream in = ArchiveTraining.class.getResourceAsStream(INPUT)) {
      if (in == null) {
        throw new IOException(INPUT + " is missing from the jar");
      }
      Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
    }
    FileCopyWorkflow workflow =
        new FileCopyWorkflow(Formats.sinks(), Formats.sources()).withStdout(Writer.nullWriter());
    List<Long> rows = new ArrayList<>();
    String from = source.toString();
    for (String[] conversion : CONVERSIONS) {
      // A trailing slash names a dataset folder, as a user types it.
      String target = folder + "/" + conversion[0];
      String with = conversion[1].isEmpty() ? "" : " WITH " + conversion[1];
      CopyFileTo copy =
          (CopyFileTo)
              CommandParser.parse(
                  "COPY "
                      + CqlLiteral.of(DataTypes.TEXT, from)
                      + " TO "
                      + CqlLiteral.of(DataTypes.TEXT, target)
                      + with);
      rows.add(workflow.run(copy).rows());
      if (target.endsWith(".parquet")) {
        from = target;
      }
    }
    return rows;
  }
}
