package dev.weft.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableMap;
import com.google.common.reflect.TypeToken;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.weft.engine.Flow;
import dev.weft.engine.Key;
import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.internal.TaskSpec;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Classes that are valid compile without a diagnostic, and their generated flows carry the exact
 * key types and call the right methods with the right arguments.
 */
class GeneratedFlowTest {

  @Test
  void genericsAndWildcards_feedAssignableParameters() throws Exception {
    Compilation compilation =
        compile(
            "test.Names",
            "package test;",
            "import dev.weft.Task;",
            "import java.util.*;",
            "public class Names {",
            "  @Task public ArrayList<String> names() { return new ArrayList<>(List.of(\"ab\", \"c\")); }",
            "  @Task public int length(Collection<? extends CharSequence> names) {",
            "    return names.stream().mapToInt(CharSequence::length).sum();",
            "  }",
            "  @Task public Map<String, List<? extends Number>> nested(ArrayList<String> names) {",
            "    return Map.of(names.get(0), List.of(1, 2.5));",
            "  }",
            "}");

    assertThat(compilation).succeededWithoutWarnings();
    Class<?> flowClass = load(compilation, "test.NamesFlow");
    assertThat(key(flowClass, "NAMES").type()).isEqualTo(new TypeToken<java.util.ArrayList<String>>() {});
    assertThat(key(flowClass, "LENGTH").type()).isEqualTo(TypeToken.of(Integer.class));
    assertThat(key(flowClass, "NESTED").type())
        .isEqualTo(new TypeToken<Map<String, List<? extends Number>>>() {});
    Map<String, Object> values = run(compilation, "test.Names", Map.of());
    assertThat(values).containsEntry("length", 3);
  }

  @Test
  void wildcardsAndArrays_keepTheirExactKeyTypes() throws Exception {
    Compilation compilation =
        compile(
            "test.Shapes",
            "package test;",
            "import dev.weft.Task;",
            "import java.util.*;",
            "public class Shapes {",
            "  @Task public List<? super Integer> sink() { return new ArrayList<Number>(); }",
            "  @Task public Map<?, ? extends CharSequence> any() { return Map.of(); }",
            "  @Task public int[] ints() { return new int[] {1}; }",
            "  @Task public String[][] grid() { return new String[][] {{\"a\"}}; }",
            "  @SuppressWarnings({\"unchecked\", \"rawtypes\"})",
            "  @Task public List<String>[] lists() { return new List[] {List.of(\"x\")}; }",
            "  @Task public Map.Entry<String, Long> entry() { return Map.entry(\"a\", 1L); }",
            "}");

    assertThat(compilation).succeededWithoutWarnings();
    Class<?> flowClass = load(compilation, "test.ShapesFlow");
    assertThat(key(flowClass, "SINK").type()).isEqualTo(new TypeToken<List<? super Integer>>() {});
    assertThat(key(flowClass, "ANY").type())
        .isEqualTo(new TypeToken<Map<?, ? extends CharSequence>>() {});
    assertThat(key(flowClass, "INTS").type()).isEqualTo(TypeToken.of(int[].class));
    assertThat(key(flowClass, "GRID").type()).isEqualTo(TypeToken.of(String[][].class));
    assertThat(key(flowClass, "LISTS").type()).isEqualTo(new TypeToken<List<String>[]>() {});
    assertThat(key(flowClass, "ENTRY").type())
        .isEqualTo(new TypeToken<Map.Entry<String, Long>>() {});
  }

  @Test
  void arrayOfInnerClassOfParameterizedType_isNotWrittenAsAClassLiteral() throws Exception {
    Compilation compilation =
        compile(
            "test.Boxes",
            "package test;",
            "import dev.weft.Task;",
            "import java.util.List;",
            "public class Boxes {",
            "  public static class Box<T> { public class In {} }",
            "  @Task public Box<String>.In[] ins() { return null; }",
            "  @Task public List<Box<String>.In> list() { return List.of(); }",
            "}");

    // Box<String>.In[].class, as the writer once wrote it, is not Java.
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> flowClass = load(compilation, "test.BoxesFlow");
    Class<?> boxes = flowClass.getClassLoader().loadClass("test.Boxes");
    assertThat(key(flowClass, "INS").type())
        .isEqualTo(TypeToken.of(boxes.getMethod("ins").getGenericReturnType()));
    assertThat(key(flowClass, "LIST").type())
        .isEqualTo(TypeToken.of(boxes.getMethod("list").getGenericReturnType()));
  }

