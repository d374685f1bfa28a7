package io.cqlp.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ErrorsTest {
  private static S3Exception s3(int status, String code, String message) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .awsErrorDetails(
                AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
            .build();
  }

  @Test
  void should_say_what_to_change_for_each_common_failure() {
    String what = "s3://b/k";
    assertThat(S3Errors.describe(s3(404, "NoSuchBucket", "x"), what, null).getMessage())
        .isEqualTo("s3://b/k: the bucket does not exist; create it first or check the name");
    assertThat(S3Errors.describe(s3(404, "NoSuchKey", "x"), what, null))
        .isInstanceOf(FileNotFoundException.class);
    assertThat(S3Errors.describe(s3(403, "AccessDenied", "x"), what, null).getMessage())
        .contains("access denied");
    assertThat(S3Errors.describe(s3(403, "InvalidAccessKeyId", "x"), what, null).getMessage())
        .contains("check AWS_ACCESS_KEY_ID");
    assertThat(S3Errors.describe(s3(503, "SlowDown", "x"), what, null).getMessage())
        .contains("still throttling requests (SlowDown) after the retries");
    IOException unreachable =
        S3Errors.describe(
            SdkClientException.create(
                "Unable to execute HTTP request", new ConnectException("Connection refused")),
            what,
            "http://127.0.0.1:9");
    assertThat(unreachable.getMessage())
        .startsWith(
            "cannot reach the S3 endpoint http://127.0.0.1:9 for s3://b/k (Connection refused)");
    assertThat(
            S3Errors.describe(
                    SdkClientException.create(
                        "Unable to load credentials from any of the providers"),
                    what,
                    null)
                .getMessage())
        .startsWith("no AWS credentials for s3://b/k: set AWS_ACCESS_KEY_ID");
  }

  @Test
  void should_never_pass_on_a_signature_error_text_that_may_quote_the_request() {
    String line =
        S3Errors.describe(
                s3(403, "SignatureDoesNotMatch", "StringToSign AWS4-HMAC-SHA256 secret-ish"),
                "s3://b/k",
                null)
            .getMessage();
    assertThat(line)
        .contains("the secret key does not match the access key")
        .doesNotContain("StringToSign");
  }
}
