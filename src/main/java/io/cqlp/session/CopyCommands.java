package io.cqlp.session;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.command.CopyFileTo;
import io.cqlp.command.CopyFrom;
import io.cqlp.command.CopyTo;
import io.cqlp.command.Verify;
import io.cqlp.rows.SinkFactory;
import io.cqlp.rows.SourceFactory;
import io.cqlp.session.Interpreter.Outcome;
import io.cqlp.transfer.CopyFromWorkflow;
import io.cqlp.transfer.CopyToWorkflow;
import io.cqlp.transfer.FileCopyWorkflow;
import io.cqlp.transfer.RowEstimate;
import io.cqlp.transfer.TransferSummary;
import io.cqlp.transfer.verify.VerifyReport;
import io.cqlp.transfer.verify.VerifyWorkflow;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.function.Supplier;

/**
 * The transfer commands of the shell: COPY TO, COPY FROM, COPY 'file' TO and VERIFY. Each applies
 * the session's COPY defaults, runs its workflow under a progress line, and prints the summary line
 * cqlsh prints (none for COPY TO STDOUT, which prints only the rows).
 */
final class CopyCommands {

  private final ShellState state;
  private final PrintWriter out;
  private final ErrorReporter errors;
  private final SinkFactory sinks;
  private final SourceFactory sources;
  private final Supplier<Reader> stdin;

  /**
   * @param stdin the input of COPY FROM STDIN: the lines after the statement in a script, or the
   *     shell's standard input up to a line holding {@code \.}
   */
  CopyCommands(
      ShellState state,
      PrintWriter out,
      ErrorReporter errors,
      SinkFactory sinks,
      SourceFactory sources,
      Supplier<Reader> stdin) {
    this.state = state;
    this.out = out;
    this.errors = errors;
    this.sinks = sinks;
    this.sources = sources;
    this.stdin = stdin;
  }

  /** COPY 'file' TO: a file converted; no session involved, so it also runs with --no-connect. */
  Outcome copyFileTo(CopyFileTo copy) throws InterruptedException {
    TransferSummary converted;
    try (ProgressLine progress =
        ProgressLine.start(errors, state.interactive(), "Processed", -1, state.display()::width)) {
      converted = new FileCopyWorkflow(sinks, sources).withStdout(out).progress(progress).run(copy);
    }
    if (!copy.stdout()) {
      out.println(converted.exportLine());
    }
    return Outcome.OK;
  }

  /** COPY table TO, then the VERIFY its options ask for. */
  Outcome copyTo(CopyTo copy) throws InterruptedException {
    CqlSession session = state.session();
    CopyTo withDefaults = state.copyDefaults().apply(copy, state.keyspace());
    Verify verify = VerifyWorkflow.afterExport(withDefaults);
    TransferSummary exported;
    CopyToWorkflow workflow =
        new CopyToWorkflow(session, state.consistency(), sinks, sources)
            .debug(errors.debug() ? errors::note : null);
    try (ProgressLine progress =
        ProgressLine.start(
            errors,
            state.interactive(),
            "Processed",
            RowEstimate.forExport(session, withDefaults),
            state.display()::width)) {
      exported = workflow.withStdout(out).progress(progress).run(withDefaults);
    }
    if (!copy.stdout()) {
      // As cqlsh: COPY TO STDOUT prints only the rows.
      out.println(exported.exportLine() + workflow.scanSummary());
    }
    if (verify != null) {
      return verify(verify);
    }
    return Outcome.OK;
  }

  /** COPY table FROM: FAILED when rows were not imported. */
  Outcome copyFrom(CopyFrom copy) throws InterruptedException {
    CqlSession session = state.session();
    CopyFrom withDefaults = state.copyDefaults().apply(copy, state.keyspace());
    TransferSummary imported;
    try (ProgressLine progress =
        ProgressLine.start(
            errors,
            state.interactive(),
            "Processed",
            RowEstimate.forImport(withDefaults),
            state.display()::width)) {
      imported =
          new CopyFromWorkflow(session, state.consistency(), sources, errors::note)
              .withStdin(stdin)
              .progress(progress)
              .run(withDefaults);
    }
    out.println(imported.importLine());
    if (imported.failedRows() > 0) {
      out.flush();
      return Outcome.FAILED;
    }
    return Outcome.OK;
  }

  /** Runs a VERIFY and prints its report: FAILED (exit status 2) when the sides differ. */
  Outcome verify(Verify command) throws InterruptedException {
    VerifyReport report =
        new VerifyWorkflow(state.session(), state.consistency(), sources).run(command);
    report.lines().forEach(out::println);
    out.flush();
    return report.equal() ? Outcome.OK : Outcome.FAILED;
  }
}
