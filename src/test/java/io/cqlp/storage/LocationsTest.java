package io.cqlp.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.storage.s3.S3Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationsTest {
  @TempDir Path dir;

  @Test
  void should_read_an_s3_path_as_bucket_and_key_without_trailing_slash() {
    Location file = Locations.resolve("s3://my-bucket/a/b/flights.parquet");
    assertThat(file.storage()).isInstanceOf(S3Storage.class);
    assertThat(((S3Storage) file.storage()).bucket()).isEqualTo("my-bucket");
    assertThat(file.path()).isEqualTo("a/b/flights.parquet");
    assertThat(file.name()).isEqualTo("flights.parquet");
    assertThat(file.toString()).isEqualTo("s3://my-bucket/a/b/flights.parquet");
    assertThat(file.parent().path()).isEqualTo("a/b");

    Location dataset = Locations.resolve("S3://my-bucket/flights/");
    assertThat(dataset.path()).isEqualTo("flights");
    assertThat(dataset.resolve("origin=ATL/part-00000.parquet").path())
        .isEqualTo("flights/origin=ATL/part-00000.parquet");
    assertThat(dataset.relativize(dataset.resolve("origin=ATL/part-00000.parquet")))
        .isEqualTo("origin=ATL/part-00000.parquet");
    assertThat(Locations.resolve("s3://my-bucket").path()).isEmpty();
    assertThat(Locations.resolve("s3://my-bucket/").resolve("x").path()).isEqualTo("x");
    assertThat(Locations.endsAsDirectory("s3://my-bucket/flights/")).isTrue();
  }

  @Test
  void should_refuse_an_s3_path_without_a_valid_bucket_in_one_line() {
    assertThatThrownBy(() -> Locations.resolve("s3:///key"))
        .hasMessageContaining("has no valid bucket name");
    assertThatThrownBy(() -> Locations.resolve("s3://Upper/key"))
        .hasMessageContaining("3 to 63 lower-case");
    assertThatThrownBy(() -> Locations.resolve("s3://ab/key"))
        .hasMessageContaining("no valid bucket name ('ab')");
    assertThatThrownBy(() -> Locations.resolve("s3://bucket/a//b"))
        .hasMessageContaining("empty directory name");
  }

  @Test
  void should_keep_local_paths_local_and_stage_writes_beside_the_target() throws Exception {
    Location target = Locations.resolve(dir.resolve("out.csv").toString());
    assertThat(target.isLocal()).isTrue();
    assertThat(target.localPath()).isEqualTo(dir.resolve("out.csv"));
    try (StagedFile file = target.create()) {
      file.stream().write("a,b\n".getBytes());
      assertThat(Files.exists(dir.resolve("out.csv"))).isFalse();
      assertThat(file.size()).isEqualTo(4);
      file.publish();
    }
    assertThat(Files.readString(dir.resolve("out.csv"))).isEqualTo("a,b\n");
    try (StagedFile file = target.create()) {
      file.stream().write("other".getBytes());
    }
    assertThat(Files.readString(dir.resolve("out.csv")))
        .as("discarded on close")
        .isEqualTo("a,b\n");
    try (var names = Files.list(dir)) {
      assertThat(names).containsExactly(dir.resolve("out.csv"));
    }
    assertThatThrownBy(() -> Locations.resolve(dir.resolve("nope/x.csv").toString()).create())
        .hasMessageContaining("does not exist");
  }

  @Test
  void should_list_files_and_directories_but_not_symbolic_links() throws Exception {
    Files.createDirectories(dir.resolve("k=1"));
    Files.writeString(dir.resolve("a.parquet"), "12345");
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("k=1"));
    var entries = Location.local(dir).list();
    assertThat(entries)
        .extracting(e -> e.location().name(), Storage.Entry::directory, Storage.Entry::size)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a.parquet", false, 5L),
            org.assertj.core.groups.Tuple.tuple("k=1", true, 0L));
  }

  @Test
  void should_take_s3_settings_from_the_statement_then_the_environment_then_the_cqlshrc() {
    io.cqlp.storage.s3.S3Settings.setFileDefaults(
        Map.of(
            "endpoint",
            "http://file:1",
            "region",
            "eu-west-1",
            "profile",
            "p-file",
            "path_style",
            "false"));
    try {
      Map<String, String> env =
          Map.of("AWS_ENDPOINT_URL", "http://env:2", "AWS_ENDPOINT_URL_S3", "http://env-s3:3");
      var fromEnv = io.cqlp.storage.s3.S3Settings.resolve(n -> null, env::get);
      assertThat(fromEnv.endpoint()).isEqualTo("http://env-s3:3");
      assertThat(fromEnv.region()).isEqualTo("eu-west-1");
      assertThat(fromEnv.profile()).isEqualTo("p-file");
      assertThat(fromEnv.pathStyle()).isFalse();
      Map<String, String> options =
          Map.of("S3_ENDPOINT", "https://opt:4", "S3_REGION", "us-west-2", "S3_PATH_STYLE", "true");
      var fromOptions = io.cqlp.storage.s3.S3Settings.resolve(options::get, env::get);
      assertThat(fromOptions.endpoint()).isEqualTo("https://opt:4");
      assertThat(fromOptions.region()).isEqualTo("us-west-2");
      assertThat(fromOptions.pathStyle()).isTrue();
      assertThatThrownBy(
              () ->
                  io.cqlp.storage.s3.S3Settings.resolve(
                      Map.of("S3_ENDPOINT", "localhost:9000")::get, env::get))
          .hasMessageContaining("not an http:// or https:// URL");
    } finally {
      io.cqlp.storage.s3.S3Settings.setFileDefaults(Map.of());
    }
    var none = io.cqlp.storage.s3.S3Settings.resolve(n -> null, n -> null);
    assertThat(none.endpoint()).isNull();
    assertThat(none.pathStyle()).as("virtual-host style on AWS itself").isFalse();
  }
}
