package io.cqlp.format.parquet.read;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.SettableByIndex;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.api.core.type.VectorType;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;

/**
 * The converters of Parquet groups that assemble composite CQL values: lists, sets and vectors from
 * LIST groups, maps from MAP groups, user types, tuples and durations from plain groups. Built by
 * {@link FieldConverters}; each keeps the value being assembled between {@code start()} and {@code
 * end()} and hands the finished value to its {@link Slot} (or to the row, at the top level).
 *
 * <p>CQL collections cannot hold nulls, and a set or map holds each element or key once: such a
 * value is refused (never silently changed), as is a vector of the wrong size. A refused value is
 * recorded in the {@link RowState}, like a refused scalar.
 */
final class GroupConverters {
  private GroupConverters() {}

  /** Delivery of the assembled value and of refusals. */
  private abstract static class Assembler extends GroupConverter {
    final RowState row;
    final int column;
    final Slot slot;

    Assembler(RowState row, int column, Slot slot) {
      this.row = row;
      this.column = column;
      this.slot = slot;
    }

    final void deliver(Object value) {
      if (slot == null) {
        row.values[column] = value;
      } else {
        slot.set(value);
      }
    }

    final void refuse(Rejected r) {
      row.reject(column, r.getMessage());
    }
  }

  /** list, set or vector from a LIST group. */
  static final class ListConverter extends Assembler {
    private final DataType target;
    private final int dimensions;
    private Converter repeated;
    private List<Object> items;

    /**
     * @param dimensions the vector's size, or -1 for a list or set
     */
    ListConverter(RowState row, int column, Slot slot, DataType target, int dimensions) {
      super(row, column, slot);
      this.target = target;
      this.dimensions = dimensions;
    }

    /** The slot that appends an element (for a 2-level list, whose repeated field is it). */
    Slot appender() {
      return new Slot() {
        @Override
        void set(Object value) {
          items.add(value);
        }
      };
    }

    /** A converter of the repeated group of a 3-level list. */
    ListEntry entry() {
      return new ListEntry(this);
    }

    void setRepeated(Converter repeated) {
      this.repeated = repeated;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return repeated;
    }

    @Override
    public void start() {
      items = new ArrayList<>();
    }

    @Override
    public void end() {
      try {
        deliver(finish());
      } catch (Rejected r) {
        refuse(r);
      }
    }

    private Object finish() {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) == null) {
          throw new Rejected("element " + i + " is null; a CQL " + kind() + " cannot hold nulls");
        }
      }
      if (target instanceof SetType) {
        Set<Object> set = new LinkedHashSet<>(items);
        if (set.size() != items.size()) {
          throw new Rejected("the list holds an element twice; a CQL set holds each element once");
        }
        return set;
      }
      if (target instanceof VectorType) {
        if (items.size() != dimensions) {
          throw new Rejected(
              "the list has " + items.size() + " elements; the vector has " + dimensions);
        }
        return CqlVector.newInstance(items);
      }
      return items;
    }

    private String kind() {
      return target instanceof SetType ? "set" : target instanceof VectorType ? "vector" : "list";
    }
  }

  /** The repeated group of a 3-level list: one element, possibly null, per entry. */
  static final class ListEntry extends GroupConverter {
    private final ListConverter list;
    private Converter element;
    private Object pending;

    ListEntry(ListConverter list) {
      this.list = list;
    }

    /** The slot of the element field. */
    Slot pending() {
      return new Slot() {
        @Override
        void set(Object value) {
          pending = value;
        }
      };
    }

    void setElement(Converter element) {
      this.element = element;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return element;
    }

    @Override
    public void start() {
      pending = null;
    }

    @Override
    public void end() {
      list.items.add(pending);
    }
  }

  /** map from a MAP group of key-value entries. */
  static final class MapConverter extends Assembler {
    private final GroupConverter entries;
    private Converter key;
    private Converter value;
    private Map<Object, Object> map;
    private Object pendingKey;
    private Object pendingValue;
    private String problem;

    MapConverter(RowState row, int column, Slot slot) {
      super(row, column, slot);
      this.entries =
          new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
              return fieldIndex == 0 ? key : value;
            }

            @Override
            public void start() {
              pendingKey = null;
              pendingValue = null;
            }

            @Override
            public void end() {
              if (problem != null) {
                return;
              }
              if (pendingKey == null) {
                problem = "a map key is null";
              } else if (pendingValue == null) {
                problem =
                    "the value of key " + pendingKey + " is null; a CQL map cannot hold nulls";
              } else if (map.put(pendingKey, pendingValue) != null) {
                problem = "key " + pendingKey + " appears twice; a CQL map holds each key once";
              }
            }
          };
    }

    Slot keySlot() {
      return new Slot() {
        @Override
        void set(Object v) {
          pendingKey = v;
        }
      };
    }

    Slot valueSlot() {
      return new Slot() {
        @Override
        void set(Object v) {
          pendingValue = v;
        }
      };
    }

    void setEntries(Converter key, Converter value) {
      this.key = key;
      this.value = value;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return entries;
    }

    @Override
    public void start() {
      map = new LinkedHashMap<>();
      problem = null;
    }

    @Override
    public void end() {
      if (problem != null) {
        refuse(new Rejected(problem));
      } else {
        deliver(map);
      }
    }
  }

  /** user type, tuple or duration from a plain group. */
  static final class StructConverter extends Assembler {
    private final DataType target;
    private final TypeCodec<Object>[] codecs;
    private Converter[] children;
    private Object[] values;

    @SuppressWarnings("unchecked")
    StructConverter(RowState row, int column, Slot slot, DataType target, int fields) {
      super(row, column, slot);
      this.target = target;
      this.codecs = (TypeCodec<Object>[]) new TypeCodec<?>[fields];
      List<DataType> types =
          target instanceof UserDefinedType u
              ? u.getFieldTypes()
              : target instanceof TupleType t ? t.getComponentTypes() : List.of();
      for (int i = 0; i < types.size(); i++) {
        codecs[i] = CodecRegistry.DEFAULT.codecFor(types.get(i));
      }
    }

    /** The slot of a target field (user type field, tuple component, duration part). */
    Slot fieldSlot(int index) {
      return new Slot() {
        @Override
        void set(Object v) {
          values[index] = v;
        }
      };
    }

    void setChildren(Converter[] children) {
      this.children = children;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return children[fieldIndex];
    }

    @Override
    public void start() {
      values = new Object[codecs.length];
    }

    @Override
    public void end() {
      try {
        deliver(finish());
      } catch (Rejected r) {
        refuse(r);
      }
    }

    private Object finish() {
      if (target instanceof UserDefinedType u) {
        return fill(u.newValue());
      }
      if (target instanceof TupleType t) {
        return fill(t.newValue());
      }
      if (values[0] == null || values[1] == null || values[2] == null) {
        throw new Rejected("a duration needs months, days and nanoseconds, one of them is null");
      }
      try {
        return CqlDuration.newInstance((Integer) values[0], (Integer) values[1], (Long) values[2]);
      } catch (IllegalArgumentException e) {
        throw new Rejected(
            "duration of "
                + values[0]
                + " months, "
                + values[1]
                + " days and "
                + values[2]
                + " nanoseconds: months, days and nanoseconds must have the same sign");
      }
    }

    private <T extends SettableByIndex<T>> T fill(T value) {
      T v = value;
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          v = v.set(i, values[i], codecs[i]);
        }
      }
      return v;
    }
  }
}
