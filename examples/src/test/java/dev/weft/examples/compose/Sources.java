package dev.weft.examples.compose;

import dev.weft.Input;
import dev.weft.Task;
import java.util.List;

/** Test flow: the lines of a text, each trimmed. Its task {@code lines} feeds {@link Lengths}. */
public class Sources {
  @Task
  public List<String> lines(@Input String text) {
    return text.lines().map(String::trim).toList();
  }
}
