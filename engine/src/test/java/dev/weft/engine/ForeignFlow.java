package dev.weft.engine;

import java.util.List;
import java.util.Set;

/** A {@link Flow} implemented outside the engine, which every entry point must refuse. */
final class ForeignFlow implements Flow {
  @Override
  public String name() {
    return "foreign";
  }

  @Override
  public Set<Key<?>> inputs() {
    return Set.of();
  }

  @Override
  public List<Key<?>> tasks() {
    return List.of();
  }

  @Override
  public String toDot() {
    return "";
  }

  @Override
  public String toMermaid() {
    return "";
  }

  @Override
  public String toJson() {
    return "";
  }
}
