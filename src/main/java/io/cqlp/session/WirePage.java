package io.cqlp.session;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ColumnDefinitions;
import com.datastax.oss.driver.api.core.cql.ExecutionInfo;
import com.datastax.oss.driver.api.core.cql.QueryTrace;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.detach.AttachmentPoint;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import com.datastax.oss.driver.internal.core.cql.DefaultColumnDefinition;
import com.datastax.oss.driver.internal.core.cql.DefaultColumnDefinitions;
import com.datastax.oss.driver.internal.core.cql.DefaultRow;
import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.response.result.ColumnSpec;
import com.datastax.oss.protocol.internal.response.result.Rows;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One page of rows that a {@link io.cqlp.wire.WireConnection} fetched, as the driver's {@link
 * AsyncResultSet}: the rows are the driver's own {@code DefaultRow}s over the bytes the server
 * sent, decoded by the driver's default codecs for protocol v5, so everything that prints or
 * converts a driver row reads them unchanged. The driver's {@code ResultSets.newInstance} turns the
 * first page into a synchronous {@code ResultSet} that fetches the next ones through {@link
 * #fetchNextPage}.
 */
final class WirePage implements AsyncResultSet {
  /** How rows of this page decode: the driver's built-in codecs, protocol v5. */
  static final AttachmentPoint DECODING =
      new AttachmentPoint() {
        @Override
        public ProtocolVersion getProtocolVersion() {
          return DefaultProtocolVersion.V5;
        }

        @Override
        public CodecRegistry getCodecRegistry() {
          return CodecRegistry.DEFAULT;
        }
      };

  private final ColumnDefinitions columns;
  private final List<Row> rows;
  private final ExecutionInfo info;
  private final Function<ByteBuffer, CompletionStage<AsyncResultSet>> next;
  private int taken;

  /**
   * @param statement the statement the page answers; not null
   * @param frame the server's response, whose message is {@link Rows}; not null
   * @param next fetches the page after this one from its paging state
   */
  WirePage(
      Statement<?> statement,
      Frame frame,
      Function<ByteBuffer, CompletionStage<AsyncResultSet>> next) {
    Rows result = (Rows) frame.message;
    List<ColumnDefinition> definitions = new ArrayList<>(result.getMetadata().columnSpecs.size());
    for (ColumnSpec spec : result.getMetadata().columnSpecs) {
      definitions.add(new DefaultColumnDefinition(spec, DECODING));
    }
    this.columns = DefaultColumnDefinitions.valueOf(definitions);
    this.rows = new ArrayList<>(result.getData().size());
    for (List<ByteBuffer> values : result.getData()) {
      rows.add(new DefaultRow(columns, values, DECODING));
    }
    this.info =
        new Info(statement, result.getMetadata().pagingState, frame.warnings, frame.tracingId);
    this.next = next;
  }

  @Override
  public ColumnDefinitions getColumnDefinitions() {
    return columns;
  }

  @Override
  public ExecutionInfo getExecutionInfo() {
    return info;
  }

  @Override
  public int remaining() {
    return rows.size() - taken;
  }

  @Override
  public Iterable<Row> currentPage() {
    return () ->
        new java.util.Iterator<>() {
          @Override
          public boolean hasNext() {
            return taken < rows.size();
          }

          @Override
          public Row next() {
            if (taken >= rows.size()) {
              throw new java.util.NoSuchElementException();
            }
            return rows.get(taken++);
          }
        };
  }

  @Override
  public boolean hasMorePages() {
    return info.getPagingState() != null;
  }

  @Override
  public CompletionStage<AsyncResultSet> fetchNextPage() {
    if (!hasMorePages()) {
      throw new IllegalStateException("No next page. Use #hasMorePages before calling this.");
    }
    return next.apply(info.getPagingState());
  }

  /**
   * As the driver: the value of the first row's {@code [applied]} column for a conditional
   * statement, else true.
   */
  @Override
  public boolean wasApplied() {
    if (!columns.contains("[applied]")
        || !columns.get("[applied]").getType().equals(DataTypes.BOOLEAN)
        || rows.isEmpty()) {
      return true;
    }
    Boolean applied =
        TypeCodecs.BOOLEAN.decode(
            rows.get(0).getBytesUnsafe(CqlIdentifier.fromInternal("[applied]")),
            DefaultProtocolVersion.V5);
    return applied == null || applied;
  }

  /** What the driver reports of one request, for a request that no driver sent. */
  private record Info(
      Statement<?> statement, ByteBuffer pagingState, List<String> warnings, UUID tracingId)
      implements ExecutionInfo {
    /** The statement; the driver's {@code getRequest()} returns it too. */
    @Deprecated
    @Override
    public Statement<?> getStatement() {
      return statement;
    }

    /** Null: the node is known by its address only, not as the driver's metadata. */
    @Override
    public Node getCoordinator() {
      return null;
    }

    @Override
    public int getSpeculativeExecutionCount() {
      return 0;
    }

    @Override
    public int getSuccessfulExecutionIndex() {
      return 0;
    }

    @Override
    public List<Map.Entry<Node, Throwable>> getErrors() {
      return List.of();
    }

    @Override
    public ByteBuffer getPagingState() {
      return pagingState;
    }

    @Override
    public List<String> getWarnings() {
      return warnings;
    }

    @Override
    public Map<String, ByteBuffer> getIncomingPayload() {
      return Map.of();
    }

    @Override
    public boolean isSchemaInAgreement() {
      return true;
    }

    @Override
    public UUID getTracingId() {
      return tracingId;
    }

    @Override
    public CompletionStage<QueryTrace> getQueryTraceAsync() {
      return CompletableFuture.failedFuture(
          new IllegalStateException("Tracing was disabled for this request"));
    }

    @Override
    public int getResponseSizeInBytes() {
      return -1;
    }

    @Override
    public int getCompressedResponseSizeInBytes() {
      return -1;
    }
  }
}
