package dev.weft.examples.dataset;

import java.util.List;
import java.util.stream.Stream;

/**
 * One class of a JDK, as its class file describes it.
 *
 * @param module the module that holds it, such as {@code java.base}
 * @param name its binary name, such as {@code java.util.Map$Entry}
 * @param bytes the size of its class file
 * @param access its access flags ({@code ACC_PUBLIC}, {@code ACC_INTERFACE}, …)
 * @param superName the binary name of its superclass; empty for {@code java.lang.Object}
 * @param interfaces the binary names of the interfaces it declares, in declaration order
 * @param fields how many fields it declares
 * @param methods how many methods (constructors included) it declares
 */
public record ClassEntry(String module, String name, int bytes, int access, String superName,
    List<String> interfaces, int fields, int methods) {
  static final int ACC_PUBLIC = 0x0001;
  static final int ACC_INTERFACE = 0x0200;

  /** Its package: the name up to the last dot, or empty for the unnamed package. */
  public String packageName() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  /** Its supertypes: the superclass, unless it is {@code java.lang.Object}, then the interfaces. */
  public List<String> supertypes() {
    if (superName.isEmpty() || superName.equals("java.lang.Object")) {
      return interfaces;
    }
    return Stream.concat(Stream.of(superName), interfaces.stream()).toList();
  }
}
