package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.local.LocalCassandra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * cqlp's screen byte for byte as cqlsh's: every expected text below is the standard output of cqlsh
 * 6.2.0 (Cassandra 5.0's, pure-Python driver 3.29.0) for the same statements against the same rows
 * on a Cassandra 5.0 node, less its "built against" warning line. The table holds every CQL type,
 * NaN, Infinity, -Infinity, -0.0, the smallest and largest double and float, text with control
 * characters, a backslash, emoji and CJK, IPv4 and IPv6 addresses. TZ is set for every run, as a TZ
 * in the environment changes cqlsh's timestamps too.
 */
@ExtendWith(CassandraExtension.class)
class CqlshOutputIT {
  private static String keyspace;
  private static LocalCassandra node;

  /** The statements that made the table cqlsh 6.2.0 printed; KS stands for the keyspace. */
  private static final List<String> SETUP =
      List.of(
          "CREATE TYPE KS.addr (street text, zip int, at timestamp)",
          "CREATE TABLE KS.all_types (id int PRIMARY KEY, a ascii, bi bigint, b blob, bo boolean, d"
              + " date, de decimal, db double, du duration, f float, i inet, si smallint, t text,"
              + " tm time, ts timestamp, tu timeuuid, ti tinyint, u uuid, vc varchar, vi varint, l"
              + " list<text>, s set<int>, m map<text, double>, fl"
              + " frozen<list<frozen<map<int,text>>>>, tup tuple<int, text, inet, timestamp>, ud"
              + " frozen<addr>, v vector<float, 3>, li list<inet>, lts list<timestamp>, ld"
              + " list<date>)",
          "INSERT INTO KS.all_types (id, a, bi, b, bo, d, de, db, du, f, i, si, t, tm, ts, tu, ti,"
              + " u, vc, vi, l, s, m, fl, tup, ud, v, li, lts, ld) VALUES (1, 'asc',"
              + " 9223372036854775807, 0xcafe, true, '2024-01-02', 1.50, 2.718281828459045,"
              + " 1y2mo3d4h5m6s7ms8us9ns, 3.1415927, '::1', -32768, 'tab\tx', '03:04:05.123456789',"
              + " '2024-01-02 03:04:05.678Z', 5b6962dd-3f90-11ee-8e58-0242ac120002, 127,"
              + " 123e4567-e89b-12d3-a456-426614174000, 'vc', 123456789012345678901234567890, ['x',"
              + " 'it''s', 'b\\c'], {3, 1, 2}, {'b': 1.5, 'a': 0.1}, [{1: 'one'}, {2: 'two'}], (1,"
              + " 'a''b', '2001:db8::ff00:42:8329', '2024-01-02 03:04:05Z'), {street: 'Main', zip:"
              + " null, at: '2024-01-02 03:04:05Z'}, [1.5, -0.0, 3.3], ['127.0.0.1', '::1'],"
              + " ['2024-01-02 03:04:05Z'], ['2024-01-02'])",
          "INSERT INTO KS.all_types (id, db, f, t, i) VALUES (2, NaN, NaN, 'nl' + '' , '10.0.0.1')",
          "INSERT INTO KS.all_types (id, db, f, t) VALUES (3, Infinity, -Infinity, '')",
          "INSERT INTO KS.all_types (id, db, f) VALUES (4, -0.0, -0.0)",
          "INSERT INTO KS.all_types (id, db, f) VALUES (5, 4.9E-324, 1.4E-45)",
          "INSERT INTO KS.all_types (id, db, f) VALUES (6, 1.7976931348623157E308, 3.4028235E38)",
          "INSERT INTO KS.all_types (id, db, f) VALUES (7, 123456.789, 0.000123456)",
          "INSERT INTO KS.all_types (id, db, f) VALUES (8, -Infinity, Infinity)",
          "INSERT INTO KS.all_types (id) VALUES (9)",
          "UPDATE KS.all_types SET t = 'tab\tnl\nx\\y\u0001z\u007f\u0085é😀中' WHERE id = 2",
          "UPDATE KS.all_types SET l = ['a\tb', '中文'], m = {'k\nk': 1.0} WHERE id = 3");

  private static final String ALL_TYPES =
      String.join(
          "",
          "\n",
          " id | a    | b      | bi                  | bo   | d          | db          | de   | du "
              + "                    | f          | fl                       | i        | l        "
              + "              | ld           | li                   | lts                         "
              + "        | m                    | s         | si     | t                           "
              + "    | ti   | tm                 | ts                              | tu            "
              + "                       | tup                                                      "
              + "                | u                                    | ud                       "
              + "                                          | v              | vc   | vi\n",
          "----+------+--------+---------------------+------+------------+-------------+------+------------------------+------------+--------------------------+----------+------------------------+--------------+----------------------+-------------------------------------+----------------------+-----------+--------+---------------------------------+------+--------------------+---------------------------------+--------------------------------------+--------------------------------------------------------------------------+--------------------------------------+--------------------------------------------------------------------+----------------+------+--------------------------------\n",
          "  5 | null |   null |                null | null |       null | 4.9407e-324 | null |    "
              + "               null | 1.4013e-45 |                     null |     null |          "
              + "         null |         null |                 null |                             "
              + "   null |                 null |      null |   null |                           "
              + " null | null |               null |                            null |             "
              + "                    null |                                                        "
              + "             null |                                 null |                        "
              + "                                       null |           null | null |             "
              + "              null\n",
          "  1 |  asc | 0xcafe | 9223372036854775807 | True | 2024-01-02 |     2.71828 | 1.50 |"
              + " 1y2mo3d4h5m6s7ms8us9ns |    3.14159 | [{1: 'one'}, {2: 'two'}] |      ::1 | ['x',"
              + " 'it''s', 'b\\\\c'] | [2024-01-02] | ['127.0.0.1', '::1'] | ['2024-01-02"
              + " 03:04:05.000000+0000'] | {'a': 0.1, 'b': 1.5} | {1, 2, 3} | -32768 |             "
              + "             tab\\tx |  127 | 03:04:05.123456789 | 2024-01-02 03:04:05.678000+0000"
              + " | 5b6962dd-3f90-11ee-8e58-0242ac120002 | (1, 'a''b', '2001:db8::ff00:42:8329',"
              + " '2024-01-02 03:04:05.000000+0000') | 123e4567-e89b-12d3-a456-426614174000 |"
              + " {street: 'Main', zip: null, at: '2024-01-02 03:04:05.000000+0000'} | [1.5, -0,"
              + " 3.3] |   vc | 123456789012345678901234567890\n",
          "  8 | null |   null |                null | null |       null |   -Infinity | null |    "
              + "               null |   Infinity |                     null |     null |          "
              + "         null |         null |                 null |                             "
              + "   null |                 null |      null |   null |                           "
              + " null | null |               null |                            null |             "
              + "                    null |                                                        "
              + "             null |                                 null |                        "
              + "                                       null |           null | null |             "
              + "              null\n",
          "  2 | null |   null |                null | null |       null |         NaN | null |    "
              + "               null |        NaN |                     null | 10.0.0.1 |          "
              + "         null |         null |                 null |                             "
              + "   null |                 null |      null |   null | tab\\tnl\\n"
              + "x\\\\y\\x01z\\x7f\\x85é😀中 | null |               null |                          "
              + "  null |                                 null |                                   "
              + "                                  null |                                 null |   "
              + "                                                            null |           null"
              + " | null |                           null\n",
          "  4 | null |   null |                null | null |       null |          -0 | null |    "
              + "               null |         -0 |                     null |     null |          "
              + "         null |         null |                 null |                             "
              + "   null |                 null |      null |   null |                           "
              + " null | null |               null |                            null |             "
              + "                    null |                                                        "
              + "             null |                                 null |                        "
              + "                                       null |           null | null |             "
              + "              null\n",
          "  7 | null |   null |                null | null |       null |  1.2346e+05 | null |    "
              + "               null |   0.000123 |                     null |     null |          "
              + "         null |         null |                 null |                             "
              + "   null |                 null |      null |   null |                           "
              + " null | null |               null |                            null |             "
              + "                    null |                                                        "
              + "             null |                                 null |                        "
              + "                                       null |           null | null |             "
              + "              null\n",
          "  6 | null |   null |                null | null |       null | 1.7977e+308 | null |    "
              + "               null | 3.4028e+38 |                     null |     null |          "
              + "         null |         null |                 null |                             "
              + "   null |                 null |      null |   null |                           "
              + " null | null |               null |                            null |             "
              + "                    null |                                                        "
              + "             null |                                 null |                        "
              + "                                       null |           null | null |             "
              + "              null\n",
          "  9 | null |   null |                null | null |       null |        null | null |    "
              + "               null |       null |                     null |     null |          "
              + "         null |         null |                 null |                             "
              + "   null |                 null |      null |   null |                           "
              + " null | null |               null |                            null |             "
              + "                    null |                                                        "
              + "             null |                                 null |                        "
              + "                                       null |           null | null |             "
              + "              null\n",
          "  3 | null |   null |                null | null |       null |    Infinity | null |    "
              + "               null |  -Infinity |                     null |     null |      "
              + " ['a\\tb', '中文'] |         null |                 null |                          "
              + "      null |          {'k\\n"
              + "k': 1} |      null |   null |                                 | null |            "
              + "   null |                            null |                                 null |"
              + "                                                                     null |       "
              + "                          null |                                                  "
              + "             null |           null | null |                           null\n",
          "\n",
          "(9 rows)\n");

  private static final String SCRIPT =
      String.join(
          "",
          "EXPAND is OFF\n",
          "EXPAND set to ON\n",
          "EXPAND is already ON\n",
          "\n",
          "@ Row 1\n",
          "----+---------------------------------\n",
          " id | 1\n",
          " t  | tab\\tx\n",
          " db | 2.71828\n",
          " i  | ::1\n",
          " l  | ['x', 'it''s', 'b\\\\c']\n",
          "\n",
          "@ Row 2\n",
          "----+---------------------------------\n",
          " id | 2\n",
          " t  | tab\\tnl\\nx\\\\y\\x01z\\x7f\\x85é😀中\n",
          " db | NaN\n",
          " i  | 10.0.0.1\n",
          " l  | null\n",
          "\n",
          "\n",
          "(2 rows)\n",
          "\n",
          " id\n",
          "----\n",
          "\n",
          "\n",
          "(0 rows)\n",
          "EXPAND set to OFF\n",
          "EXPAND is already OFF\n",
          "\n",
          " id\n",
          "----\n",
          "\n",
          "\n",
          "(0 rows)\n",
          "TRACING is OFF\n",
          "TRACING set to ON\n",
          "TRACING set to OFF\n",
          "PAGING is ON\n",
          "Page size: 100\n",
          "PAGING is already ON\n",
          "Page size: 100\n",
          "Page size: 50\n",
          "PAGING set to OFF\n",
          "PAGING is already OFF\n",
          "PAGING is OFF\n",
          "\n",
          " count\n",
          "-------\n",
          "     9\n",
          "\n",
          "(1 rows)\n",
          "\n",
          "Warnings :\n",
          "Aggregation query used without partition key\n",
          "\n",
          "\n",
          " [json]\n",
          "----------------------------------------------------------------------\n",
          "                   {\"id\": 1, \"t\": \"tab\\\\tx\", \"db\": 2.718281828459045}\n",
          " {\"id\": 2, \"t\": \"tab\\\\tnl\\\\n"
              + "x\\\\\\\\y\\\\u0001z\\x7f\\x85é😀中\", \"db\": null}\n",
          "\n",
          "(2 rows)\n",
          "\n",
          " id | ttl(a) | system.token(id)     | x | ts\n",
          "----+--------+----------------------+---+---------------------------------\n",
          "  1 |   null | -4069959284402364209 | 1 | 2024-01-02 03:04:05.678000+0000\n",
          "\n",
          "(1 rows)\n");

  private static final String WITH_CQLSHRC =
      String.join(
          "",
          "\n",
          " id | ts                      | d          | tm                 | db             | f    "
              + "   | m                    | v              | tup                                  "
              + "                            | lts\n",
          "----+-------------------------+------------+--------------------+----------------+---------+----------------------+----------------+------------------------------------------------------------------+-----------------------------\n",
          "  1 | 02/01/2024 04:04:05 CET | 2024-01-02 | 03:04:05.123456789 |     2.71828183 |  "
              + " 3.142 | {'a': 0.1, 'b': 1.5} | [1.5, -0, 3.3] | (1, 'a''b',"
              + " '2001:db8::ff00:42:8329', '02/01/2024 04:04:05 CET') | ['02/01/2024 04:04:05"
              + " CET']\n",
          "  5 |                    null |       null |               null | 4.9406565e-324 |"
              + " 1.4e-45 |                 null |           null |                                "
              + "                             null |                        null\n",
          "  6 |                    null |       null |               null | 1.7976931e+308 |"
              + " 3.4e+38 |                 null |           null |                                "
              + "                             null |                        null\n",
          "  7 |                    null |       null |               null |     123456.789 | "
              + " 0.0001 |                 null |           null |                                 "
              + "                            null |                        null\n",
          "\n",
          "(4 rows)\n");

  /** A conditional insert and update (no row count) and an empty map counted zero wide. */
  private static final String CONDITIONAL =
      String.join(
          "",
          "\n",
          " [applied] | id | a   | b      | bi                  | bo   | d          | db      | de "
              + "  | du                     | f       | fl                       | i   | l         "
              + "             | ld           | li                   | lts                          "
              + "       | m                    | s         | si     | t      | ti  | tm            "
              + "     | ts                              | tu                                   |"
              + " tup                                                                      | u     "
              + "                               | ud                                               "
              + "                  | v              | vc | vi\n",
          "-----------+----+-----+--------+---------------------+------+------------+---------+------+------------------------+---------+--------------------------+-----+------------------------+--------------+----------------------+-------------------------------------+----------------------+-----------+--------+--------+-----+--------------------+---------------------------------+--------------------------------------+--------------------------------------------------------------------------+--------------------------------------+--------------------------------------------------------------------+----------------+----+--------------------------------\n",
          "     False |  1 | asc | 0xcafe | 9223372036854775807 | True | 2024-01-02 | 2.71828 |"
              + " 1.50 | 1y2mo3d4h5m6s7ms8us9ns | 3.14159 | [{1: 'one'}, {2: 'two'}] | ::1 | ['x',"
              + " 'it''s', 'b\\\\c'] | [2024-01-02] | ['127.0.0.1', '::1'] | ['2024-01-02"
              + " 03:04:05.000000+0000'] | {'a': 0.1, 'b': 1.5} | {1, 2, 3} | -32768 | tab\\tx |"
              + " 127 | 03:04:05.123456789 | 2024-01-02 03:04:05.678000+0000 |"
              + " 5b6962dd-3f90-11ee-8e58-0242ac120002 | (1, 'a''b', '2001:db8::ff00:42:8329',"
              + " '2024-01-02 03:04:05.000000+0000') | 123e4567-e89b-12d3-a456-426614174000 |"
              + " {street: 'Main', zip: null, at: '2024-01-02 03:04:05.000000+0000'} | [1.5, -0,"
              + " 3.3] | vc | 123456789012345678901234567890\n",
          "\n",
          " [applied]\n",
          "-----------\n",
          "     False\n",
          "\n",
          " table_name | extensions | flags\n",
          "------------+------------+--------------\n",
          "  all_types |           {} | {'compound'}\n",
          "\n",
          "(1 rows)\n");

  @BeforeAll
  static void setUp() {
    keyspace = CassandraExtension.createKeyspace(CqlshOutputIT.class);
    node = CassandraExtension.node();
    CqlSession session = CassandraExtension.session();
    for (String statement : SETUP) {
      session.execute(statement.replace("KS.", keyspace + "."));
    }
    session.execute("CREATE TABLE " + keyspace + ".many (id int PRIMARY KEY, v text)");
    for (int i = 1; i <= 150; i++) {
      session.execute(
          "INSERT INTO "
              + keyspace
              + ".many (id, v) VALUES ("
              + i
              + ", '"
              + "x".repeat(i % 7 + 1)
              + (i == 120 ? "y".repeat(18) : "")
              + "')");
    }
  }

  @Test
  void should_print_every_type_as_cqlsh_does() throws Exception {
    Shell.Result result =
        Shell.runWithEnv(
            Map.of("TZ", "UTC"),
            null,
            node.host(),
            String.valueOf(node.port()),
            "-e",
            "SELECT * FROM " + keyspace + ".all_types");
    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(ALL_TYPES);
  }

  @Test
  void should_print_expand_switches_warnings_json_and_function_columns_as_cqlsh_does()
      throws Exception {
    Path script = Files.createTempFile("cqlsh-output", ".cql");
    Files.writeString(
        script,
        String.join(
                "\n",
                "EXPAND",
                "EXPAND ON",
                "EXPAND ON",
                "SELECT id, t, db, i, l FROM KS.all_types WHERE id IN (1,2);",
                "SELECT id FROM KS.all_types WHERE id = 42;",
                "EXPAND OFF",
                "EXPAND OFF",
                "SELECT id FROM KS.all_types WHERE id = 42;",
                "TRACING",
                "TRACING ON",
                "TRACING OFF",
                "PAGING",
                "PAGING ON",
                "PAGING 50",
                "PAGING OFF",
                "PAGING OFF",
                "PAGING",
                "SELECT count(*) FROM KS.all_types;",
                "SELECT JSON id, t, db FROM KS.all_types WHERE id IN (1,2);",
                "SELECT id, ttl(a), token(id), \"id\" AS x, ts FROM KS.all_types WHERE id = 1;",
                "")
            .replace("KS.", keyspace + "."));
    Shell.Result result =
        Shell.runWithEnv(
            Map.of("TZ", "UTC"),
            null,
            node.host(),
            String.valueOf(node.port()),
            "-f",
            script.toString());
    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(SCRIPT);
  }

  @Test
  void should_follow_the_ui_settings_of_the_cqlshrc_and_tz_as_cqlsh_does() throws Exception {
    // date_format and nanotime_format are read by cqlsh 6.2 but change nothing on its screen;
    // TZ wins over [ui] timezone.
    Path rc =
        Files.writeString(
            Files.createTempFile("cqlshrc", ""),
            String.join(
                "\n",
                "[ui]",
                "timezone = Asia/Tokyo",
                "time_format = %d/%m/%Y %H:%M:%S %Z",
                "date_format = %d.%m.%Y",
                "nanotime_format = %H:%M",
                "float_precision = 3",
                "double_precision = 8",
                ""));
    Shell.Result result =
        Shell.runWithEnv(
            Map.of("TZ", "Europe/Paris"),
            null,
            node.host(),
            String.valueOf(node.port()),
            "--cqlshrc",
            rc.toString(),
            "-e",
            "SELECT id, ts, d, tm, db, f, m, v, tup, lts FROM "
                + keyspace
                + ".all_types WHERE id IN (1,5,6,7)");
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo(WITH_CQLSHRC);

    Shell.Result unknown =
        Shell.runWithEnv(
            Map.of("TZ", "Nowhere/X"),
            null,
            node.host(),
            String.valueOf(node.port()),
            "-e",
            "SELECT ts FROM " + keyspace + ".all_types WHERE id = 1");
    assertThat(unknown.err())
        .isEqualTo(
            "Warning: could not recognize timezone 'Nowhere/X' from environment value TZ\n\n");
    assertThat(unknown.out())
        .isEqualTo(
            "\n"
                + " ts\n"
                + "---------------------------------\n"
                + " 2024-01-02 03:04:05.678000+0000\n\n"
                + "(1 rows)\n");
  }

  @Test
  void should_size_columns_per_page_of_100_rows_and_fail_a_bad_query_as_cqlsh_does()
      throws Exception {
    Shell.Result result =
        Shell.runWithEnv(
            Map.of("TZ", "UTC"),
            null,
            node.host(),
            String.valueOf(node.port()),
            "-e",
            "SELECT * FROM " + keyspace + ".many");
    assertThat(result.exitCode()).isZero();
    List<String> lines = result.out().lines().toList();
    // cqlsh 6.2.0: header and first page 27 wide (the y row is in it), the last 50 rows 14 wide
    assertThat(lines.get(1)).isEqualTo(" id  | v");
    assertThat(lines.subList(3, 103)).allMatch(line -> line.length() == 27);
    assertThat(lines.subList(103, 153)).allMatch(line -> line.length() == 14);
    assertThat(lines.subList(153, lines.size())).containsExactly("", "(150 rows)");

    Shell.Result bad =
        Shell.run(node.host(), node.port(), "-e", "SELECT * FROM " + keyspace + ".nope");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err())
        .isEqualTo(
            "<stdin>:1:InvalidRequest: Error from server: code=2200 [Invalid query]"
                + " message=\"table nope does not exist\"\n");
  }

  @Test
  void should_print_conditional_updates_and_empty_collections_as_cqlsh_does() throws Exception {
    Path script = Files.createTempFile("cqlsh-conditional", ".cql");
    Files.writeString(
        script,
        String.join(
                "\n",
                "INSERT INTO KS.all_types (id) VALUES (1) IF NOT EXISTS;",
                "UPDATE KS.all_types SET a = 'z' WHERE id = 77 IF EXISTS;",
                "SELECT table_name, extensions, flags FROM system_schema.tables WHERE keyspace_name"
                    + " = 'KS' AND table_name = 'all_types';",
                "")
            .replace("KS", keyspace));
    Shell.Result result =
        Shell.runWithEnv(
            Map.of("TZ", "UTC"),
            null,
            node.host(),
            String.valueOf(node.port()),
            "-f",
            script.toString());
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo(CONDITIONAL);
  }
}
