package io.cqlp.session;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.metadata.Metadata;
import com.datastax.oss.driver.api.core.metrics.Metrics;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.api.core.type.reflect.GenericType;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A driver session opened without schema metadata, which fetches it the first time anyone asks for
 * the metadata: a one-shot {@code cqlp -e "SELECT ..."} then never reads the schema tables, while
 * DESCRIBE, completion and COPY (which plan from the keyspaces, tables and the token map) see the
 * full metadata as before.
 *
 * <p>{@link #getMetadata()} turns the driver's schema metadata on (a refresh of the schema and of
 * the token map's replicas) and waits for it once; later calls return at once, and the driver keeps
 * the metadata current from schema events from then on. {@link #prefetch()} starts the same refresh
 * without waiting, for the interactive shell, whose completion will want it. Everything else goes
 * to the driver's session unchanged.
 */
public final class SchemaOnDemandSession implements CqlSession {
  private static final Logger LOG = Logger.getLogger(SchemaOnDemandSession.class.getName());

  private final CqlSession delegate;
  private CompletableFuture<Metadata> schema;

  /**
   * @param delegate a session built with schema metadata disabled ({@code
   *     advanced.metadata.schema.enabled = false}); not null
   */
  SchemaOnDemandSession(CqlSession delegate) {
    this.delegate = delegate;
  }

  /** Starts fetching the schema metadata if nobody has yet; returns at once. */
  public void prefetch() {
    schema();
  }

  private synchronized CompletableFuture<Metadata> schema() {
    if (schema == null) {
      schema = delegate.setSchemaMetadataEnabled(true).toCompletableFuture();
    }
    return schema;
  }

  /**
   * The driver's metadata, with the schema: fetched and waited for on the first call.
   *
   * <p>If the fetch fails (a schema query timing out), the metadata is returned without the schema
   * and the next call tries again; an interrupt while waiting is kept on the thread.
   */
  @Override
  public Metadata getMetadata() {
    CompletableFuture<Metadata> loading = schema();
    try {
      loading.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.log(
          Level.WARNING,
          "schema metadata could not be fetched; trying again on next use",
          e.getCause());
      synchronized (this) {
        if (schema == loading) {
          delegate.setSchemaMetadataEnabled(false);
          schema = null;
        }
      }
    }
    return delegate.getMetadata();
  }

  @Override
  public String getName() {
    return delegate.getName();
  }

  @Override
  public boolean isSchemaMetadataEnabled() {
    return delegate.isSchemaMetadataEnabled();
  }

  @Override
  public CompletionStage<Metadata> setSchemaMetadataEnabled(Boolean newValue) {
    return delegate.setSchemaMetadataEnabled(newValue);
  }

  @Override
  public CompletionStage<Metadata> refreshSchemaAsync() {
    return delegate.refreshSchemaAsync();
  }

  @Override
  public CompletionStage<Boolean> checkSchemaAgreementAsync() {
    return delegate.checkSchemaAgreementAsync();
  }

  @Override
  public DriverContext getContext() {
    return delegate.getContext();
  }

  @Override
  public Optional<CqlIdentifier> getKeyspace() {
    return delegate.getKeyspace();
  }

  @Override
  public Optional<Metrics> getMetrics() {
    return delegate.getMetrics();
  }

  @Override
  public <RequestT extends Request, ResultT> ResultT execute(
      RequestT request, GenericType<ResultT> resultType) {
    return delegate.execute(request, resultType);
  }

  @Override
  public CompletionStage<Void> closeFuture() {
    return delegate.closeFuture();
  }

  @Override
  public CompletionStage<Void> closeAsync() {
    return delegate.closeAsync();
  }

  @Override
  public CompletionStage<Void> forceCloseAsync() {
    return delegate.forceCloseAsync();
  }
}
