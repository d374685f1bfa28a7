package io.cqlp.repl.completion;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.RelationMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SchemaView} over the driver's schema metadata ({@code session.getMetadata()}), read at
 * each call: the driver refreshes that metadata on schema change events, so completion sees a new
 * table as soon as the driver does.
 */
public final class DriverSchemaView implements SchemaView {
  private final CqlSession session;

  /**
   * @param session the open session; not null, owned by the caller
   */
  public DriverSchemaView(CqlSession session) {
    this.session = session;
  }

  @Override
  public List<String> keyspaces() {
    List<String> names = new ArrayList<>();
    session.getMetadata().getKeyspaces().keySet().forEach(id -> names.add(id.asCql(true)));
    return names;
  }

  @Override
  public List<String> tables(String keyspace) {
    List<String> names = new ArrayList<>();
    keyspace(keyspace)
        .ifPresent(
            ks -> {
              ks.getTables().keySet().forEach(id -> names.add(id.asCql(true)));
              ks.getViews().keySet().forEach(id -> names.add(id.asCql(true)));
            });
    return names;
  }

  @Override
  public List<String> columns(String keyspace, String table) {
    List<String> names = new ArrayList<>();
    keyspace(keyspace == null ? currentKeyspace() : keyspace)
        .ifPresent(
            ks -> {
              CqlIdentifier id = CqlIdentifier.fromCql(table);
              Optional<? extends RelationMetadata> relation =
                  ks.getTable(id).map(t -> (RelationMetadata) t).or(() -> ks.getView(id));
              relation.ifPresent(
                  r -> r.getColumns().keySet().forEach(c -> names.add(c.asCql(true))));
            });
    return names;
  }

  @Override
  public String currentKeyspace() {
    return session.getKeyspace().map(id -> id.asCql(true)).orElse(null);
  }

  private Optional<KeyspaceMetadata> keyspace(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    try {
      return session.getMetadata().getKeyspace(CqlIdentifier.fromCql(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
