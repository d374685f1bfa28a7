package io.cqlp.command;

import java.util.List;

/**
 * {@code HELP [topic ...]} or {@code ? [topic ...]}.
 *
 * @param topics the words after HELP in lower case (cqlsh looks topics up in lower case), e.g.
 *     {@code [copy]} or {@code [create_table]}; empty for the list of topics
 */
public record Help(List<String> topics) implements Command {
  public Help {
    topics = List.copyOf(topics);
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
