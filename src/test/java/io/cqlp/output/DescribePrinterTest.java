package io.cqlp.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescribePrinterTest {
  private final StringWriter text = new StringWriter();
  private final DescribePrinter printer = new DescribePrinter(new PrintWriter(text));

  @Test
  void should_print_keyspaces_in_columns_between_blank_lines() {
    printer.keyspaces(List.of("shop", "system", "system_auth"));
    assertThat(text.toString()).isEqualTo("\nshop  system  system_auth\n\n");
  }

  @Test
  void should_title_each_keyspace_of_a_name_list_when_no_keyspace_is_in_use() {
    printer.names(
        List.of(
            new DescribePrinter.Named("ks1", "a"),
            new DescribePrinter.Named("ks1", "b"),
            new DescribePrinter.Named("shop", "users")),
        null);
    assertThat(text.toString())
        .isEqualTo("\nKeyspace ks1\n------------\na  b\n\nKeyspace shop\n-------------\nusers\n\n");
  }

  @Test
  void should_list_names_without_title_inside_a_keyspace() {
    printer.names(
        List.of(
            new DescribePrinter.Named("shop", "orders"),
            new DescribePrinter.Named("shop", "users")),
        "shop");
    assertThat(text.toString()).isEqualTo("\norders  users\n\n");
  }

  @Test
  void should_print_nothing_for_an_empty_name_list() {
    printer.names(List.of(), "shop");
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void should_print_each_create_statement_after_a_blank_line() {
    printer.elements(
        List.of(
            "CREATE KEYSPACE shop WITH x;", "CREATE TABLE shop.t (\n    id int PRIMARY KEY\n);"));
    assertThat(text.toString())
        .isEqualTo(
            "\n"
                + "CREATE KEYSPACE shop WITH x;\n\n"
                + "CREATE TABLE shop.t (\n"
                + "    id int PRIMARY KEY\n"
                + ");\n");
  }

  @Test
  void should_print_the_cluster_and_its_ring_as_cqlsh() {
    Map<String, List<String>> ranges = new LinkedHashMap<>();
    ranges.put("-9000", List.of("127.0.0.1:7000"));
    ranges.put("42", List.of("127.0.0.1:7000", "127.0.0.2:7000"));
    printer.cluster(
        "Test Cluster",
        "org.apache.cassandra.dht.Murmur3Partitioner",
        "org.apache.cassandra.locator.SimpleSnitch",
        ranges);
    assertThat(text.toString())
        .isEqualTo(
            "\nCluster: Test Cluster\n"
                + "Partitioner: org.apache.cassandra.dht.Murmur3Partitioner\n"
                + "Snitch: org.apache.cassandra.locator.SimpleSnitch\n\n"
                + "Range ownership:\n"
                + " "
                + " ".repeat(34)
                + "-9000  [127.0.0.1:7000]\n"
                + " "
                + " ".repeat(37)
                + "42  [127.0.0.1:7000, 127.0.0.2:7000]\n\n");
  }

  @Test
  void should_leave_out_the_ring_when_the_server_sends_none() {
    printer.cluster("c", "p", "s", null);
    assertThat(text.toString()).isEqualTo("\nCluster: c\nPartitioner: p\nSnitch: s\n\n");
  }
}
