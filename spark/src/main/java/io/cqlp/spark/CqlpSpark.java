package io.cqlp.spark;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import io.cqlp.cli.ConnectionFlags;
import io.cqlp.cli.ExitStatus;
import io.cqlp.cli.FieldBinding;
import io.cqlp.cli.PlainFactory;
import io.cqlp.cli.VersionProvider;
import io.cqlp.command.CommandException;
import io.cqlp.command.CommandParser;
import io.cqlp.command.CopyFrom;
import io.cqlp.command.CopyTo;
import io.cqlp.config.ConnectionSettings;
import io.cqlp.config.CopyDefaults;
import io.cqlp.config.IniException;
import io.cqlp.config.StartupConfig;
import io.cqlp.logging.SecretRedaction;
import io.cqlp.output.ErrorText;
import io.cqlp.rows.TransferException;
import io.cqlp.script.StatementSplitter;
import io.cqlp.session.Connector;
import io.cqlp.session.ErrorReporter;
import io.cqlp.transfer.RowEstimate;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cqlp-spark}: runs cqlp's COPY statements as Apache Spark jobs, with cqlp's connection
 * flags, cqlshrc and statement syntax: {@code cqlp-spark --master local[4] [host [port]] [-u ...]
 * -e "COPY ks.t TO '/shared/t/' WITH PARTITION='day'"}. The Spark driver runs here (client mode);
 * the executors scan token ranges and write with cqlp's own writers, and this process commits the
 * files. Exit status as cqlp's: 0 done, 1 cannot connect, 2 a statement failed.
 */
public final class CqlpSpark implements Callable<Integer> {
  private String master;
  private final ConnectionFlags connection = new ConnectionFlags();
  private String execute;
  private Path file;
  private Integer tasks;
  private boolean debug;
  private final CommandSpec spec;

  private CqlpSpark() {
    // picocli's programmatic API, as cqlp's own command line (FieldBinding says why)
    spec =
        CommandSpec.wrapWithoutInspection(this, PlainFactory.INSTANCE)
            .name("cqlp-spark")
            .versionProvider(new VersionProvider());
    spec.usageMessage()
        .sortOptions(false)
        .description("Runs cqlp's COPY TO and COPY FROM statements as Apache Spark jobs.");
    spec.addOption(
        FieldBinding.option(String.class, (String v) -> master = v, "--master")
            .paramLabel("URL")
            .defaultValue("local[2]")
            .description(
                "Spark master: local[N] (default local[2]), spark://host:7077, or what"
                    + " spark-submit passes (yarn, k8s://...).")
            .build());
    connection.addTo(spec);
    FieldBinding.addScriptOptions(spec, "COPY statements", v -> execute = v, v -> file = v);
    spec.addOption(
        FieldBinding.valued(
            Integer.class,
            (Integer v) -> tasks = v,
            "N",
            "Tasks to split a table's token ranges into (default: 4 per core of the Spark"
                + " application, so that a lost executor's share is spread over the others).",
            "--tasks"));
    spec.addOption(
        FieldBinding.flag(
            (Boolean v) -> debug = v,
            "Show stack traces of errors, and Spark's warnings and errors.",
            "--debug"));
    spec.addOption(FieldBinding.helpOption());
    spec.addOption(
        FieldBinding.versionOption("Print version information and exit.", "-V", "--version"));
  }

  /** Runs cqlp-spark with the given arguments and exits with its status. */
  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new CqlpSpark().spec, PlainFactory.INSTANCE);
    commandLine.setParameterExceptionHandler(
        (e, a) -> {
          e.getCommandLine().getErr().println(e.getMessage());
          e.getCommandLine().getErr().println("Try 'cqlp-spark --help' for more information.");
          return ExitStatus.STATEMENT_FAILED.code();
        });
    System.exit(commandLine.execute(args));
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    ErrorReporter errors = new ErrorReporter(err, debug);
    List<String> statements;
    StartupConfig.Resolved config;
    try {
      statements = statements();
      config =
          StartupConfig.resolve(
              connection.given(), System.getenv(), System.getProperty("user.home"), errors::note);
    } catch (IniException | CommandException e) {
      errors.report(null, 0, e.getMessage());
      return ExitStatus.STATEMENT_FAILED.code();
    }
    ConnectionSettings settings = config.connection();
    SecretRedaction.remember(settings.password());
    CopyDefaults defaults = CopyDefaults.of(config.cqlshrc().ini(), errors::note);
    CqlSession session;
    try {
      session = Connector.connect(settings);
    } catch (RuntimeException e) {
      errors.report(
          null,
          0,
          ErrorText.connectionError(settings.host(), settings.port(), ErrorText.describe(e)));
      return ExitStatus.CANNOT_CONNECT.code();
    }
    SparkConf conf = new SparkConf().setAppName("cqlp").setIfMissing("spark.master", master);
    try (session;
        JavaSparkContext spark = new JavaSparkContext(conf)) {
      spark.setLogLevel(debug ? "WARN" : "OFF");
      ConnectionRecipe recipe = ConnectionRecipe.of(settings);
      ExecutorSessions.lend(recipe, session);
      int maxTasks = tasks != null ? tasks : 4 * spark.defaultParallelism();
      for (String text : statements) {
        try {
          io.cqlp.command.Command command = CommandParser.parse(text);
          if (command instanceof CopyTo copy) {
            CopyTo withDefaults = defaults.apply(copy, settings.keyspace());
            JobSummary summary;
            try (JobProgress progress =
                JobProgress.start(spark, errors, RowEstimate.forExport(session, withDefaults))) {
              summary =
                  SparkExport.run(
                      spark,
                      session,
                      recipe,
                      withDefaults,
                      DefaultConsistencyLevel.ONE,
                      maxTasks,
                      progress);
            }
            out.println(summary.exportLine());
          } else if (command instanceof CopyFrom copy) {
            CopyFrom withDefaults = defaults.apply(copy, settings.keyspace());
            SparkImport.Result result;
            try (JobProgress progress =
                JobProgress.start(spark, errors, RowEstimate.forImport(withDefaults))) {
              result =
                  SparkImport.run(
                      spark,
                      session,
                      recipe,
                      withDefaults,
                      DefaultConsistencyLevel.ONE,
                      maxTasks,
                      progress);
            }
            out.println(result.summary().importLine());
            long failed = result.summary().transfer().failedRows();
            if (failed > 0) {
              // As the shell: the rows not imported are in the ERRFILE, and the status says so.
              errors.note(
                  "Failed to process "
                      + failed
                      + " rows; failed rows written to "
                      + result.errFile());
              return ExitStatus.STATEMENT_FAILED.code();
            }
          } else {
            throw new TransferException(
                "cqlp-spark runs COPY TO and COPY FROM statements; run other statements in cqlp.");
          }
        } catch (RuntimeException e) {
          errors.report(null, 0, e);
          return ExitStatus.STATEMENT_FAILED.code();
        }
      }
    }
    return ExitStatus.OK.code();
  }

  /** The statements of -e or -f. */
  private List<String> statements() throws IOException {
    if ((execute == null) == (file == null)) {
      throw new CommandException("Give the COPY statements with -e or -f (one of them).");
    }
    String text = execute != null ? execute : Files.readString(file);
    StatementSplitter.Result split =
        StatementSplitter.split(text.strip().endsWith(";") ? text : text + ";");
    return split.statements().stream().map(StatementSplitter.Statement::text).toList();
  }
}
