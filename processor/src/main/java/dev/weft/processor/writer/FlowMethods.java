package dev.weft.processor.writer;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Lists;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.weft.processor.base.ConstantNames;
import dev.weft.processor.graph.InputNode;
import dev.weft.processor.graph.TaskGraph;
import dev.weft.processor.model.TaskClass;
import dev.weft.processor.model.TaskMethod;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code of(...)} methods of a flow, which describe each input and task to the engine's
 * {@code FlowGraph.Builder}.
 *
 * <p>One statement per node rather than one chained expression: javac attributes a chain as
 * nested calls, which for thousands of tasks would be as deep as the chain is long. Above {@link
 * #TASKS_PER_METHOD} tasks the statements move to private helpers of that many tasks each, as one
 * method's bytecode may not exceed 64 KiB (about 1,300 tasks); small flows keep them in
 * {@code of(...)}, where they read best.
 */
final class FlowMethods {
  static final int TASKS_PER_METHOD = 200;
  static final ClassName FLOW = ClassName.get("dev.weft.engine", "Flow");
  static final ClassName FLOW_GRAPH = ClassName.get("dev.weft.engine.internal", "FlowGraph");
  private static final ClassName BUILDER = FLOW_GRAPH.nestedClass("Builder");

  private FlowMethods() {}

  /** {@code of(instance)}, for a class with only static tasks also {@code of()}, and helpers. */
  static ImmutableList<MethodSpec> write(
      TaskGraph graph, String flowId, LocalNames names, TaskBodies bodies) {
    TaskClass source = graph.source();
    ClassName type = ClassName.get(source.element());
    boolean needsInstance = !source.allStatic();

    ImmutableList.Builder<MethodSpec> helpers = ImmutableList.builder();
    CodeBlock.Builder build =
        CodeBlock.builder()
            .addStatement(
                "$T $N = $T.builder($S, $T.class)",
                BUILDER,
                names.flow(),
                FLOW_GRAPH,
                flowId,
                type);
    for (InputNode input : graph.inputs().values()) {
      build.addStatement(
          "$N.input($L, $L)", names.flow(), ConstantNames.of(input.name()), input.keyed());
    }
    List<CodeBlock> tasks =
        graph.tasks().values().stream()
            .map(
                task ->
                    CodeBlock.builder()
                        .addStatement("$N.task($L)", names.flow(), bodies.spec(task))
                        .build())
            .toList();
    if (tasks.size() <= TASKS_PER_METHOD) {
      tasks.forEach(build::add);
    } else {
      List<List<CodeBlock>> chunks = Lists.partition(tasks, TASKS_PER_METHOD);
      for (int i = 0; i < chunks.size(); i++) {
        String helper = "addTasks" + (i + 1);
        MethodSpec.Builder method =
            MethodSpec.methodBuilder(helper)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc(
                    "Adds tasks $L to $L: one method's bytecode may not exceed 64 KiB.\n",
                    i * TASKS_PER_METHOD + 1,
                    i * TASKS_PER_METHOD + chunks.get(i).size())
                .addParameter(BUILDER, names.flow());
        if (needsInstance) {
          method.addParameter(type, names.instance());
          build.addStatement("$N($N, $N)", helper, names.flow(), names.instance());
        } else {
          build.addStatement("$N($N)", helper, names.flow());
        }
        chunks.get(i).forEach(method::addCode);
        helpers.add(method.build());
      }
    }
    CodeBlock flowGraph = build.addStatement("return $N.build()", names.flow()).build();

    MethodSpec.Builder ofInstance =
        MethodSpec.methodBuilder("of")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(FLOW)
            .addParameter(type, names.instance())
            .addJavadoc(
                "Returns the flow of the tasks of {@code $N}. One instance serves every task"
                    + " of a run,\nconcurrently: its tasks must be safe to call from several"
                    + " threads at once.\n",
                names.instance())
            .addStatement(
                "$T.requireNonNull($N, $S)", Objects.class, names.instance(), names.instance());
    if (needsInstance) {
      ofInstance.addCode(flowGraph);
    } else {
      ofInstance.addStatement("return of()");
    }
    ImmutableList.Builder<MethodSpec> methods = ImmutableList.builder();
    methods.add(ofInstance.build());
    if (!needsInstance) {
      methods.add(
          MethodSpec.methodBuilder("of")
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(FLOW)
              .addJavadoc("Returns the flow of the static tasks of {@link $T}.\n", type)
              .addCode(flowGraph)
              .build());
    }
    return methods.addAll(helpers.build()).build();
  }
}