  @Test
  void primitivesAndBoxing_convertAsInAMethodCall() throws Exception {
    Compilation compilation =
        compile(
            "test.Numbers",
            "package test;",
            "import dev.weft.Input;",
            "import dev.weft.Task;",
            "public class Numbers {",
            "  @Task public int one(@Input int base) { return base + 1; }",
            "  @Task public Integer two(int one) { return one * 2; }",
            "  @Task public long three(int two) { return two + 3L; }",
            "  @Task public double four(long three) { return three / 2.0; }",
            "  @Task public boolean five(Integer two, @Input Integer base) { return two > base; }",
            "}");

    assertThat(compilation).succeededWithoutWarnings();
    Class<?> flowClass = load(compilation, "test.NumbersFlow");
    assertThat(key(flowClass, "BASE").type()).isEqualTo(TypeToken.of(Integer.class));
    assertThat(key(flowClass, "THREE").type()).isEqualTo(TypeToken.of(Long.class));
    assertThat(run(compilation, "test.Numbers", Map.of("base", 4)))
        .containsExactly("one", 5, "two", 10, "three", 13L, "four", 6.5, "five", true);
  }

  @Test
  void staticTasks_getAnInstanceFreeOf() throws Exception {
    Compilation compilation =
        compile(
            "test.Statics",
            "package test;",
            "import dev.weft.Task;",
            "public final class Statics {",
            "  private Statics() {}",
            "  @Task static String greeting() { return \"hello\"; }",
            "  @Task static int size(String greeting) { return greeting.length(); }",
            "}");

    assertThat(compilation).succeededWithoutWarnings();
    Flow flow = (Flow) load(compilation, "test.StaticsFlow").getMethod("of").invoke(null);
    assertThat(SequentialTestRunner.runAll(flow, Map.of())).containsEntry("size", 5);
    assertThat(flow.name()).isEqualTo("test.Statics");
  }

  @Test
  void nestedClass_getsOuterUnderscoreInnerFlow() throws Exception {
    Compilation compilation =
        compile(
            "test.Outer",
            "package test;",
            "import dev.weft.Task;",
            "public class Outer {",
            "  public static class Inner {",
            "    @Task public String value() { return \"inner\"; }",
            "  }",
            "  static class Other {",
            "    @Task String value() { return \"other\"; }",
            "  }",
            "}");

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(run(compilation, "test.Outer$Inner", "test.Outer_InnerFlow", Map.of()))
        .containsExactly("value", "inner");
    assertThat(run(compilation, "test.Outer$Other", "test.Outer_OtherFlow", Map.of()))
        .containsExactly("value", "other");
    assertThat(flow(compilation, "test.Outer$Inner", "test.Outer_InnerFlow").name())
        .isEqualTo("test.Outer.Inner");
  }

  @Test
  void checkedException_propagatesFromTheTaskBody() throws Exception {
    Compilation compilation =
        compile(
            "test.Failing",
            "package test;",
            "import dev.weft.Task;",
            "import java.io.IOException;",
            "public class Failing {",
            "  @Task public String read() throws IOException { throw new IOException(\"disk gone\"); }",
            "}");

    assertThat(compilation).succeededWithoutWarnings();
    IOException thrown =
        assertThrows(IOException.class, () -> run(compilation, "test.Failing", Map.of()));
    assertThat(thrown).hasMessageThat().isEqualTo("disk gone");
  }

  @Test
  void completableFuture_producesItsValueType() throws Exception {
    Compilation compilation =
        compile(
            "test.Async",
            "package test;",
            "import dev.weft.Task;",
            "import java.util.concurrent.*;",
            "public class Async {",
            "  @Task public CompletableFuture<String> fetch() {",
            "    return CompletableFuture.supplyAsync(() -> \"page\");",
            "  }",
            "  @Task public CompletionStage<Integer> size(String fetch) {",
            "    return CompletableFuture.completedFuture(fetch.length());",
            "  }",
            "  @Task public int doubled(int size) { return size * 2; }",
            "}");

    assertThat(compilation).succeededWithoutWarnings();
    Class<?> flowClass = load(compilation, "test.AsyncFlow");
    assertThat(key(flowClass, "FETCH").type()).isEqualTo(TypeToken.of(String.class));
    FlowGraph flow = (FlowGraph) flow(compilation, "test.Async", "test.AsyncFlow");
    assertThat(flow.task("fetch").orElseThrow().async()).isTrue();
    assertThat(flow.task("doubled").orElseThrow().async()).isFalse();
    assertThat(SequentialTestRunner.runAll(flow, Map.of())).containsEntry("doubled", 8);
  }

