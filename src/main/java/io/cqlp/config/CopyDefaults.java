package io.cqlp.config;

import io.cqlp.command.CommandException;
import io.cqlp.command.CopyFrom;
import io.cqlp.command.CopyTo;
import io.cqlp.command.Options;
import io.cqlp.command.TableRef;
import io.cqlp.transfer.CopyFromWorkflow;
import io.cqlp.transfer.CopyToWorkflow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * COPY options taken from a cqlshrc, as cqlsh's {@code copyutil.maybe_read_config_file} takes them:
 * the sections {@code [copy]}, {@code [copy-to]} or {@code [copy-from]}, {@code [copy:ks.table]},
 * {@code [copy-to:ks.table]} or {@code [copy-from:ks.table]} are read in this order, each later one
 * overriding the earlier ones, and the command's own {@code WITH} options override them all. {@code
 * ks} is the command's keyspace or else the current one, {@code table} the table as Cassandra names
 * it (unquoted); {@code COPY (SELECT ...)} reads only the first two. A {@code WITH
 * CONFIGFILE='path'} option reads those sections from that file instead, as in cqlsh.
 *
 * <p>Options a file gives that the direction does not know are left out, so that one {@code [copy]}
 * section serves both directions and a cqlshrc written for cqlsh does not break cqlp; those that
 * cqlp knows in neither direction are named in a note. A file's {@code chunksize} is COPY FROM's
 * only, as in cqlsh: a COPY TO does not take it for rows per row group. Every section read is named
 * in a note too, as cqlsh prints "Reading options from ...". Immutable.
 */
public final class CopyDefaults {

  /** Defaults from no file at all: commands are left as they are. */
  public static final CopyDefaults NONE = new CopyDefaults(null, message -> {});

  private static final String CONFIGFILE = "CONFIGFILE";

  /**
   * An option that a file gives to COPY FROM only: cqlsh's {@code chunksize} (rows handed to a
   * worker at once, which cqlsh's COPY TO ignores). Typed in a COPY TO, CHUNKSIZE is rows per
   * Parquet row group; from a file it would silently shrink them, so a COPY TO leaves it out
   * (ROW_GROUP_SIZE in a file sets them).
   */
  private static final String FROM_ONLY_IN_FILES = "CHUNKSIZE";

  private final IniFile file;
  private final Consumer<String> notes;

  private CopyDefaults(IniFile file, Consumer<String> notes) {
    this.file = file;
    this.notes = notes;
  }

  /**
   * @param file the cqlshrc's sections, or null for none
   * @param notes receives one line per section read and per option left out (standard error)
   * @return defaults drawn from {@code file}
   */
  public static CopyDefaults of(IniFile file, Consumer<String> notes) {
    return new CopyDefaults(file, notes);
  }

  /**
   * @param copy a parsed COPY TO
   * @param currentKeyspace the session's keyspace, or null
   * @return the command with the file's options added where it has none, and without CONFIGFILE
   * @throws CommandException if CONFIGFILE names a file that cannot be read
   */
  public CopyTo apply(CopyTo copy, String currentKeyspace) {
    Options options =
        merged(copy.options(), "to", copy.table(), currentKeyspace, CopyToWorkflow.OPTIONS);
    return options.equals(copy.options())
        ? copy
        : new CopyTo(
            copy.table(),
            copy.columns(),
            copy.target(),
            copy.stdout(),
            options,
            copy.where(),
            copy.selectQuery());
  }

  /**
   * @param copy a parsed COPY FROM
   * @param currentKeyspace the session's keyspace, or null
   * @return the command with the file's options added where it has none, and without CONFIGFILE
   * @throws CommandException if CONFIGFILE names a file that cannot be read
   */
  public CopyFrom apply(CopyFrom copy, String currentKeyspace) {
    Options options =
        merged(copy.options(), "from", copy.table(), currentKeyspace, CopyFromWorkflow.OPTIONS);
    return options.equals(copy.options())
        ? copy
        : new CopyFrom(copy.table(), copy.columns(), copy.source(), copy.stdin(), options);
  }

  /**
   * The options the sections give for one copy, before the command's own.
   *
   * @param direction {@code to} or {@code from}
   * @param keyspace the keyspace, or null when unknown (no per-table sections are read then)
   * @param table the table, or null for {@code COPY (SELECT ...)}
   * @return option names (upper case) to values, later sections overriding earlier ones
   */
  public Map<String, String> sectionOptions(String direction, String keyspace, String table) {
    return sectionOptions(file, direction, keyspace, table);
  }

  private Map<String, String> sectionOptions(
      IniFile from, String direction, String keyspace, String table) {
    Map<String, String> result = new LinkedHashMap<>();
    if (from == null) {
      return result;
    }
    List<String> names =
        keyspace != null && table != null
            ? List.of(
                "copy",
                "copy-" + direction,
                "copy:" + keyspace + "." + table,
                "copy-" + direction + ":" + keyspace + "." + table)
            : List.of("copy", "copy-" + direction);
    for (String name : names) {
      if (from.hasSection(name)) {
        Map<String, String> section = from.section(name);
        notes.accept("Reading options from " + from.source() + ":[" + name + "]: " + section);
        section.forEach((k, v) -> result.put(k.toUpperCase(Locale.ROOT), v));
      }
    }
    return result;
  }

  private Options merged(
      Options typed, String direction, TableRef table, String currentKeyspace, Set<String> known) {
    IniFile from = file;
    Options.Builder own = Options.builder();
    for (Map.Entry<String, String> e : typed.asMap().entrySet()) {
      if (e.getKey().equals(CONFIGFILE)) {
        from = readConfigFile(e.getValue());
      } else {
        own.add(e.getKey(), e.getValue());
      }
    }
    String keyspace =
        table == null ? null : table.keyspace() != null ? table.keyspace() : currentKeyspace;
    Map<String, String> defaults =
        sectionOptions(from, direction, keyspace, table == null ? null : table.table());
    Options.Builder kept = Options.builder();
    for (Map.Entry<String, String> e : defaults.entrySet()) {
      if (direction.equals("to") && e.getKey().equals(FROM_ONLY_IN_FILES)) {
        continue;
      }
      if (known.contains(e.getKey())) {
        kept.add(e.getKey(), e.getValue());
      } else if (!CopyToWorkflow.OPTIONS.contains(e.getKey())
          && !CopyFromWorkflow.OPTIONS.contains(e.getKey())) {
        notes.accept(
            "Ignoring option "
                + e.getKey().toLowerCase(Locale.ROOT)
                + " of "
                + from.source()
                + ": cqlp's COPY has no such option.");
      }
    }
    return own.build().withDefaults(kept.build());
  }

  private static IniFile readConfigFile(String path) {
    try {
      return IniFile.read(Path.of(path));
    } catch (IOException e) {
      throw new CommandException("Could not read CONFIGFILE '" + path + "': " + e.getMessage());
    } catch (IniException e) {
      throw new CommandException("Could not read CONFIGFILE: " + e.getMessage());
    }
  }
}
