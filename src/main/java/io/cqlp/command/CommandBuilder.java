package io.cqlp.command;

import io.cqlp.command.grammar.CqlpShellParser;
import io.cqlp.command.grammar.CqlpShellParser.CaptureCommandContext;
import io.cqlp.command.grammar.CqlpShellParser.CopyCommandContext;
import io.cqlp.command.grammar.CqlpShellParser.CopyFromContext;
import io.cqlp.command.grammar.CqlpShellParser.CopySubjectContext;
import io.cqlp.command.grammar.CqlpShellParser.CopyToContext;
import io.cqlp.command.grammar.CqlpShellParser.IdentifierContext;
import io.cqlp.command.grammar.CqlpShellParser.OptionContext;
import io.cqlp.command.grammar.CqlpShellParser.OptionValueContext;
import io.cqlp.command.grammar.CqlpShellParser.PathContext;
import io.cqlp.command.grammar.CqlpShellParser.ShellCommandContext;
import io.cqlp.command.grammar.CqlpShellParser.TableRefContext;
import io.cqlp.command.grammar.CqlpShellParser.WithOptionsContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Turns a parse tree of the CqlpShell grammar into {@link Command} records: unquotes strings and
 * identifiers, folds unquoted names to lower case, upper-cases option names, takes WHERE and query
 * texts raw from the input, and rejects what the grammar lets through but makes no sense (a query
 * copied FROM, a duplicate option or column, a page size of 0).
 */
final class CommandBuilder {
  private final CharStream input;

  CommandBuilder(CharStream input) {
    this.input = input;
  }

  Command build(CqlpShellParser.CommandContext tree) {
    ShellCommandContext c = tree.shellCommand();
    if (c.describeFileCommand() != null) {
      return new DescribeFile(path(c.describeFileCommand().path()));
    }
    if (c.uploadsCommand() != null) {
      var u = c.uploadsCommand();
      return new PendingUploads(
          path(u.path()),
          u.ABORT() != null,
          u.withOptions() == null ? Options.empty() : options(u.withOptions()));
    }
    if (c.verifyCommand() != null) {
      var v = c.verifyCommand();
      return new Verify(
          tableRef(v.tableRef()),
          v.columnList() == null ? List.of() : columns(v.columnList().identifier()),
          path(v.path()),
          v.withOptions() == null ? Options.empty() : options(v.withOptions()),
          null);
    }
    if (c.showFileCommand() != null) {
      return showFile(c.showFileCommand());
    }
    if (c.copyCommand() != null) {
      return copy(c.copyCommand());
    }
    if (c.captureCommand() != null) {
      return capture(c.captureCommand());
    }
    if (c.useCommand() != null) {
      return new Use(identifier(c.useCommand().identifier()));
    }
    if (c.consistencyCommand() != null) {
      var level = c.consistencyCommand().word();
      return new Consistency(level == null ? null : upper(level.getText()), false);
    }
    if (c.serialConsistencyCommand() != null) {
      var level = c.serialConsistencyCommand().word();
      return new Consistency(level == null ? null : upper(level.getText()), true);
    }
    if (c.pagingCommand() != null) {
      return paging(c.pagingCommand());
    }
    if (c.expandCommand() != null) {
      return new Expand(switchValue(c.expandCommand().switchValue()));
    }
    if (c.tracingCommand() != null) {
      return new Tracing(switchValue(c.tracingCommand().switchValue()));
    }
    if (c.sourceCommand() != null) {
      return new RunScript(path(c.sourceCommand().path()));
    }
    if (c.helpCommand() != null) {
      return new Help(
          c.helpCommand().anyWord().stream()
              .map(w -> w.getText().toLowerCase(Locale.ROOT))
              .toList());
    }
    return new Exit();
  }

  private Command copy(CopyCommandContext copy) {
    CopySubjectContext subject = copy.copySubject();
    TableRef table = subject.tableRef() == null ? null : tableRef(subject.tableRef());
    List<String> columns =
        subject.columnList() == null ? List.of() : columns(subject.columnList().identifier());
    String query = subject.selectQuery() == null ? null : raw(subject.selectQuery());
    String file = subject.path() == null ? null : path(subject.path());
    if (file != null && copy.copyDirection() instanceof CopyFromContext from) {
      throw error(
          from.FROM().getSymbol(),
          "COPY 'file' converts a file TO another: load a file with COPY table FROM 'file'");
    }
    if (copy.copyDirection() instanceof CopyToContext to) {
      String where = to.whereClause() == null ? null : raw(to.whereClause().whereText());
      if (query != null && where != null) {
        throw error(
            to.whereClause().WHERE().getSymbol(),
            "WHERE cannot follow COPY (SELECT ...): put the condition inside the query");
      }
      String target = to.path() == null ? null : path(to.path());
      if (file != null) {
        return new CopyFileTo(file, target, target == null, options(to.withOptions()), where);
      }
      return new CopyTo(
          table, columns, target, target == null, options(to.withOptions()), where, query);
    }
    CopyFromContext from = (CopyFromContext) copy.copyDirection();
    if (query != null) {
      throw error(
          from.FROM().getSymbol(),
          "COPY (SELECT ...) can only copy TO a file or STDOUT: load data with COPY table FROM");
    }
    String source = from.path() == null ? null : path(from.path());
    return new CopyFrom(table, columns, source, source == null, options(from.withOptions()));
  }

