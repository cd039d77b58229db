package dev.weft.processor.graph;

import dev.weft.processor.model.TaskMethod;
import dev.weft.processor.model.TaskParameter;
import javax.lang.model.type.TypeMirror;

/**
 * One declaration of an input: an {@code @Input} parameter of a task. An input declared by several
 * tasks has one node in the graph, made from its first declaration.
 *
 * @param name the input's name
 * @param type its type, boxed
 * @param task the task declaring it
 * @param parameter the {@code @Input} parameter
 */
public record InputNode(String name, TypeMirror type, TaskMethod task, TaskParameter parameter) {

  /** Whether the input is part of cache keys: {@code @Input(key)}. */
  public boolean keyed() {
    return parameter.keyed();
  }
}
