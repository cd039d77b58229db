package dev.weft.processor.writer;

import com.palantir.javapoet.NameAllocator;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * The names of the generated code's parameters and locals: {@code flow}, {@code instance} and
 * {@code args}, unless the task class's code needs one of those names for itself.
 *
 * <p>A variable obscures a class of the same name (JLS 6.4.2): were the task class named {@code
 * instance}, its static task would be called as {@code instance.a()} on the parameter, and a
 * class named {@code flow} or {@code args} would break the call outright. The class, the classes
 * enclosing it and the first segment of its package are what the generated code may write before
 * a dot, so those names are taken.
 *
 * @param flow the {@code FlowGraph.Builder} being filled
 * @param instance the instance whose tasks the flow calls
 * @param args a task body's {@code TaskArgs}
 */
record LocalNames(String flow, String instance, String args) {

  static LocalNames avoiding(TypeElement type) {
    NameAllocator names = new NameAllocator();
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      names.newName(t.getSimpleName().toString());
    }
    for (Element e = type; e != null; e = e.getEnclosingElement()) {
      if (e instanceof PackageElement pkg && !pkg.isUnnamed()) {
        names.newName(pkg.getQualifiedName().toString().split("\\.", 2)[0]);
      }
    }
    return new LocalNames(names.newName("flow"), names.newName("instance"), names.newName("args"));
  }
}
