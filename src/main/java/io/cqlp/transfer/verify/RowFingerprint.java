package io.cqlp.transfer.verify;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import io.cqlp.transfer.CellTimes;
import io.cqlp.types.ColumnSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What VERIFY keeps of a row: its primary key as text ({@code id=5, ck='a'}, each value as a CQL
 * literal) and one 64-bit hash per other column of a value's canonical form, so that rows of any
 * size compare in a few bytes each.
 *
 * <p>The canonical form is the value's CQL protocol encoding (the driver's codec), with two rules
 * that make equal CQL values equal however a file holds them: the elements of a set and the entries
 * of a map are sorted by their encoding (a file need not keep Cassandra's order), and an empty
 * non-frozen collection is NULL (Cassandra stores none and returns NULL for it). A hash is the
 * first 8 bytes of the SHA-256 of that form, so two different values collide with a chance of
 * 2^-64. Not thread-safe.
 */
final class RowFingerprint {
  private static final long NULL_HASH = 0x6e756c6c_6e756c6cL;

  private final List<ColumnSpec> keys;
  private final List<ColumnSpec> cells;
  private final TypeCodec<Object>[] keyCodecs;
  private final CodecRegistry registry;
  private final ProtocolVersion protocolVersion;
  private final MessageDigest sha;

  /**
   * @param keys the primary key columns, in key order; not empty
   * @param cells the other compared columns, in the order of {@link #hashes}
   */
  @SuppressWarnings("unchecked")
  RowFingerprint(
      List<ColumnSpec> keys,
      List<ColumnSpec> cells,
      CodecRegistry registry,
      ProtocolVersion protocolVersion) {
    this.keys = List.copyOf(keys);
    this.cells = List.copyOf(cells);
    this.registry = registry;
    this.protocolVersion = protocolVersion;
    keyCodecs = (TypeCodec<Object>[]) new TypeCodec<?>[keys.size()];
    for (int i = 0; i < keyCodecs.length; i++) {
      keyCodecs[i] = registry.codecFor(keys.get(i).type());
    }
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The compared columns other than the key, in the order of {@link #hashes}. */
  List<ColumnSpec> cells() {
    return cells;
  }

  /**
   * The key of a row whose first values are the key columns: {@code name=literal, ...}.
   *
   * @param row key values then cell values, as {@link #keys} and {@link #cells}
   */
  String key(Object[] row) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < keyCodecs.length; i++) {
      out.append(i == 0 ? "" : ", ")
          .append(keys.get(i).name())
          .append('=')
          .append(keyCodecs[i].format(row[i]));
    }
    return out.toString();
  }

  /** A 64-bit hash of a key's text, to spread keys over buckets. */
  long keyHash(String key) {
    return hash(key.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * One hash per cell column.
   *
   * @param row key values then cell values, as {@link #keys} and {@link #cells}
   */
  long[] hashes(Object[] row) {
    long[] out = new long[cells.size()];
    for (int i = 0; i < out.length; i++) {
      byte[] canonical = canonical(cells.get(i).type(), row[keys.size() + i]);
      out[i] = canonical == null ? NULL_HASH : hash(canonical);
    }
    return out;
  }

  private long hash(byte[] bytes) {
    byte[] d = sha.digest(bytes);
    return ByteBuffer.wrap(d).getLong();
  }

  /** The canonical form of a value of a type, or null for NULL. */
  byte[] canonical(DataType type, Object value) {
    if (value == null || (CellTimes.isMultiCell(type) && isEmpty(value))) {
      return null;
    }
    if (type instanceof SetType s) {
      List<byte[]> elements = new ArrayList<>();
      for (Object e : (Collection<?>) value) {
        elements.add(encode(s.getElementType(), e));
      }
      return joinSorted(elements);
    }
    if (type instanceof MapType m) {
      List<byte[]> entries = new ArrayList<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        byte[] k = encode(m.getKeyType(), e.getKey());
        byte[] v = encode(m.getValueType(), e.getValue());
        entries.add(join(List.of(k, v)));
      }
      return joinSorted(entries);
    }
    return encode(type, value);
  }

  @SuppressWarnings("unchecked")
  private byte[] encode(DataType type, Object value) {
    if (value == null) {
      return new byte[0];
    }
    ByteBuffer b = registry.<Object>codecFor(type).encode(value, protocolVersion);
    if (b == null) {
      return new byte[0];
    }
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  private static byte[] joinSorted(List<byte[]> parts) {
    parts.sort(Arrays::compareUnsigned);
    return join(parts);
  }

  /** Each part as its length (4 bytes) then its bytes, so that no two lists join alike. */
  private static byte[] join(List<byte[]> parts) {
    int size = 0;
    for (byte[] p : parts) {
      size += 4 + p.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    for (byte[] p : parts) {
      out.putInt(p.length).put(p);
    }
    return out.array();
  }

  private static boolean isEmpty(Object value) {
    return (value instanceof Collection<?> c && c.isEmpty())
        || (value instanceof Map<?, ?> m && m.isEmpty());
  }
}
