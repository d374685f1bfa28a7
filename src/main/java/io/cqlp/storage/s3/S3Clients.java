package io.cqlp.storage.s3;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * One S3 client per {@link S3Settings}, made on first use (the SDK's start-up stays off the shell's
 * start-up) and kept for the life of the process. Each counts its requests in {@link S3Requests}.
 *
 * <p>With an endpoint override (an S3-compatible store), request and response checksums are only
 * those the operation requires: current SDKs add CRC checksums to every upload, which older stores
 * refuse. The region is never looked up from an instance's metadata service: without a setting it
 * is the profile's, else us-east-1.
 */
final class S3Clients {
  private static final Map<S3Settings, S3Client> CLIENTS = new ConcurrentHashMap<>();

  private S3Clients() {}

  /** The client of these settings. */
  static S3Client client(S3Settings settings) {
    return CLIENTS.computeIfAbsent(settings, S3Clients::build);
  }

  private static S3Client build(S3Settings settings) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(region(settings)))
            .forcePathStyle(settings.pathStyle())
            .overrideConfiguration(c -> c.addExecutionInterceptor(new Counter()));
    DefaultCredentialsProvider.Builder credentials = DefaultCredentialsProvider.builder();
    if (settings.profile() != null) {
      credentials.profileName(settings.profile());
    }
    builder.credentialsProvider(credentials.build());
    if (settings.endpoint() != null) {
      builder
          .endpointOverride(URI.create(settings.endpoint()))
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return builder.build();
  }

  private static String region(S3Settings settings) {
    if (settings.region() != null) {
      return settings.region();
    }
    try {
      String profile =
          settings.profile() != null
              ? settings.profile()
              : Optional.ofNullable(System.getenv("AWS_PROFILE")).orElse("default");
      return ProfileFile.defaultProfileFile()
          .profile(profile)
          .flatMap(p -> p.property("region"))
          .orElse("us-east-1");
    } catch (RuntimeException e) {
      return "us-east-1";
    }
  }

  /** Counts each API call once, before its first attempt. */
  private static final class Counter implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      String name = context.request().getClass().getSimpleName();
      String op =
          name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
      S3Requests.count(op);
    }
  }
}
