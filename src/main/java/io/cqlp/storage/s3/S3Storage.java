package io.cqlp.storage.s3;

import io.cqlp.storage.Location;
import io.cqlp.storage.StagedFile;
import io.cqlp.storage.Storage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.parquet.io.InputFile;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One bucket of an S3 (or S3-compatible) object store, through the AWS SDK for Java v2.
 *
 * <p>Keys are paths: {@code /} separates directories, a directory is the prefix {@code dir/} of the
 * keys below it (S3 has no directories of its own), and listing a directory is one ListObjectsV2
 * request with the delimiter {@code /} per 1,000 entries. Reads are ranged GETs ({@link
 * S3InputFile}); writes are multipart uploads completed only when published ({@link S3StagedFile}),
 * or, for the files of a dataset, when the whole dataset is committed ({@link UploadGroup}). Failed
 * requests are retried by the SDK's standard retry policy (transient errors, throttling, dropped
 * connections), then reported as one {@link IOException} line.
 */
public final class S3Storage implements Storage {
  private final S3Settings settings;
  private final S3Client client;
  private final String bucket;
  private final UploadGroup group;

  private S3Storage(S3Settings settings, String bucket, UploadGroup group) {
    this.settings = settings;
    this.client = S3Clients.client(settings);
    this.bucket = bucket;
    this.group = group;
  }

  /**
   * The storage of one bucket.
   *
   * @param settings endpoint, region, profile and addressing
   * @param bucket the bucket's name; not empty
   */
  public static S3Storage of(S3Settings settings, String bucket) {
    return new S3Storage(settings, bucket, null);
  }

  /**
   * The same bucket, with every file created through it joining {@code group}: its upload is
   * finished when the file is published, but completed (made visible) only by {@link
   * UploadGroup#completeAll()}.
   */
  public S3Storage deferred(UploadGroup group) {
    return new S3Storage(settings, bucket, Objects.requireNonNull(group, "group"));
  }

  /** The bucket's name. */
  public String bucket() {
    return bucket;
  }

  S3Client client() {
    return client;
  }

  UploadGroup group() {
    return group;
  }

  /** The SDK's exception as one line about {@code key}. */
  IOException error(SdkException e, String key) {
    return S3Errors.describe(e, display(key), settings.endpoint());
  }

  @Override
  public boolean isFile(String key) throws IOException {
    if (key.isEmpty()) {
      return false;
    }
    try {
      client.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404 && !"NoSuchBucket".equals(code(e))) {
        return false;
      }
      throw error(e, key);
    } catch (SdkException e) {
      throw error(e, key);
    }
  }

  @Override
  public boolean isDirectory(String key) throws IOException {
    try {
      ListObjectsV2Response page =
          client.listObjectsV2(b -> b.bucket(bucket).prefix(prefix(key)).maxKeys(1));
      return key.isEmpty() || page.keyCount() > 0;
    } catch (SdkException e) {
      throw error(e, key);
    }
  }

  @Override
  public long size(String key) throws IOException {
    try {
      return client.headObject(b -> b.bucket(bucket).key(key)).contentLength();
    } catch (S3Exception e) {
      if (e.statusCode() == 404 && !"NoSuchBucket".equals(code(e))) {
        throw new FileNotFoundException(display(key) + ": no such object");
      }
      throw error(e, key);
    } catch (SdkException e) {
      throw error(e, key);
    }
  }

  @Override
  public List<Entry> list(String key) throws IOException {
    String prefix = prefix(key);
    List<Entry> entries = new ArrayList<>();
    try {
      ListObjectsV2Request request =
          ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/").build();
      for (ListObjectsV2Response page : client.listObjectsV2Paginator(request)) {
        for (CommonPrefix p : page.commonPrefixes()) {
          String dir = p.prefix().substring(0, p.prefix().length() - 1);
          entries.add(new Entry(new Location(this, dir), true, 0));
        }
        for (S3Object o : page.contents()) {
          if (!o.key().equals(prefix)) {
            entries.add(new Entry(new Location(this, o.key()), false, o.size()));
          }
        }
      }
    } catch (SdkException e) {
      throw error(e, key);
    }
    if (entries.isEmpty() && !key.isEmpty()) {
      throw new FileNotFoundException(
          display(key) + "/: no such directory (no object has this prefix)");
    }
    entries.sort(Comparator.comparing(e -> e.location().path()));
    return entries;
  }

  /**
   * Every object below the directory {@code key}, at any depth, sorted by key.
   *
   * @return the objects; empty when there are none
   */
  public List<Entry> listAll(String key) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try {
      ListObjectsV2Request request =
          ListObjectsV2Request.builder().bucket(bucket).prefix(prefix(key)).build();
      for (ListObjectsV2Response page : client.listObjectsV2Paginator(request)) {
        for (S3Object o : page.contents()) {
          entries.add(new Entry(new Location(this, o.key()), false, o.size()));
        }
      }
    } catch (SdkException e) {
      throw error(e, key);
    }
    return entries;
  }

  /**
   * The multipart uploads begun and neither completed nor aborted at or below {@code key}: what a
   * process killed mid-export (SIGKILL, a crash) leaves behind.
   *
   * @return each upload's key and id, and when it began
   */
  public List<MultipartUpload> pendingUploads(String key) throws IOException {
    List<MultipartUpload> uploads = new ArrayList<>();
    try {
      for (var page : client.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(key))) {
        uploads.addAll(page.uploads());
      }
    } catch (SdkException e) {
      throw error(e, key);
    }
    return uploads;
  }

  /**
   * Aborts a pending multipart upload; its parts are deleted.
   *
   * @param upload one of {@link #pendingUploads}
   */
  public void abort(MultipartUpload upload) throws IOException {
    try {
      client.abortMultipartUpload(
          b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
    } catch (SdkException e) {
      throw error(e, upload.key());
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    try {
      return client.getObject(b -> b.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw error(e, key);
    }
  }

  @Override
  public InputFile inputFile(String key) throws IOException {
    return new S3InputFile(this, key);
  }

  @Override
  public StagedFile create(Location target) throws IOException {
    if (target.path().isEmpty()) {
      throw new IOException("cannot write '" + target + "': name an object key after the bucket");
    }
    return new S3StagedFile(this, target);
  }

  @Override
  public void delete(String key) throws IOException {
    try {
      client.deleteObject(b -> b.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw error(e, key);
    }
  }

  /** Writes a small object in one request, visible at once (the dataset's {@code _SUCCESS}). */
  public void put(String key, byte[] content) throws IOException {
    try {
      client.putObject(
          b -> b.bucket(bucket).key(key),
          software.amazon.awssdk.core.sync.RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw error(e, key);
    }
  }

  @Override
  public String name(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  @Override
  public String resolve(String key, String relative) {
    String rel = relative.replaceAll("^/+|/+$", "");
    return key.isEmpty() ? rel : rel.isEmpty() ? key : key + "/" + rel;
  }

  @Override
  public String display(String key) {
    return "s3://" + bucket + "/" + key;
  }

  private static String prefix(String key) {
    return key.isEmpty() ? "" : key + "/";
  }

  private static String code(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof S3Storage s
        && s.settings.equals(settings)
        && s.bucket.equals(bucket)
        && s.group == group;
  }

  @Override
  public int hashCode() {
    return Objects.hash(settings, bucket, System.identityHashCode(group));
  }
}
