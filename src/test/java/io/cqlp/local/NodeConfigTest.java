package io.cqlp.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {

  private static final Path NODE = Path.of("/tmp/cqlp-node");
  private final NodeConfig config = new NodeConfig(NODE, "127.0.0.1", 21001, 21002, 21003, 768);

  @Test
  void should_write_ports_addresses_and_seed_into_the_yaml() {
    List<String> lines = config.yaml().lines().toList();

    assertThat(lines)
        .contains(
            "storage_port: 21001",
            "native_transport_port: 21002",
            "listen_address: 127.0.0.1",
            "rpc_address: 127.0.0.1",
            "      - seeds: \"127.0.0.1:21001\"",
            "start_native_transport: true",
            "endpoint_snitch: SimpleSnitch",
            "num_tokens: 16",
            "allocate_tokens_for_local_replication_factor: 1",
            "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
            "commitlog_sync: periodic",
            "commitlog_sync_period: 10000ms",
            "auto_snapshot: false",
            "cluster_name: cqlp-local");
  }

  @Test
  void should_join_a_cluster_node_through_its_seed_without_bootstrap() {
    NodeConfig node =
        NodeConfig.clusterNode(NODE, "127.0.0.3", 21001, 21002, 21004, 640, "127.0.0.2");
    List<String> lines = node.yaml().lines().toList();

    assertThat(lines)
        .contains(
            "listen_address: 127.0.0.3",
            "rpc_address: 127.0.0.3",
            "      - seeds: \"127.0.0.2:21001\"",
            "num_tokens: 8",
            "auto_bootstrap: false");
    assertThat(config.yaml()).doesNotContain("auto_bootstrap");
    assertThat(node.command(Path.of("java"), List.of(Path.of("a.jar"))))
        .contains(
            "-Xmx640M", "-Dcassandra.jmx.local.port=21004", "-Djava.rmi.server.hostname=127.0.0.1");
  }

  @Test
  void should_put_every_storage_directory_under_the_node_data_dir() {
    List<String> lines = config.yaml().lines().toList();

    assertThat(lines)
        .contains(
            "  - '/tmp/cqlp-node/data/data'",
            "commitlog_directory: '/tmp/cqlp-node/data/commitlog'",
            "saved_caches_directory: '/tmp/cqlp-node/data/saved_caches'",
            "hints_directory: '/tmp/cqlp-node/data/hints'",
            "cdc_raw_directory: '/tmp/cqlp-node/data/cdc_raw'");
  }

  @Test
  void should_quote_a_directory_with_an_apostrophe_in_yaml_style() {
    NodeConfig odd = new NodeConfig(Path.of("/tmp/it's"), "127.0.0.1", 1, 2, 3, 512);

    assertThat(odd.yaml()).contains("commitlog_directory: '/tmp/it''s/data/commitlog'");
  }

  @Test
  void should_log_to_the_system_log_file_only() {
    String xml = config.logbackXml();

    assertThat(xml).contains("<file>/tmp/cqlp-node/logs/system.log</file>");
    assertThat(xml).contains("<root level=\"INFO\">");
    assertThat(xml).doesNotContain("ConsoleAppender");
  }

  @Test
  void should_build_a_foreground_command_with_heap_ports_and_java17_options() {
    List<String> command =
        config.command(
            Path.of("/jdk/bin/java"), List.of(Path.of("/lib/a.jar"), Path.of("/lib/b.jar")));

    assertThat(command.get(0)).isEqualTo("/jdk/bin/java");
    assertThat(command.get(command.size() - 1))
        .isEqualTo("org.apache.cassandra.service.CassandraDaemon");
    assertThat(command)
        .contains(
            "-Xms768M",
            "-Xmx768M",
            "-Dcassandra-foreground=yes",
            "-Dcassandra.config=file:///tmp/cqlp-node/conf/cassandra.yaml",
            "-Dcassandra.storagedir=/tmp/cqlp-node/data",
            "-Dcassandra.jmx.local.port=21003",
            "-Dcassandra.ring_delay_ms=1000",
            "-Dcassandra.skip_wait_for_gossip_to_settle=0",
            "-Djdk.attach.allowAttachSelf=true",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Dlogback.configurationFile=/tmp/cqlp-node/conf/logback.xml",
            "/lib/a.jar:/lib/b.jar");
    assertThat(command).containsSequence("--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED");
    assertThat(command)
        .containsSequence("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED");
    assertThat(command).containsSequence("-cp", "/lib/a.jar:/lib/b.jar");
    assertThat(command).noneMatch(option -> option.startsWith("-javaagent"));
  }

  @Test
  void should_load_jamm_as_an_agent_when_it_is_on_the_classpath() {
    List<String> command =
        config.command(
            Path.of("/jdk/bin/java"),
            List.of(Path.of("/lib/jamm-0.4.0.jar"), Path.of("/lib/jamm-extra-1.jar")));

    assertThat(command)
        .filteredOn(option -> option.startsWith("-javaagent"))
        .containsExactly("-javaagent:/lib/jamm-0.4.0.jar");
  }

  @Test
  void should_write_yaml_and_logback_files_and_create_the_directories(@TempDir Path dir)
      throws IOException {
    NodeConfig local = new NodeConfig(dir, "127.0.0.1", 21001, 21002, 21003, 1024);

    local.writeFiles();

    assertThat(Files.readString(local.yamlFile())).isEqualTo(local.yaml());
    assertThat(Files.readString(local.logbackFile())).isEqualTo(local.logbackXml());
    assertThat(local.dataDir()).isDirectory();
    assertThat(local.logDir()).isDirectory();
  }

  @Test
  void should_create_a_missing_node_directory(@TempDir Path dir) throws IOException {
    Path node = dir.resolve("a").resolve("node");

    NodeConfig.prepareDir(node);

    assertThat(node).isEmptyDirectory();
  }

  @Test
  void should_empty_the_directory_of_an_earlier_node(@TempDir Path dir) throws IOException {
    NodeConfig earlier = new NodeConfig(dir, "127.0.0.1", 21001, 21002, 21003, 1024);
    earlier.writeFiles();
    Files.writeString(earlier.systemLog(), "old log");

    NodeConfig.prepareDir(dir);

    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void should_refuse_to_empty_a_directory_that_is_not_a_node(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("keep.txt"), "keep me");

    assertThatThrownBy(() -> NodeConfig.prepareDir(dir))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "refusing to empty "
                + dir
                + ": it is not a local Cassandra node directory; give an empty or new directory");
    assertThat(dir.resolve("keep.txt")).hasContent("keep me");
  }

  @Test
  void should_switch_on_tls_only_client_encryption_and_password_authentication_when_asked() {
    NodeCertificates tls =
        new NodeCertificates(
            NODE.resolve("conf/tls/ca.pem"), NODE.resolve("conf/tls/node.p12"), "pw123");
    NodeConfig secure = new NodeConfig(NODE, "127.0.0.1", 21001, 21002, 21003, 768, tls, true);

    assertThat(secure.yaml().lines().toList())
        .containsSubsequence(
            "authenticator: PasswordAuthenticator",
            "client_encryption_options:",
            "  enabled: true",
            "  optional: false",
            "  keystore: '/tmp/cqlp-node/conf/tls/node.p12'",
            "  keystore_password: \"pw123\"",
            "  store_type: PKCS12");
    assertThat(
            secure.command(
                Path.of("/usr/bin/java"), List.of(Path.of("/lib/cassandra-all-5.0.jar"))))
        .contains("-Dcassandra.superuser_setup_delay_ms=0");
    assertThat(config.yaml()).doesNotContain("client_encryption_options", "authenticator");
    assertThat(
            config.command(
                Path.of("/usr/bin/java"), List.of(Path.of("/lib/cassandra-all-5.0.jar"))))
        .doesNotContain("-Dcassandra.superuser_setup_delay_ms=0");
  }
}
