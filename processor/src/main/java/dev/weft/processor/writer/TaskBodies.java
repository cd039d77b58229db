package dev.weft.processor.writer;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.Multiset;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.weft.processor.base.ConstantNames;
import dev.weft.processor.base.MoreTypes;
import dev.weft.processor.graph.TaskGraph;
import dev.weft.processor.model.TaskMethod;
import dev.weft.processor.model.TaskParameter;
import java.time.Duration;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Writes the {@code TaskSpec}s of one flow: for each task, the lambda that calls the task method
 * — the only way the engine invokes user code, without reflection — and the task's settings.
 *
 * <p>An argument is {@code args.get(KEY)}, whose type is exactly the key's, or for a fan-out
 * parameter {@code args.<P>each(KEY)}, whose type is the witness {@code P}. Where another
 * method of the same name and arity could be chosen instead — declared here, inherited from a
 * superclass or an interface's default method — an argument whose type differs from its
 * parameter's is cast to the parameter's type, so that javac selects the task method. Nowhere
 * else: a cast to the type an argument already has is redundant, and {@code -Xlint} says so.
 */
final class TaskBodies {
  static final ClassName TASK_SPEC = ClassName.get("dev.weft.engine.internal", "TaskSpec");
  private static final String COLLECTION = "java.util.Collection";

  private final TaskGraph graph;
  private final LocalNames names;
  private final MoreTypes types;
  private final JvmDescriptors descriptors;
  /** How many methods of the task class, its own or inherited, have each name and arity. */
  private final Multiset<String> methodsByNameAndArity = HashMultiset.create();
  /** What static tasks are called on: the task class, by as short a name as is unambiguous. */
  private final CodeBlock staticReceiver;

  TaskBodies(
      TaskGraph graph,
      LocalNames names,
      MoreTypes types,
      Elements elements,
      JvmDescriptors descriptors) {
    this.graph = graph;
    this.names = names;
    this.types = types;
    this.descriptors = descriptors;
    for (ExecutableElement method :
        ElementFilter.methodsIn(elements.getAllMembers(graph.source().element()))) {
      methodsByNameAndArity.add(nameAndArity(method));
    }
    this.staticReceiver = staticReceiver(graph);
  }

  CodeBlock spec(TaskMethod task) {
    ExecutableElement method = task.element();
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add(
                "$T.builder($L, $N -> $L)",
                TASK_SPEC,
                ConstantNames.of(task.name()),
                names.args(),
                body(task))
            .add("\n.method($S, $S)", method.getSimpleName(), descriptors.of(method));
    if (!task.parameters().isEmpty()) {
      code.add(
          "\n.dependsOn($L)",
          task.parameters().stream()
              .map(p -> ConstantNames.of(p.source()))
              .distinct()
              .collect(Collectors.joining(", ")));
    }
    task.eachParameter().ifPresent(p -> code.add("\n.each($L)", ConstantNames.of(p.source())));
    if (!task.cache()) {
      code.add("\n.cache(false)");
    }
    if (!task.version().isEmpty()) {
      code.add("\n.version($S)", task.version());
    }
    if (task.retries() > 0) {
      code.add("\n.retries($L)", task.retries());
    }
    task.timeout()
        .ifPresent(t -> code.add("\n.timeout($T.ofMillis($LL))", Duration.class, t.toMillis()));
    if (!task.limits().isEmpty()) {
      code.add(
          "\n.limits($L)",
          task.limits().stream().map(l -> CodeBlock.of("$S", l)).collect(CodeBlock.joining(", ")));
    }
    if (task.async()) {
      code.add("\n.async()");
    }
    return code.add("\n.build()").build();
  }

  /** The call of the task method, as a lambda body over {@code args}. */
  private CodeBlock body(TaskMethod task) {
    ExecutableElement method = task.element();
    boolean overloaded = methodsByNameAndArity.count(nameAndArity(method)) > 1;
    CodeBlock arguments =
        task.parameters().stream()
            .map(p -> argument(p, overloaded))
            .collect(CodeBlock.joining(", "));
    CodeBlock receiver =
        task.isStatic() ? staticReceiver : CodeBlock.of("$N", names.instance());
    CodeBlock call =
        CodeBlock.of("$L.$N($L)", receiver, method.getSimpleName().toString(), arguments);
    if (method.getReturnType().getKind() == TypeKind.VOID) {
      return CodeBlock.of("{\n$>$L;\nreturn null;\n$<}", call);
    }
    return call;
  }

  private CodeBlock argument(TaskParameter parameter, boolean overloaded) {
    String key = ConstantNames.of(parameter.source());
    TypeMirror delivered;
    CodeBlock value;
    if (parameter.kind() == TaskParameter.Kind.EACH) {
      // Without a witness, javac would infer the element type from the parameter, and from each
      // overload's parameter differently.
      delivered = eachWitness(parameter);
      value = CodeBlock.of("$N.<$T>each($L)", names.args(), TypeName.get(delivered), key);
    } else {
      delivered = graph.keyType(parameter.source()).orElseThrow();
      value = CodeBlock.of("$N.get($L)", names.args(), key);
    }
    return overloaded && !types.types().isSameType(delivered, parameter.type())
        ? CodeBlock.of("($T) $L", TypeName.get(parameter.type()), value)
        : value;
  }

  /**
   * The type {@code each} returns: the parameter's own type when the collection's elements are
   * of it; otherwise — a primitive parameter, which cannot be a type argument, or one the
   * elements reach only by unchecked conversion — the element type, which the parameter accepts
   * as the graph rules checked ({@code Integer} into {@code int} or {@code long}).
   */
  private TypeMirror eachWitness(TaskParameter parameter) {
    TypeMirror source = graph.keyType(parameter.source()).orElseThrow();
    TypeMirror element = types.typeArgumentOf(source, COLLECTION).orElseThrow();
    boolean parameterFits =
        !parameter.type().getKind().isPrimitive()
            && types.rawTypeIn(parameter.type()).isEmpty()
            && types.types().isSubtype(element, parameter.type());
    return parameterFits ? parameter.type() : element;
  }

  /**
   * The task class as the receiver of a static call: {@code Words}, or {@code com.example.URL}
   * when a key constant has the class's name (class {@code URL}, task {@code url}), since a field
   * obscures a class of the same name before a dot (JLS 6.4.2).
   */
  private static CodeBlock staticReceiver(TaskGraph graph) {
    ClassName type = ClassName.get(graph.source().element());
    String outermost = type.topLevelClassName().simpleName();
    boolean obscured =
        graph.keyTypes().keySet().stream().anyMatch(k -> ConstantNames.of(k).equals(outermost));
    return obscured && !type.packageName().isEmpty()
        ? CodeBlock.of("$L", type.canonicalName())
        : CodeBlock.of("$T", type);
  }

  private static String nameAndArity(ExecutableElement method) {
    return method.getSimpleName() + "/" + method.getParameters().size();
  }
}
