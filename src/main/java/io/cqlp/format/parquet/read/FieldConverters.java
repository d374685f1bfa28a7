package io.cqlp.format.parquet.read;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.api.core.type.VectorType;
import io.cqlp.types.CqlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Plans how one field of a Parquet file becomes values of one CQL type, and builds the parquet-java
 * converters that do it, recursively:
 *
 * <ul>
 *   <li>a primitive field into a CQL scalar by {@link CqlTarget}; INTERVAL or text into duration;
 *   <li>a LIST group (3-level, or any 2-level form the Parquet spec's backward-compatibility rules
 *       allow) into list, set or vector;
 *   <li>a MAP (or MAP_KEY_VALUE) group into map;
 *   <li>a column of the Parquet type UNKNOWN (always null; DuckDB writes an untyped NULL or {@code
 *       []} so) into any type, as nulls;
 *   <li>a plain group into a user type (fields matched by name: exactly, else case-insensitively;
 *       user type fields the group lacks are null), a tuple (fields by position, as many as the
 *       tuple has) or duration ({months, days, nanoseconds} by name).
 * </ul>
 *
 * <p>Anything else is a {@link Mismatch}, found when the file is opened, before any row is read.
 */
final class FieldConverters {
  private FieldConverters() {}

  /** A file field, or a part of it, that can never convert to its CQL type. */
  static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String parquet;
    private final String cql;
    private final String note;

    Mismatch(String path, String parquet, String cql, String note) {
      super(null, null, false, false);
      this.path = path;
      this.parquet = parquet;
      this.cql = cql;
      this.note = note;
    }

    /** The same mismatch seen from one level up: {@code part} names where it is. */
    Mismatch within(String part) {
      return new Mismatch(path == null ? part : path + " of " + part, parquet, cql, note);
    }

