package io.cqlp.format.parquet.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.util.Native;

/**
 * ZSTD compression at a chosen level. aircompressor (pure Java, used for the default level 3)
 * implements only the strategies of levels 3 and 4, so other levels go through zstd-jni, the zstd
 * library's JNI binding that parquet-hadoop already brings (its jar carries the native library for
 * the common platforms and unpacks it on first use).
 */
final class ZstdLevels {
  private ZstdLevels() {}

  /**
   * Checks that the native library loads.
   *
   * @throws IllegalArgumentException with a one-line message if it does not
   */
  static void requireAvailable(int level) {
    try {
      Native.load();
    } catch (LinkageError | RuntimeException e) {
      throw new IllegalArgumentException(
          "ZSTD level "
              + level
              + " needs the zstd native"
              + " library, which cannot be loaded here ("
              + e.getMessage()
              + "); use the default level 3");
    }
  }

  /** One ZSTD frame of the whole input at the given level (1 to 22). */
  static byte[] compress(byte[] input, int level) {
    return Zstd.compress(input, level);
  }
}