  @Test
  void taskSettings_reachTheTaskSpec() throws Exception {
    Compilation compilation =
        compile(
            "test.Settings",
            "package test;",
            "import dev.weft.*;",
            "import java.util.List;",
            "public class Settings {",
            "  @Task(\"items\") public List<String> list(@Input(key = false) Object client) {",
            "    return List.of(\"a\", \"bb\");",
            "  }",
            "  @Task(retries = 3, timeout = \"250ms\", limits = {\"net\", \"db\"}, version = \"7\",",
            "      cache = false)",
            "  public int size(@Each(\"items\") CharSequence item) { return item.length(); }",
            "}");

    assertThat(compilation).succeededWithoutWarnings();
    FlowGraph flow = (FlowGraph) flow(compilation, "test.Settings", "test.SettingsFlow");
    TaskSpec<?> size = flow.task("size").orElseThrow();
    assertThat(size.retries()).isEqualTo(3);
    assertThat(size.timeout()).hasValue(Duration.ofMillis(250));
    assertThat(size.limits()).containsExactly("net", "db").inOrder();
    assertThat(size.version()).isEqualTo("7");
    assertThat(size.cache()).isFalse();
    assertThat(size.each().orElseThrow().name()).isEqualTo("items");
    assertThat(size.methodDescriptor()).isEqualTo("(Ljava/lang/CharSequence;)I");
    assertThat(size.key().type()).isEqualTo(new TypeToken<List<Integer>>() {});
    assertThat(flow.inputKeyed("client")).isFalse();
    assertThat(SequentialTestRunner.runAll(flow, ImmutableMap.of("client", new Object())))
        .containsEntry("size", List.of(1, 2));
  }

  @Test
  void overloadedTaskMethod_callsTheAnnotatedOverload() throws Exception {
    Compilation compilation =
        compile(
            "test.Overloads",
            "package test;",
            "import dev.weft.Task;",
            "public class Overloads {",
            "  @Task public String word() { return \"w\"; }",
            "  @Task public String which(Object word) { return \"task\"; }",
            "  public String which(String word) { return \"overload\"; }",
            "}");

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(run(compilation, "test.Overloads", Map.of())).containsEntry("which", "task");
  }

  @Test
  void deprecatedTypesAndTasks_noWarningInGeneratedCode() throws Exception {
    JavaFileObject old =
        JavaFileObjects.forSourceLines(
            "test.Old", //
            "package test;",
            "@Deprecated public class Old {}");
    JavaFileObject tasks =
        JavaFileObjects.forSourceLines(
            "test.Legacy",
            "package test;",
            "import dev.weft.Task;",
            "@SuppressWarnings(\"deprecation\")",
            "public class Legacy {",
            "  @Task public Old old() { return new Old(); }",
            "  @Deprecated @Task public int legacy() { return 1; }",
            "  @Deprecated(forRemoval = true) @Task public int gone(int legacy) { return legacy; }",
            "}");

    // The user chose these deprecated types and methods where javac could warn them; the flow,
    // which must name and call them, adds no warning of its own.
    Compilation compilation = compile(old, tasks);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(run(compilation, "test.Legacy", Map.of())).containsEntry("gone", 1);
  }

  @Test
  void of_rejectsNullInstance() throws Exception {
    Compilation compilation =
        compile(
            "test.Single",
            "package test;",
            "public class Single { @dev.weft.Task public int one() { return 1; } }");

    Class<?> flowClass = load(compilation, "test.SingleFlow");
    Class<?> type = flowClass.getClassLoader().loadClass("test.Single");
    InvocationTargetException thrown =
        assertThrows(
            InvocationTargetException.class,
            () -> flowClass.getMethod("of", type).invoke(null, (Object) null));
    assertThat(thrown).hasCauseThat().isInstanceOf(NullPointerException.class);
    assertThat(thrown).hasCauseThat().hasMessageThat().isEqualTo("instance");
  }

  /**
   * The javac options of every generated-code test: all lints, so that {@code
   * succeededWithoutWarnings()} catches a warning in generated code (users build with {@code
   * -Werror}), except "processing", which warns that no processor claimed Weft's annotations.
   */
  static final String LINT = "-Xlint:all,-processing";

  static Compilation compile(String name, String... lines) {
    return compile(JavaFileObjects.forSourceLines(name, lines));
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new WeftProcessor()).withOptions(LINT).compile(sources);
  }

  static Class<?> load(Compilation compilation, String name) throws ClassNotFoundException {
    return new CompiledClasses(compilation).loadClass(name);
  }

  static Key<?> key(Class<?> flowClass, String constant) throws ReflectiveOperationException {
    return (Key<?>) flowClass.getField(constant).get(null);
  }

  static Flow flow(Compilation compilation, String type, String flowName)
      throws ReflectiveOperationException {
    ClassLoader loader = new CompiledClasses(compilation);
    Class<?> taskClass = loader.loadClass(type);
    Constructor<?> constructor = taskClass.getDeclaredConstructor();
    constructor.setAccessible(true); // package-private test classes
    Method of = loader.loadClass(flowName).getMethod("of", taskClass);
    of.setAccessible(true);
    return (Flow) of.invoke(null, constructor.newInstance());
  }

  static Map<String, Object> run(
      Compilation compilation, String type, Map<String, Object> inputs) throws Exception {
    return run(compilation, type, type + "Flow", inputs);
  }

  static Map<String, Object> run(
      Compilation compilation, String type, String flowName, Map<String, Object> inputs)
      throws Exception {
    return SequentialTestRunner.runAll(flow(compilation, type, flowName), inputs);
  }
}