    /**
     * {@code no exact conversion}, then in parentheses where inside the value and which types (for
     * a nested part) and the note, if any.
     */
    String reason() {
      List<String> details = new ArrayList<>();
      if (path != null) {
        details.add(path + ": Parquet " + parquet + " to CQL " + cql);
      }
      if (note != null) {
        details.add(note);
      }
      return "no exact conversion"
          + (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")");
    }
  }

  /**
   * The converter of a file field into a CQL type.
   *
   * @param field a field that is not itself repeated (or the repeated element of a 2-level list)
   * @param column the top-level column whose values these are, named when a value is refused
   * @param slot where the values go; null for the top-level column itself
   * @throws Mismatch if no value of the field can convert
   */
  static Converter create(Type field, DataType target, RowState row, int column, Slot slot)
      throws Mismatch {
    if (field.isPrimitive()) {
      if (field.getLogicalTypeAnnotation()
          instanceof LogicalTypeAnnotation.UnknownLogicalTypeAnnotation) {
        return new AlwaysNull(row, column);
      }
      return primitive(field.asPrimitiveType(), target, row, column, slot);
    }
    GroupType group = field.asGroupType();
    LogicalTypeAnnotation a = group.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      return list(group, target, row, column, slot);
    }
    if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      return map(group, target, row, column, slot);
    }
    if (a == null) {
      return struct(group, target, row, column, slot);
    }
    throw mismatch(field, target, null);
  }

  private static Converter primitive(
      PrimitiveType p, DataType target, RowState row, int column, Slot slot) throws Mismatch {
    Optional<CqlScalar> scalar = CqlScalar.of(target);
    CqlTarget cql =
        scalar
            .map(CqlTarget::of)
            .orElse(DataTypes.DURATION.equals(target) ? CqlTarget.duration() : null);
    if (cql == null) {
      throw mismatch(
          p,
          target,
          composite(target) ? null : "cqlp does not read that CQL type from Parquet yet");
    }
    SourceKind kind = SourceKind.of(p, scalar.orElse(null) == CqlScalar.BLOB);
    if (kind == null || !cql.accepts(kind)) {
      throw mismatch(p, target, null);
    }
    return ValueConverters.create(p, kind, cql, row, column, slot);
  }

  private static boolean composite(DataType t) {
    return t instanceof ListType
        || t instanceof SetType
        || t instanceof VectorType
        || t instanceof MapType
        || t instanceof UserDefinedType
        || t instanceof TupleType;
  }

  private static Converter list(
      GroupType group, DataType target, RowState row, int column, Slot slot) throws Mismatch {
    Type element = listElement(group);
    DataType elementType;
    int dimensions = -1;
    if (target instanceof ListType l) {
      elementType = l.getElementType();
    } else if (target instanceof SetType s) {
      elementType = s.getElementType();
    } else if (target instanceof VectorType v) {
      elementType = v.getElementType();
      dimensions = v.getDimensions();
    } else {
      throw mismatch(group, target, null);
    }
    if (element == null) {
      throw mismatch(group, target, "the LIST group is not laid out as the Parquet spec says");
    }
    GroupConverters.ListConverter converter =
        new GroupConverters.ListConverter(row, column, slot, target, dimensions);
    Type repeated = group.getType(0);
    try {
      if (element == repeated) {
        converter.setRepeated(create(element, elementType, row, column, converter.appender()));
      } else {
        GroupConverters.ListEntry entry = converter.entry();
        entry.setElement(create(element, elementType, row, column, entry.pending()));
        converter.setRepeated(entry);
      }
    } catch (Mismatch m) {
      throw m.within("element");
    }
    return converter;
  }

  private static Converter map(
      GroupType group, DataType target, RowState row, int column, Slot slot) throws Mismatch {
    if (!(target instanceof MapType m)) {
      throw mismatch(group, target, null);
    }
    GroupType entries = mapEntries(group);
    if (entries == null) {
      throw mismatch(group, target, "the MAP group is not laid out as the Parquet spec says");
    }
    GroupConverters.MapConverter converter = new GroupConverters.MapConverter(row, column, slot);
    Converter key;
    Converter value;
    try {
      key = create(entries.getType(0), m.getKeyType(), row, column, converter.keySlot());
    } catch (Mismatch x) {
      throw x.within("key");
    }
    try {
      value = create(entries.getType(1), m.getValueType(), row, column, converter.valueSlot());
    } catch (Mismatch x) {
      throw x.within("value");
    }
    converter.setEntries(key, value);
    return converter;
  }

  private static Converter struct(
      GroupType group, DataType target, RowState row, int column, Slot slot) throws Mismatch {
    List<DataType> fieldTypes;
    int[] targetOf = new int[group.getFieldCount()];
    if (target instanceof UserDefinedType u) {
      fieldTypes = u.getFieldTypes();
      List<String> names = u.getFieldNames().stream().map(CqlIdentifier::asInternal).toList();
      boolean[] taken = new boolean[names.size()];
      for (int f = 0; f < targetOf.length; f++) {
        targetOf[f] = matchName(group.getType(f).getName(), names);
        if (targetOf[f] < 0 || taken[targetOf[f]]) {
          throw mismatch(
              group,
              target,
              "field '"
                  + group.getType(f).getName()
                  + "' is not in user type "
                  + u.getName().asInternal()
                  + " ("
                  + String.join(", ", names)
                  + ")");
        }
        taken[targetOf[f]] = true;
      }
    } else if (target instanceof TupleType t) {
      fieldTypes = t.getComponentTypes();
      if (fieldTypes.size() != targetOf.length) {
        throw mismatch(
            group,
            target,
            "the group has " + targetOf.length + " fields, the tuple " + fieldTypes.size());
      }
      for (int f = 0; f < targetOf.length; f++) {
        targetOf[f] = f;
      }
    } else if (DataTypes.DURATION.equals(target)) {
      fieldTypes = List.of(DataTypes.INT, DataTypes.INT, DataTypes.BIGINT);
      List<String> names = List.of("months", "days", "nanoseconds");
      for (int f = 0; f < targetOf.length; f++) {
        targetOf[f] = matchName(group.getType(f).getName(), names);
      }
      if (targetOf.length != 3
          || java.util.Arrays.stream(targetOf).distinct().count() != 3
          || targetOf[0] < 0
          || targetOf[1] < 0
          || targetOf[2] < 0) {
        throw mismatch(group, target, "a duration is a group of months, days and nanoseconds");
      }
    } else {
      throw mismatch(group, target, null);
    }
    GroupConverters.StructConverter converter =
        new GroupConverters.StructConverter(row, column, slot, target, fieldTypes.size());
    Converter[] children = new Converter[targetOf.length];
    for (int f = 0; f < children.length; f++) {
      Type child = group.getType(f);
      if (child.isRepetition(Type.Repetition.REPEATED)) {
        throw mismatch(
            group,
            target,
            "field '" + child.getName() + "' is a repeated field," + " not a LIST group");
      }
      try {
        children[f] =
            create(
                child, fieldTypes.get(targetOf[f]), row, column, converter.fieldSlot(targetOf[f]));
      } catch (Mismatch m) {
        throw m.within("field '" + child.getName() + "'");
      }
    }
    converter.setChildren(children);
    return converter;
  }

  /** The converter of an UNKNOWN column, whose values are all null. */
  private static final class AlwaysNull extends PrimitiveConverter {
    private final RowState row;
    private final int column;

    AlwaysNull(RowState row, int column) {
      this.row = row;
      this.column = column;
    }

    private void refuse() {
      row.reject(column, "a value in a column of Parquet type UNKNOWN, which holds only nulls");
    }

    @Override
    public void addBinary(Binary value) {
      refuse();
    }

    @Override
    public void addBoolean(boolean value) {
      refuse();
    }

    @Override
    public void addDouble(double value) {
      refuse();
    }

    @Override
    public void addFloat(float value) {
      refuse();
    }

    @Override
    public void addInt(int value) {
      refuse();
    }

    @Override
    public void addLong(long value) {
      refuse();
    }
  }

  /** The index of a name among names: exactly, else the single case-insensitive match; or -1. */
  private static int matchName(String name, List<String> names) {
    int exact = names.indexOf(name);
    if (exact >= 0) {
      return exact;
    }
    int found = -1;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  /**
   * The element field of a LIST group, by the Parquet spec's backward-compatibility rules: the
   * repeated field itself when it is primitive, has several fields, or is named {@code array} or
   * {@code <list>_tuple}; else its only field. Null when the group is not a list.
   */
  static Type listElement(GroupType list) {
    if (list.getFieldCount() != 1 || !list.getType(0).isRepetition(Type.Repetition.REPEATED)) {
      return null;
    }
    Type repeated = list.getType(0);
    if (repeated.isPrimitive()
        || repeated.asGroupType().getFieldCount() != 1
        || repeated.getName().equals("array")
        || repeated.getName().equals(list.getName() + "_tuple")) {
      return repeated;
    }
    return repeated.asGroupType().getType(0);
  }

  /** The repeated key-value group of a MAP group (key first, value second), or null. */
  static GroupType mapEntries(GroupType map) {
    if (map.getFieldCount() != 1
        || map.getType(0).isPrimitive()
        || !map.getType(0).isRepetition(Type.Repetition.REPEATED)
        || map.getType(0).asGroupType().getFieldCount() != 2) {
      return null;
    }
    return map.getType(0).asGroupType();
  }

  private static Mismatch mismatch(Type field, DataType target, String note) {
    return new Mismatch(null, ParquetColumn.describe(field), target.asCql(false, true), note);
  }
}
