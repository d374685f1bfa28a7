package io.cqlp.tls;

import java.io.ByteArrayOutputStream;

/**
 * Wraps a PKCS#1 RSAPrivateKey (the body of {@code BEGIN RSA PRIVATE KEY}) into the PKCS#8
 * PrivateKeyInfo that {@link java.security.KeyFactory} reads (RFC 5208: version 0, the
 * rsaEncryption algorithm identifier with NULL parameters, the key as an OCTET STRING).
 */
final class Pkcs1 {
  /** SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }. */
  private static final byte[] RSA_ALGORITHM = {
    0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
  };
  private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

  private Pkcs1() {}

  static byte[] toPkcs8(byte[] pkcs1) {
    byte[] octets = Der.tlv(0x04, pkcs1);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(VERSION_0);
    body.writeBytes(RSA_ALGORITHM);
    body.writeBytes(octets);
    return Der.tlv(0x30, body.toByteArray());
  }
}
