package io.cqlp.format.parquet.write;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.GettableByIndex;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes composite CQL values as the Parquet groups {@link ParquetTypeMapping} gives them: list,
 * set and vector as a 3-level LIST, map as MAP, user type and tuple as a group of their fields,
 * duration as a group {months, days, nanoseconds}. Elements are written by {@link ValueWriter}s,
 * which may themselves be nested. A null element, field or map value is left out (its field is
 * OPTIONAL); an empty collection is a group with no repeated entries, so it stays distinct from a
 * null one.
 *
 * <p>{@link #check} walks the whole value before any of it is written, as {@link ValueWriter#check}
 * requires.
 */
abstract class NestedWriter {
  private final Class<?> javaType;

  NestedWriter(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** The Java type of the values (the driver's default codecs' type). */
  final Class<?> javaType() {
    return javaType;
  }

  /**
   * @return null if the value can be written, else a short reason
   */
  abstract String check(Object value);

  /** Writes one checked, non-null value inside its field. */
  abstract void write(RecordConsumer c, Object value);

  /** Checks one element, field, key or value: its Java type, then its writer's own checks. */
  static String checkElement(ValueWriter writer, Object v, String where) {
    if (v == null) {
      return null;
    }
    if (!writer.javaType().isInstance(v)) {
      return where + " expects " + writer.javaType().getName() + ", got " + v.getClass().getName();
    }
    if (writer.checksValues()) {
      String problem = writer.check(v);
      if (problem != null) {
        return where + ": " + problem;
      }
    }
    return null;
  }

  /**
   * list, set and vector (any {@link Iterable}): {@code group (LIST) { repeated group list {
   * optional element; } }}.
   */
  static final class Sequence extends NestedWriter {
    private final ValueWriter element;

    /**
     * @param javaType List, Set or CqlVector
     */
    Sequence(Class<?> javaType, ValueWriter element) {
      super(javaType);
      this.element = element;
    }

    @Override
    String check(Object value) {
      int i = 0;
      for (Object e : (Iterable<?>) value) {
        String problem = checkElement(element, e, "element " + i);
        if (problem != null) {
          return problem;
        }
        i++;
      }
      return null;
    }

    @Override
    void write(RecordConsumer c, Object value) {
      c.startGroup();
      boolean open = false;
      for (Object e : (Iterable<?>) value) {
        if (!open) {
          c.startField("list", 0);
          open = true;
        }
        c.startGroup();
        if (e != null) {
          c.startField("element", 0);
          element.write(c, e);
          c.endField("element", 0);
        }
        c.endGroup();
      }
      if (open) {
        c.endField("list", 0);
      }
      c.endGroup();
    }
  }

  /** map: {@code group (MAP) { repeated group key_value { required key; optional value; } }}. */
  static final class MapWriter extends NestedWriter {
    private final ValueWriter key;
    private final ValueWriter value;

    MapWriter(ValueWriter key, ValueWriter value) {
      super(Map.class);
      this.key = key;
      this.value = value;
    }

    @Override
    String check(Object map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) map).entrySet()) {
        if (e.getKey() == null) {
          return "a map key is null";
        }
        String problem = checkElement(key, e.getKey(), "key");
        if (problem == null) {
          problem = checkElement(value, e.getValue(), "value");
        }
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }

    @Override
    void write(RecordConsumer c, Object map) {
      Map<?, ?> m = (Map<?, ?>) map;
      c.startGroup();
      if (!m.isEmpty()) {
        c.startField("key_value", 0);
        for (Map.Entry<?, ?> e : m.entrySet()) {
          c.startGroup();
          c.startField("key", 0);
          key.write(c, e.getKey());
          c.endField("key", 0);
          if (e.getValue() != null) {
            c.startField("value", 1);
            value.write(c, e.getValue());
            c.endField("value", 1);
          }
          c.endGroup();
        }
        c.endField("key_value", 0);
      }
      c.endGroup();
    }
  }

  /** User type or tuple: a group with one OPTIONAL field per CQL field, in order. */
  static final class Struct extends NestedWriter {
    private final String[] names;
    private final ValueWriter[] fields;

    /**
     * @param javaType UdtValue or TupleValue
     */
    Struct(Class<?> javaType, List<String> names, List<ValueWriter> fields) {
      super(javaType);
      this.names = names.toArray(new String[0]);
      this.fields = fields.toArray(new ValueWriter[0]);
    }

    @Override
    String check(Object value) {
      GettableByIndex v = (GettableByIndex) value;
      if (v.size() != fields.length) {
        return "the value has " + v.size() + " fields, the column's type " + fields.length;
      }
      for (int i = 0; i < fields.length; i++) {
        if (!v.isNull(i)) {
          String problem = checkElement(fields[i], v.getObject(i), "field " + names[i]);
          if (problem != null) {
            return problem;
          }
        }
      }
      return null;
    }

    @Override
    void write(RecordConsumer c, Object value) {
      GettableByIndex v = (GettableByIndex) value;
      c.startGroup();
      for (int i = 0; i < fields.length; i++) {
        // isNull looks at the bytes: a null frozen collection stays null (getObject would give
        // an empty one).
        if (!v.isNull(i)) {
          c.startField(names[i], i);
          fields[i].write(c, v.getObject(i));
          c.endField(names[i], i);
        }
      }
      c.endGroup();
    }
  }

  /**
   * duration: {@code group { required int32 months; required int32 days; required int64
   * nanoseconds; }}.
   */
  static final class Duration extends NestedWriter {
    Duration() {
      super(CqlDuration.class);
    }

    @Override
    String check(Object value) {
      return null;
    }

    @Override
    void write(RecordConsumer c, Object value) {
      CqlDuration d = (CqlDuration) value;
      c.startGroup();
      c.startField("months", 0);
      c.addInteger(d.getMonths());
      c.endField("months", 0);
      c.startField("days", 1);
      c.addInteger(d.getDays());
      c.endField("days", 1);
      c.startField("nanoseconds", 2);
      c.addLong(d.getNanoseconds());
      c.endField("nanoseconds", 2);
      c.endGroup();
    }
  }
}
