package io.cqlp.local;

/**
 * How closed a local node is to its clients.
 *
 * @param clientTls the CQL port speaks TLS only ({@code client_encryption_options} enabled, not
 *     optional), with a server certificate of a fresh authority ({@link NodeCertificates}); no
 *     client certificate is asked for
 * @param passwordAuthentication Cassandra's {@code PasswordAuthenticator}, with its default
 *     superuser {@code cassandra}/{@code cassandra}, created as soon as the node starts
 */
public record NodeSecurity(boolean clientTls, boolean passwordAuthentication) {

  /** Plain CQL, no login: how {@link LocalCassandra#start} starts a node. */
  public static final NodeSecurity NONE = new NodeSecurity(false, false);

  /** The default superuser's name and password when {@link #passwordAuthentication()}. */
  public static final String SUPERUSER = "cassandra";
}
