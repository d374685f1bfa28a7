package io.cqlp.format.csv;

import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import io.cqlp.types.ValueFormatter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The CSV options of COPY, read from {@link Options} with cqlsh's names and defaults ({@code
 * cqlshlib/copyutil.py} parse_options): HEADER false, DELIMITER {@code ,}, QUOTE {@code "}, ESCAPE
 * {@code \}, NULL (alias NULLVAL) empty, DATETIMEFORMAT {@code %Y-%m-%d %H:%M:%S.%f%z}, ENCODING
 * utf8, DECIMALSEP {@code .}, THOUSANDSSEP none, BOOLSTYLE {@code True,False}, MAXOUTPUTSIZE -1 (no
 * split), SKIPCOLS none. FLOATPRECISION and DOUBLEPRECISION differ from cqlsh (5 and 12): without
 * them floats and doubles are written exactly ({@link io.cqlp.types.ExactFloating}); given, they
 * round as cqlsh does. As in cqlsh, a one-character option may be written as a backslash escape
 * ({@code DELIMITER='\t'}), and an ESCAPE equal to QUOTE means quotes are doubled.
 *
 * @param header whether the first line holds the column names (written on output, skipped on input)
 * @param delimiter the field separator
 * @param quote the quote character
 * @param escape the escape character inside quoted values; {@code null} when quotes are doubled
 * @param nullText the text of a NULL value
 * @param timestamps the timestamp format (DATETIMEFORMAT), in UTC
 * @param charset the file encoding
 * @param decimalSeparator DECIMALSEP
 * @param thousandsSeparator THOUSANDSSEP, {@code ""} for none
 * @param trueText the first word of BOOLSTYLE
 * @param falseText the second word of BOOLSTYLE
 * @param floatPrecision FLOATPRECISION, at least 1; 0 when not given (exact text)
 * @param doublePrecision DOUBLEPRECISION, at least 1; 0 when not given (exact text)
 * @param maxOutputSize MAXOUTPUTSIZE: rows per output file, -1 for one file
 * @param skipColumns SKIPCOLS: names of file columns not to import, lower case
 * @param truncateSubMillis PRECISION_LOSS='TRUNCATE': a timestamp's digits below the millisecond
 *     are dropped on import instead of refusing the row; default false
 */
public record CsvOptions(
    boolean header,
    char delimiter,
    char quote,
    Character escape,
    String nullText,
    DateTimeFormatter timestamps,
    Charset charset,
    char decimalSeparator,
    String thousandsSeparator,
    String trueText,
    String falseText,
    int floatPrecision,
    int doublePrecision,
    long maxOutputSize,
    List<String> skipColumns,
    boolean truncateSubMillis) {

  /** Options of both directions. */
  private static final Set<String> COMMON =
      Set.of(
          "HEADER",
          "DELIMITER",
          "QUOTE",
          "ESCAPE",
          "NULL",
          "NULLVAL",
          "DATETIMEFORMAT",
          "ENCODING",
          "DECIMALSEP",
          "THOUSANDSSEP",
          "BOOLSTYLE");

  /** The CSV options COPY TO accepts. */
  public static final Set<String> COPY_TO =
      Options.union(COMMON, Set.of("FLOATPRECISION", "DOUBLEPRECISION", "MAXOUTPUTSIZE"));

  /**
   * The CSV options COPY FROM accepts. MAXPARSEERRORS, MAXINSERTERRORS and ERRFILE are the error
   * handling of the COPY FROM workflow; TTL, INGESTRATE, MINBATCHSIZE and PREPAREDSTATEMENTS are
   * read by it too.
   */
  public static final Set<String> COPY_FROM =
      Options.union(
          COMMON,
          Set.of(
              "SKIPCOLS",
              "TTL",
              "INGESTRATE",
              "MINBATCHSIZE",
              "PREPAREDSTATEMENTS",
              "MAXPARSEERRORS",
              "MAXINSERTERRORS",
              "ERRFILE"));

  /**
   * Reads the options, cqlsh's defaults where absent.
   *
   * @throws TransferException for a value that is not valid (one line naming the option)
   * @throws io.cqlp.command.CommandException for a number or boolean that does not read
   */
  public static CsvOptions from(Options options) {
    char delimiter = oneChar(options, "DELIMITER", ",");
    char quote = oneChar(options, "QUOTE", "\"");
    char escapeChar = oneChar(options, "ESCAPE", "\\");
    Character escape = escapeChar == quote ? null : escapeChar;
    if (delimiter == quote || (escape != null && escape == delimiter)) {
      throw new TransferException("DELIMITER, QUOTE and ESCAPE must be different characters.");
    }
    String nullText = options.getString("NULL", options.getString("NULLVAL", ""));
    String pattern = options.getString("DATETIMEFORMAT", Strftime.CQLSH_DEFAULT);
    DateTimeFormatter timestamps;
    try {
      timestamps = Strftime.formatter(pattern);
    } catch (IllegalArgumentException e) {
      throw new TransferException(e.getMessage() + ".");
    }
    Charset charset = charset(options.getString("ENCODING", "utf8"));
    char decimal = oneChar(options, "DECIMALSEP", ".");
    String thousands = options.getString("THOUSANDSSEP", "");
    if (!thousands.isEmpty() && thousands.equals(String.valueOf(decimal))) {
      throw new TransferException("DECIMALSEP and THOUSANDSSEP must differ.");
    }
    List<String> styles =
        Arrays.stream(options.getString("BOOLSTYLE", "True,False").split(",", -1))
            .map(String::strip)
            .toList();
    if (styles.size() != 2
        || styles.get(0).isEmpty()
        || styles.get(1).isEmpty()
        || styles.get(0).equalsIgnoreCase(styles.get(1))) {
      throw new TransferException(
          "Invalid BOOLSTYLE '"
              + options.getString("BOOLSTYLE", "")
              + "': expected two different words"
              + " for true and false, e.g. BOOLSTYLE='yes,no'.");
    }
    int floatPrecision = options.getInt("FLOATPRECISION", 0);
    int doublePrecision = options.getInt("DOUBLEPRECISION", 0);
    if ((options.contains("FLOATPRECISION") && floatPrecision < 1)
        || (options.contains("DOUBLEPRECISION") && doublePrecision < 1)) {
      throw new TransferException("FLOATPRECISION and DOUBLEPRECISION must be at least 1.");
    }
    long maxOutputSize = options.getRowCount("MAXOUTPUTSIZE", -1);
    List<String> skip =
        Arrays.stream(options.getString("SKIPCOLS", "").split(","))
            .map(s -> s.strip().toLowerCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .toList();
    return new CsvOptions(
        options.getBoolean("HEADER", false),
        delimiter,
        quote,
        escape,
        nullText,
        timestamps,
        charset,
        decimal,
        thousands,
        styles.get(0),
        styles.get(1),
        floatPrecision,
        doublePrecision,
        maxOutputSize,
        skip,
        io.cqlp.format.PrecisionLoss.from(options) == io.cqlp.format.PrecisionLoss.TRUNCATE);
  }

  /** The Commons CSV format of these options for writing: cqlsh's dialect, CRLF line ends. */
  public CSVFormat writeFormat() {
    return base().setQuoteMode(QuoteMode.MINIMAL).get();
  }

  /**
   * The format for reading: unquoted {@link #nullText} is NULL, while a quoted one is text (so
   * {@code ""} is an empty string when NULL is empty); empty lines are skipped.
   */
  public CSVFormat readFormat() {
    return base().setQuoteMode(QuoteMode.ALL_NON_NULL).setIgnoreEmptyLines(true).get();
  }

  private CSVFormat.Builder base() {
    return CSVFormat.DEFAULT
        .builder()
        .setDelimiter(delimiter)
        .setQuote(quote)
        .setEscape(escape)
        .setNullString(nullText)
        // Python's csv module, which cqlsh writes with, ends rows with CRLF.
        .setRecordSeparator("\r\n");
  }

  /** The value formatter of COPY TO with these options (cqlsh's COPY spelling of values). */
  public ValueFormatter formatter() {
    return new ValueFormatter(
        new ValueFormatter.Style(
            floatPrecision,
            doublePrecision,
            trueText,
            falseText,
            timestamps,
            decimalSeparator,
            thousandsSeparator,
            true));
  }

  private static char oneChar(Options options, String name, String defaultValue) {
    String value = options.getString(name, defaultValue);
    String decoded =
        switch (value) {
          case "\\t" -> "\t";
          case "\\\\" -> "\\";
          case "\\'" -> "'";
          case "\\\"" -> "\"";
          default -> value;
        };
    if (decoded.length() != 1) {
      throw new TransferException(
          "Invalid "
              + name
              + " '"
              + value
              + "': expected one character, e.g. "
              + name
              + "='|' (or '\\t').");
    }
    return decoded.charAt(0);
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new TransferException(
          "Unknown ENCODING '"
              + name
              + "': use a Java or Python name such as utf8, latin1, cp1252.");
    }
  }
}