  private Command capture(CaptureCommandContext capture) {
    if (capture.OFF() != null) {
      return new Capture(Capture.Action.OFF, null, null, Options.empty());
    }
    if (capture.path() == null) {
      return new Capture(Capture.Action.STATUS, null, null, Options.empty());
    }
    String format = null;
    if (capture.captureFormat() != null) {
      format = upper(capture.captureFormat().getText());
    } else if (capture.optionValue() != null) {
      format = upper(value(capture.optionValue()));
    }
    Options.Builder options = Options.builder();
    List<OptionContext> with =
        capture.withOptions() == null ? List.of() : capture.withOptions().option();
    for (OptionContext option : with) {
      if (!upper(option.anyWord().getText()).equals("FORMAT")) {
        add(options, option);
      } else if (format == null) {
        format = upper(value(option.optionValue()));
      } else {
        throw duplicate(option);
      }
    }
    return new Capture(Capture.Action.START, path(capture.path()), format, options.build());
  }

  private static ShowFile showFile(CqlpShellParser.ShowFileCommandContext show) {
    if (show.NUMBER() == null) {
      return new ShowFile(path(show.path()), ShowFile.DEFAULT_LIMIT);
    }
    Token number = show.NUMBER().getSymbol();
    int limit;
    try {
      limit = Integer.parseInt(number.getText());
    } catch (NumberFormatException e) {
      limit = 0;
    }
    if (limit < 1) {
      throw error(
          number,
          "LIMIT must be a whole number from 1 to "
              + Integer.MAX_VALUE
              + ", got "
              + number.getText());
    }
    return new ShowFile(path(show.path()), limit);
  }

  private Paging paging(CqlpShellParser.PagingCommandContext paging) {
    if (paging.ON() != null) {
      return new Paging(true, null);
    }
    if (paging.OFF() != null) {
      return new Paging(false, null);
    }
    if (paging.NUMBER() == null) {
      return new Paging(null, null);
    }
    Token number = paging.NUMBER().getSymbol();
    try {
      int size = Integer.parseInt(number.getText());
      if (size > 0) {
        return new Paging(true, size);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(
        number,
        "invalid page size '"
            + number.getText()
            + "': expected a positive whole number, e.g. PAGING 100");
  }

  private static Boolean switchValue(CqlpShellParser.SwitchValueContext value) {
    return value == null ? null : value.ON() != null;
  }

  private Options options(WithOptionsContext with) {
    Options.Builder options = Options.builder();
    if (with != null) {
      with.option().forEach(option -> add(options, option));
    }
    return options.build();
  }

  private static void add(Options.Builder options, OptionContext option) {
    String name = upper(option.anyWord().getText());
    if (options.contains(name)) {
      throw duplicate(option);
    }
    options.add(name, value(option.optionValue()));
  }

  private static ParsingException duplicate(OptionContext option) {
    return error(
        option.anyWord().getStart(),
        "duplicate option '" + upper(option.anyWord().getText()) + "': give each option only once");
  }

  private static String value(OptionValueContext value) {
    if (value.STRING() != null
        || value.DOLLAR_STRING() != null
        || value.QUOTED_IDENTIFIER() != null) {
      return unquote(value.getStart());
    }
    return value.getText();
  }

  private static TableRef tableRef(TableRefContext ref) {
    List<IdentifierContext> names = ref.identifier();
    return names.size() == 1
        ? new TableRef(null, identifier(names.get(0)))
        : new TableRef(identifier(names.get(0)), identifier(names.get(1)));
  }

  private static List<String> columns(List<IdentifierContext> identifiers) {
    List<String> columns = new ArrayList<>();
    for (IdentifierContext id : identifiers) {
      String column = identifier(id);
      if (columns.contains(column)) {
        throw error(id.getStart(), "column '" + column + "' is listed twice");
      }
      columns.add(column);
    }
    return columns;
  }

  /** CQL's rule: unquoted names are case-insensitive (lower case), quoted names keep case. */
  private static String identifier(IdentifierContext id) {
    if (id.QUOTED_IDENTIFIER() != null) {
      return unquote(id.getStart());
    }
    return id.getText().toLowerCase(Locale.ROOT);
  }

  private static String path(PathContext path) {
    return unquote(path.getStart());
  }

  /** Strips 'x' (with '' inside), "x" (with "" inside) or $$x$$ quoting. */
  private static String unquote(Token token) {
    String text = token.getText();
    if (text.startsWith("$$")) {
      return text.substring(2, text.length() - 2);
    }
    String quote = text.substring(0, 1);
    return text.substring(1, text.length() - 1).replace(quote + quote, quote);
  }

  private String raw(ParserRuleContext context) {
    return input.getText(
        Interval.of(context.getStart().getStartIndex(), context.getStop().getStopIndex()));
  }

  private static String upper(String text) {
    return text.toUpperCase(Locale.ROOT);
  }

  private static ParsingException error(Token token, String message) {
    return new ParsingException(message, token.getLine(), token.getCharPositionInLine() + 1);
  }
}
