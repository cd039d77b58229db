package dev.weft.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.weft.processor.base.ConstantNames;
import dev.weft.processor.graph.TaskGraph;
import dev.weft.processor.model.TaskMethod;
import dev.weft.processor.model.TaskParameter;
import java.time.Duration;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/**
 * Writes the {@code TaskSpec} of one task: the lambda that calls the task method — the only way
 * the engine invokes user code, without reflection — and the task's settings.
 */
final class TaskBodies {
  static final ClassName TASK_SPEC = ClassName.get("dev.weft.engine.internal", "TaskSpec");

  private final JvmDescriptors descriptors;

  TaskBodies(JvmDescriptors descriptors) {
    this.descriptors = descriptors;
  }

  CodeBlock spec(TaskGraph graph, TaskMethod task) {
    ExecutableElement method = task.element();
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add("$T.builder($L, args -> $L)", TASK_SPEC, ConstantNames.of(task.name()), body(graph, task))
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
          task.limits().stream().map(l -> CodeBlock.of("$S", l).toString())
              .collect(Collectors.joining(", ")));
    }
    if (task.async()) {
      code.add("\n.async()");
    }
    return code.add("\n.build()").build();
  }

  /** The call of the task method, as a lambda body over {@code args}. */
  private CodeBlock body(TaskGraph graph, TaskMethod task) {
    ExecutableElement method = task.element();
    // An overload the engine's boxed argument types could select instead is ruled out by casting
    // each argument to the parameter's declared type.
    boolean cast = isOverloaded(method);
    CodeBlock arguments =
        task.parameters().stream()
            .map(p -> argument(p, cast))
            .collect(CodeBlock.joining(", "));
    CodeBlock receiver =
        task.isStatic()
            ? CodeBlock.of("$T", ClassName.get(graph.source().element()))
            : CodeBlock.of("instance");
    CodeBlock call = CodeBlock.of("$L.$N($L)", receiver, method.getSimpleName().toString(), arguments);
    if (method.getReturnType().getKind() == TypeKind.VOID) {
      return CodeBlock.of("{\n$>$L;\nreturn null;\n$<}", call);
    }
    return call;
  }

  private static CodeBlock argument(TaskParameter parameter, boolean cast) {
    String key = ConstantNames.of(parameter.source());
    CodeBlock value =
        parameter.kind() == TaskParameter.Kind.EACH
            ? CodeBlock.of("args.each($L)", key)
            : CodeBlock.of("args.get($L)", key);
    return cast ? CodeBlock.of("($T) $L", TypeName.get(parameter.type()), value) : value;
  }

  private static boolean isOverloaded(ExecutableElement method) {
    return ElementFilter.methodsIn(method.getEnclosingElement().getEnclosedElements()).stream()
        .filter(m -> !m.equals(method))
        .anyMatch(
            m ->
                m.getSimpleName().equals(method.getSimpleName())
                    && m.getParameters().size() == method.getParameters().size());
  }
}
