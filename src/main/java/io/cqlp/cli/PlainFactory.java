package io.cqlp.cli;

import picocli.CommandLine;

/**
 * A picocli factory that makes objects with their no-argument constructor, for command lines
 * declared with picocli's programmatic API ({@link FieldBinding}).
 *
 * <p>Why not picocli's default factory: its class initialiser looks for Groovy's {@code
 * groovy.lang.Closure} on the class path, and a class that is not there is looked for in every jar:
 * opening and reading the directories of about 90 jars was about 50 ms of a one-shot {@code cqlp
 * -e} (picocli 4.7). cqlp has no Groovy closures to create.
 */
public final class PlainFactory implements CommandLine.IFactory {
  /** The one instance: the factory keeps no state. */
  public static final PlainFactory INSTANCE = new PlainFactory();

  private PlainFactory() {}

  /**
   * @param type a class with an accessible no-argument constructor
   * @return a new instance of {@code type}
   * @throws Exception whatever the constructor or reflection throws (picocli reports it)
   */
  @Override
  public <K> K create(Class<K> type) throws Exception {
    return type.getDeclaredConstructor().newInstance();
  }
}
