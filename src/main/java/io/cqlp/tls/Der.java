package io.cqlp.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The few DER encodings (ITU-T X.690) an X.509 certificate needs: tag-length-value, INTEGER,
 * OBJECT IDENTIFIER, UTF8String, UTCTime, BIT STRING, OCTET STRING, BOOLEAN, SEQUENCE, SET and
 * explicit context tags. Used to make the certificates of local test nodes.
 */
public final class Der {
  private Der() {}

  /**
   * One tag-length-value: {@code tag}, the definite length (short or long form) of the parts
   * together, then the parts.
   *
   * @param tag the identifier octet (e.g. {@code 0x30} SEQUENCE)
   * @param parts the encoded contents, concatenated; none for an empty value
   * @return the DER bytes
   */
  public static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream value = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      value.writeBytes(part);
    }
    int length = value.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(value.toByteArray());
    return out.toByteArray();
  }

  /** A SEQUENCE of already encoded parts. */
  public static byte[] sequence(byte[]... parts) {
    return tlv(0x30, parts);
  }

  /** A SET of already encoded parts (the caller orders them, as DER wants). */
  public static byte[] set(byte[]... parts) {
    return tlv(0x31, parts);
  }

  /** An INTEGER in two's complement, minimal length. */
  public static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  /** A BOOLEAN: {@code 0xff} for true, 0 for false. */
  public static byte[] bool(boolean value) {
    return tlv(0x01, new byte[] {(byte) (value ? 0xff : 0)});
  }

  /** A UTF8String. */
  public static byte[] utf8(String text) {
    return tlv(0x0c, text.getBytes(StandardCharsets.UTF_8));
  }

  /** UTCTime, {@code yyMMddHHmmssZ}: for dates from 1950 to 2049. */
  public static byte[] utcTime(String yyMMddHHmmss) {
    return tlv(0x17, (yyMMddHHmmss + "Z").getBytes(StandardCharsets.US_ASCII));
  }

  /** A BIT STRING of whole bytes (no unused bits). */
  public static byte[] bitString(byte[] bits) {
    byte[] value = new byte[bits.length + 1];
    System.arraycopy(bits, 0, value, 1, bits.length);
    return tlv(0x03, value);
  }

  /** An OCTET STRING. */
  public static byte[] octetString(byte[] bytes) {
    return tlv(0x04, bytes);
  }

  /** {@code [n] EXPLICIT}. */
  public static byte[] explicit(int n, byte[] inner) {
    return tlv(0xa0 | n, inner);
  }

  /**
   * An OBJECT IDENTIFIER.
   *
   * @param dotted its arcs, e.g. {@code 1.2.840.113549.1.1.11}
   * @throws NumberFormatException if an arc is not a number
   */
  public static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(40 * Integer.parseInt(arcs[0]) + Integer.parseInt(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      long arc = Long.parseLong(arcs[i]);
      int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
      for (int g = groups - 1; g >= 0; g--) {
        int b = (int) ((arc >>> (7 * g)) & 0x7f);
        out.write(g == 0 ? b : b | 0x80);
      }
    }
    return tlv(0x06, out.toByteArray());
  }
}
