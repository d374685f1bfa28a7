package io.cqlp.format.parquet.read;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * The CQL type a Parquet field most naturally loads into: the one a table column would need for
 * COPY FROM to take every value of the field as it is (INT64 → bigint, STRING → text, a LIST group
 * → list, a plain group → tuple, ...). Each answer is checked against the reader's own conversion
 * plan ({@link FieldConverters}), so it never names a type the import would refuse. Used to
 * describe and show files whose table is not known.
 */
public final class ImportTypes {
  private ImportTypes() {}

  /**
   * The natural CQL type of a field.
   *
   * @param field a field of a file schema (top-level or nested)
   * @return the type, or empty when cqlp cannot load the field into any CQL type (FLOAT16, an
   *     unknown annotation, a repeated top-level field)
   */
  public static Optional<DataType> of(Type field) {
    if (field.isRepetition(Type.Repetition.REPEATED)) {
      return Optional.empty();
    }
    DataType type = natural(field);
    if (type == null) {
      return Optional.empty();
    }
    try {
      FieldConverters.create(field, type, new RowState(1), 0, null);
      return Optional.of(type);
    } catch (FieldConverters.Mismatch | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The Parquet type of a field in words ({@link ParquetColumn#type()}), repetition not included.
   */
  public static String describe(Type field) {
    String text = ParquetColumn.describe(field);
    return text.startsWith("repeated ") ? text.substring("repeated ".length()) : text;
  }

  private static DataType natural(Type field) {
    if (field.isPrimitive()) {
      return scalar(field.asPrimitiveType());
    }
    GroupType group = field.asGroupType();
    LogicalTypeAnnotation a = group.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      Type element = FieldConverters.listElement(group);
      DataType e = element == null ? null : natural(element);
      return e == null ? null : DataTypes.listOf(e);
    }
    if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      GroupType entries = FieldConverters.mapEntries(group);
      DataType k = entries == null ? null : natural(entries.getType(0));
      DataType v = entries == null ? null : natural(entries.getType(1));
      return k == null || v == null ? null : DataTypes.mapOf(k, v);
    }
    if (a != null) {
      return null;
    }
    List<String> names = group.getFields().stream().map(Type::getName).toList();
    if (names.equals(List.of("months", "days", "nanoseconds"))) {
      return DataTypes.DURATION;
    }
    List<DataType> parts = new ArrayList<>();
    for (Type f : group.getFields()) {
      DataType t = natural(f);
      if (t == null) {
        return null;
      }
      parts.add(t);
    }
    return parts.isEmpty() ? null : DataTypes.tupleOf(parts.toArray(new DataType[0]));
  }

  private static DataType scalar(PrimitiveType p) {
    SourceKind kind = SourceKind.of(p, false);
    if (kind == null) {
      return null;
    }
    return switch (kind) {
      case INTEGER -> integer(p);
      case FLOAT -> DataTypes.FLOAT;
      case DOUBLE -> DataTypes.DOUBLE;
      case BOOLEAN -> DataTypes.BOOLEAN;
      case TIMESTAMP -> DataTypes.TIMESTAMP;
      case DATE -> DataTypes.DATE;
      case TIME -> DataTypes.TIME;
      case DECIMAL -> DataTypes.DECIMAL;
      case STRING -> DataTypes.TEXT;
      case BYTES -> DataTypes.BLOB;
      case UUID -> DataTypes.UUID;
      case INTERVAL -> DataTypes.DURATION;
    };
  }

  private static DataType integer(PrimitiveType p) {
    boolean int64 = p.getPrimitiveTypeName() == PrimitiveTypeName.INT64;
    if (p.getLogicalTypeAnnotation() instanceof IntLogicalTypeAnnotation i) {
      if (!i.isSigned()) {
        return i.getBitWidth() == 64
            ? DataTypes.VARINT
            : i.getBitWidth() == 32
                ? DataTypes.BIGINT
                : i.getBitWidth() == 16 ? DataTypes.INT : DataTypes.SMALLINT;
      }
      return switch (i.getBitWidth()) {
        case 8 -> DataTypes.TINYINT;
        case 16 -> DataTypes.SMALLINT;
        case 32 -> DataTypes.INT;
        default -> DataTypes.BIGINT;
      };
    }
    return int64 ? DataTypes.BIGINT : DataTypes.INT;
  }
}
