package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.format.parquet.read.ParquetRowReader;
import io.cqlp.format.parquet.write.ParquetRowWriter;
import io.cqlp.format.parquet.write.ParquetWriteOptions;
import io.cqlp.storage.Location;
import io.cqlp.storage.Locations;
import io.cqlp.storage.StagedFile;
import io.cqlp.storage.s3.S3Requests;
import io.cqlp.transfer.dataset.ObjectStoreDataset;
import io.cqlp.transfer.dataset.WriteMode;
import io.cqlp.types.ColumnSpec;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * cqlp's object storage against a real S3 server (s3proxy, {@link S3Server}), below the shell:
 * multipart uploads that appear only when published, aborted uploads that leave nothing, ranged
 * reads of Parquet files, and the dataset commit that makes many files appear together.
 */
class S3StorageIT {
  private static S3Server server;
  private static String bucket;

  @BeforeAll
  static void start() throws Exception {
    server = S3Server.shared();
    bucket = server.createBucket("storage");
    // The SDK's default credentials chain reads these system properties; the endpoint comes
    // from the S3_ENDPOINT option of each location below.
    System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3Server.SECRET);
  }

  private static Location at(String key) {
    Map<String, String> options =
        Map.of("S3_ENDPOINT", server.endpoint(), "S3_REGION", "us-east-1");
    return Locations.resolve("s3://" + bucket + "/" + key, options::get);
  }

  @Test
  void should_stream_a_multipart_upload_that_appears_only_when_published() throws Exception {
    byte[] content = new byte[20 * 1024 * 1024 + 12345];
    new Random(7).nextBytes(content);
    Location target = at("big/object.bin");
    S3Requests.take();
    try (StagedFile file = target.create()) {
      OutputStream out = file.stream();
      for (int off = 0; off < content.length; off += 100_000) {
        out.write(content, off, Math.min(100_000, content.length - off));
      }
      assertThat(server.keys(bucket, "big/")).as("nothing visible before publish").isEmpty();
      assertThat(server.pendingUploads(bucket, "big/")).hasSize(1);
      file.publish();
      assertThat(file.size()).isEqualTo(content.length);
    }
    assertThat(server.keys(bucket, "big/")).containsExactly("big/object.bin");
    assertThat(server.pendingUploads(bucket, "big/")).isEmpty();
    Map<String, Long> requests = S3Requests.take();
    assertThat(requests)
        .containsEntry("CreateMultipartUpload", 1L)
        .containsEntry("UploadPart", 3L)
        .containsEntry("CompleteMultipartUpload", 1L);
    try (InputStream in = target.open()) {
      assertThat(sha(in.readAllBytes())).isEqualTo(sha(content));
    }
    assertThat(target.size()).isEqualTo(content.length);
  }

  @Test
  void should_leave_no_object_and_no_pending_upload_when_discarded() throws Exception {
    Location target = at("discarded/object.bin");
    StagedFile file = target.create();
    file.stream().write(new byte[9 * 1024 * 1024]);
    file.discard();
    assertThat(server.keys(bucket, "discarded/")).isEmpty();
    assertThat(server.pendingUploads(bucket, "discarded/")).isEmpty();
  }

  @Test
  void should_write_and_read_back_parquet_with_ranged_reads_of_the_footer_and_chunks()
      throws Exception {
    List<ColumnSpec> columns =
        List.of(
            ColumnSpec.regular("id", DataTypes.BIGINT), ColumnSpec.regular("v", DataTypes.TEXT));
    Location target = at("pq/rows.parquet");
    try (ParquetRowWriter writer =
        ParquetRowWriter.open(target, columns, ParquetWriteOptions.defaults())) {
      for (long i = 0; i < 100_000; i++) {
        writer.write(new Object[] {i, "value " + i});
      }
      writer.commit();
    }
    S3Requests.take();
    List<Object[]> rows = new ArrayList<>();
    try (ParquetRowReader reader = ParquetRowReader.open(target, columns, true)) {
      Object[] row;
      while ((row = reader.next()) != null) {
        rows.add(row.clone());
      }
    }
    assertThat(rows).hasSize(100_000);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i)).containsExactly((long) i, "value " + i);
    }
    Map<String, Long> requests = S3Requests.take();
    assertThat(requests)
        .as("one GET for the tail with the footer, one for the row group's chunks")
        .containsExactly(Map.entry("GetObject", 2L));
  }

  @Test
  void should_make_a_dataset_appear_whole_on_commit_and_not_at_all_on_discard() throws Exception {
    ObjectStoreDataset dataset = ObjectStoreDataset.create(at("ds"), WriteMode.ERROR_IF_NOT_EMPTY);
    for (String dir : List.of("k=1", "k=2")) {
      StagedFile part = dataset.partFile(dir, "part-00000.parquet").create();
      part.stream().write(("data of " + dir).getBytes());
      part.publish();
    }
    assertThat(server.keys(bucket, "ds/")).as("finished files wait for the commit").isEmpty();
    assertThat(server.pendingUploads(bucket, "ds/")).hasSize(2);
    dataset.publish();
    assertThat(server.keys(bucket, "ds/"))
        .containsExactly("ds/_SUCCESS", "ds/k=1/part-00000.parquet", "ds/k=2/part-00000.parquet");
    assertThat(server.pendingUploads(bucket, "ds/")).isEmpty();

    assertThatThrownBy(() -> ObjectStoreDataset.create(at("ds"), WriteMode.ERROR_IF_NOT_EMPTY))
        .hasMessageContaining("is not empty: add OVERWRITE=true");

    ObjectStoreDataset appended = ObjectStoreDataset.create(at("ds"), WriteMode.APPEND);
    Location next = appended.partFile("k=1", "part-00000.parquet");
    assertThat(next.name())
        .as("APPEND numbers after the files there")
        .isEqualTo("part-00001.parquet");
    StagedFile part = next.create();
    part.stream().write(1);
    part.publish();
    appended.discard();
    assertThat(server.keys(bucket, "ds/")).hasSize(3);
    assertThat(server.pendingUploads(bucket, "ds/")).isEmpty();
  }

  private static String sha(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
