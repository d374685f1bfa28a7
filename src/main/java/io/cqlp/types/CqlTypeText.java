package io.cqlp.types;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.internal.core.metadata.schema.parsing.DataTypeCqlNameParser;
import com.datastax.oss.driver.internal.core.type.UserDefinedTypeBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CQL type texts of a {@link SchemaJson} document back into driver types, without a
 * session: {@code bigint}, {@code frozen<map<text, int>>}, {@code tuple<int, text>}, {@code
 * vector<float, 3>}, and user types named {@code keyspace.name} as the document's {@code
 * user_types} define them. Parsing is the driver's own ({@link DataTypeCqlNameParser}, which reads
 * the type names of Cassandra's schema tables).
 */
public final class CqlTypeText {
  private final Map<CqlIdentifier, UserDefinedType> userTypes = new HashMap<>();
  private final Map<String, String> qualified = new HashMap<>();

  /**
   * @param userTypes the user types the texts may name, inner ones first (as {@link
   *     SchemaJson.Document#userTypes()} lists them); not null
   * @throws IllegalArgumentException if a field's type cannot be read
   */
  public CqlTypeText(List<SchemaJson.UserType> userTypes) {
    for (SchemaJson.UserType u : userTypes) {
      UserDefinedTypeBuilder builder =
          new UserDefinedTypeBuilder(
              CqlIdentifier.fromInternal(u.keyspace()), CqlIdentifier.fromInternal(u.name()));
      for (SchemaJson.Field f : u.fields()) {
        builder.withField(CqlIdentifier.fromInternal(f.name()), parse(f.cqlType()));
      }
      CqlIdentifier ks = CqlIdentifier.fromInternal(u.keyspace());
      CqlIdentifier name = CqlIdentifier.fromInternal(u.name());
      this.userTypes.put(name, builder.build());
      qualified.put(ks.asCql(true) + "." + name.asCql(true), name.asCql(true));
    }
  }

  /**
   * The driver type of a CQL type text.
   *
   * @param text as {@link DataType#asCql(boolean, boolean)} writes it, with or without {@code
   *     frozen<>} and keyspace; not null
   * @return the type
   * @throws IllegalArgumentException if the text is not a CQL type or names an unknown user type
   */
  public DataType parse(String text) {
    String plain = text;
    for (Map.Entry<String, String> e : qualified.entrySet()) {
      plain = plain.replace(e.getKey(), e.getValue());
    }
    try {
      DataType type =
          new DataTypeCqlNameParser()
              .parse(CqlIdentifier.fromInternal("cqlp"), plain, userTypes, null);
      // Parsed without a driver context, tuples and user types are attached to none: values of
      // them are then made with the default codecs, as for the types DataTypes builds.
      type.attach(com.datastax.oss.driver.api.core.detach.AttachmentPoint.NONE);
      return type;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot read the CQL type '" + text + "'", e);
    }
  }
}
