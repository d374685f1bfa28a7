package io.cqlp.storage.s3;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How to reach an S3 endpoint, after the AWS conventions: each setting comes from the statement's
 * WITH option, else the environment, else the cqlshrc section {@code [s3]} ({@link
 * #setFileDefaults}), else the AWS SDK's own default.
 *
 * <table>
 *   <caption>Sources of each setting</caption>
 *   <tr><th>setting</th><th>WITH option</th><th>environment</th><th>cqlshrc [s3]</th><th>default</th></tr>
 *   <tr><td>endpoint</td><td>S3_ENDPOINT</td><td>AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL</td>
 *       <td>endpoint</td><td>AWS's own for the region</td></tr>
 *   <tr><td>region</td><td>S3_REGION</td><td>AWS_REGION, AWS_DEFAULT_REGION</td><td>region</td>
 *       <td>the profile's region, else us-east-1</td></tr>
 *   <tr><td>profile</td><td>AWS_PROFILE</td><td>AWS_PROFILE</td><td>profile</td><td>default</td></tr>
 *   <tr><td>path-style addressing</td><td>S3_PATH_STYLE</td><td></td><td>path_style</td>
 *       <td>true with an endpoint, else false</td></tr>
 * </table>
 *
 * <p>Credentials are never settings here: they come from the SDK's default chain (AWS_ACCESS_KEY_ID
 * / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, then {@code ~/.aws/credentials} and {@code
 * ~/.aws/config} for the profile, then the container and instance roles).
 *
 * @param endpoint the endpoint URL ({@code http://127.0.0.1:9000}), or null for AWS's
 * @param region the region name, or null for the profile's or us-east-1
 * @param profile the profile of {@code ~/.aws/credentials} and {@code ~/.aws/config}, or null
 * @param pathStyle whether to address buckets in the path ({@code host/bucket/key}) rather than the
 *     host name
 */
public record S3Settings(String endpoint, String region, String profile, boolean pathStyle) {

  /** WITH option: the endpoint URL. */
  public static final String ENDPOINT = "S3_ENDPOINT";

  /** WITH option: the region. */
  public static final String REGION = "S3_REGION";

  /** WITH option: the credentials profile. */
  public static final String PROFILE = "AWS_PROFILE";

  /** WITH option: path-style addressing (true/false). */
  public static final String PATH_STYLE = "S3_PATH_STYLE";

  /** The WITH options of object storage, accepted by every statement that takes a path. */
  public static final Set<String> OPTIONS = Set.of(ENDPOINT, REGION, PROFILE, PATH_STYLE);

  private static volatile Map<String, String> fileDefaults = Map.of();

  /**
   * Sets the cqlshrc {@code [s3]} section's values ({@code endpoint}, {@code region}, {@code
   * profile}, {@code path_style}), the last source before the SDK's defaults.
   *
   * @param section the section's names (lower case) and values; not null
   */
  public static void setFileDefaults(Map<String, String> section) {
    fileDefaults = Map.copyOf(section);
  }

  /**
   * Resolves the settings of one statement.
   *
   * @param option the statement's WITH option of a name ({@link #OPTIONS}), or null when not given
   * @param env the environment ({@code System::getenv})
   * @return the settings
   * @throws IllegalArgumentException if S3_PATH_STYLE or path_style is not true or false, or the
   *     endpoint is not an http(s) URL
   */
  public static S3Settings resolve(Function<String, String> option, Function<String, String> env) {
    Map<String, String> file = fileDefaults;
    String endpoint =
        first(
            option.apply(ENDPOINT),
            env.apply("AWS_ENDPOINT_URL_S3"),
            env.apply("AWS_ENDPOINT_URL"),
            file.get("endpoint"));
    String region =
        first(
            option.apply(REGION),
            env.apply("AWS_REGION"),
            env.apply("AWS_DEFAULT_REGION"),
            file.get("region"));
    String profile = first(option.apply(PROFILE), env.apply("AWS_PROFILE"), file.get("profile"));
    String style = first(option.apply(PATH_STYLE), file.get("path_style"));
    if (endpoint != null && !endpoint.matches("(?i)https?://[^\\s]+")) {
      throw new IllegalArgumentException(
          "the S3 endpoint '" + endpoint + "' is not an http:// or https:// URL");
    }
    boolean pathStyle = endpoint != null;
    if (style != null) {
      String s = style.trim().toLowerCase(Locale.ROOT);
      if (!s.equals("true") && !s.equals("false")) {
        throw new IllegalArgumentException(
            "S3_PATH_STYLE (path_style) must be true or false, got '" + style + "'");
      }
      pathStyle = s.equals("true");
    }
    return new S3Settings(endpoint, region, profile, pathStyle);
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }
}
