package io.cqlp.format.parquet.read;

import io.cqlp.format.parquet.codec.HadoopFreeCodecFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes test files of any Parquet schema (INT96, DECIMAL, FIXED UUID, ...): each row is a function
 * that emits the record's fields to the record consumer.
 */
final class RawParquet {
  private RawParquet() {}

  /** Emits one optional field; a null value leaves it out. */
  static void field(RecordConsumer c, String name, int index, Consumer<RecordConsumer> value) {
    if (value != null) {
      c.startField(name, index);
      value.accept(c);
      c.endField(name, index);
    }
  }

  static void write(Path file, MessageType schema, List<Consumer<RecordConsumer>> rows)
      throws IOException {
    WriteSupport<Consumer<RecordConsumer>> support =
        new WriteSupport<>() {
          private RecordConsumer consumer;

          @Override
          public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, Map.of());
          }

          @Override
          public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, Map.of());
          }

          @Override
          public void prepareForWrite(RecordConsumer recordConsumer) {
            consumer = recordConsumer;
          }

          @Override
          public void write(Consumer<RecordConsumer> row) {
            consumer.startMessage();
            row.accept(consumer);
            consumer.endMessage();
          }
        };
    class Builder extends ParquetWriter.Builder<Consumer<RecordConsumer>, Builder> {
      Builder() {
        super(new LocalOutputFile(file));
      }

      @Override
      protected Builder self() {
        return this;
      }

      @Override
      protected WriteSupport<Consumer<RecordConsumer>> getWriteSupport(Configuration conf) {
        return support;
      }

      @Override
      protected WriteSupport<Consumer<RecordConsumer>> getWriteSupport(ParquetConfiguration c) {
        return support;
      }
    }
    try (ParquetWriter<Consumer<RecordConsumer>> w =
        new Builder()
            .withConf(new PlainParquetConfiguration())
            .withCodecFactory(new HadoopFreeCodecFactory())
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build()) {
      for (Consumer<RecordConsumer> row : rows) {
        w.write(row);
      }
    }
  }
}
