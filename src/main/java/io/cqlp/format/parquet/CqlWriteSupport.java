package io.cqlp.format.parquet;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows of already checked values straight to parquet-java's record consumer, one
 * precomputed {@link ValueWriter} per column; nulls are left out (OPTIONAL fields).
 */
final class CqlWriteSupport extends WriteSupport<Object[]> {
  private final MessageType schema;
  private final String[] names;
  private final ValueWriter[] writers;
  private final Map<String, String> footer;
  private RecordConsumer consumer;

  CqlWriteSupport(MessageType schema, ValueWriter[] writers, Map<String, String> footer) {
    this.schema = schema;
    this.writers = writers;
    this.footer = footer;
    this.names = new String[writers.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = schema.getFieldName(i);
    }
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(schema, footer);
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(schema, footer);
  }

  @Override
  public String getName() {
    return "cqlp";
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(Object[] row) {
    RecordConsumer c = consumer;
    c.startMessage();
    for (int i = 0; i < writers.length; i++) {
      Object v = row[i];
      if (v != null) {
        c.startField(names[i], i);
        writers[i].write(c, v);
        c.endField(names[i], i);
      }
    }
    c.endMessage();
  }
}
