package io.cqlp.transfer.load;

import com.datastax.oss.driver.api.core.cql.BatchableStatement;

/**
 * One row on its way to Cassandra: its bound write, and what the {@link ErrorFile} needs to write
 * it back if the write fails. Kept only while the row waits in the {@link PartitionBatcher} window
 * or is in flight, so memory stays bounded by CHUNKSIZE plus MAXREQUESTS × MAXBATCHSIZE rows.
 *
 * @param statement the row's own write (a bound INSERT, also when it travels in a batch); its
 *     routing key is the row's partition key
 * @param values the row's values, one per source column, driver Java types; not null
 * @param record the input record's text for a text input ({@code RowSource.lastRecord()}), or
 *     {@code null} when the input has no text form (Parquet): then the values are written as JSON
 */
public record LoadRow(BatchableStatement<?> statement, Object[] values, String record) {}
