package dev.weft.examples.dataset;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Flow;
import dev.weft.engine.RunListener;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.Weft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetMainTest {
  private static final Path JDK = Path.of(System.getProperty("java.home"));

  @TempDir Path cache;

  private record Output(int status, List<String> lines, String err) {
    /** The last three lines: a line per task, its words after the name, then the summary. */
    List<String> tasks() {
      return lines.subList(lines.size() - 3, lines.size()).stream()
          .map(l -> l.strip().replaceAll(" +", " ")).toList();
    }
  }

  private Output main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    RunListener listener = ConsoleProgress.create(new PrintStream(progress, true, UTF_8), false);
    int status = DatasetMain.run(args, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), listener);
    return new Output(status, out.toString(UTF_8).lines().toList(), err.toString(UTF_8));
  }

  /**
   * The class files of the running JDK, counted here through its own {@code jrt:/} file system:
   * every {@code .class} file but {@code module-info}, and those of package {@code
   * java.util.function} with their sizes.
   */
  private static long[] countClasses() throws IOException {
    long all = 0;
    long function = 0;
    long functionBytes = 0;
    Path modules = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("/modules");
    try (Stream<Path> walk = Files.walk(modules)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.endsWith(".class") && !name.equals("module-info.class")) {
          all++;
          if (file.getParent().toString().equals("/modules/java.base/java/util/function")) {
            function++;
            functionBytes += Files.size(file);
          }
        }
      }
    }
    return new long[] {all, function, functionBytes};
  }

  @Test
  void laterQueries_loadTheIndexFromTheDiskCache_andExecuteOnlyTheQuery() throws IOException {
    String function = "^java\\.util\\.function\\.[^.]*$";
    Output first = main("--cache-dir", cache.toString(), "--jdk", JDK.toString(), function, "2");
    Output second = main("--cache-dir", cache.toString(), "--jdk", JDK.toString(), "Spliterator");
    Output third = main("--cache-dir", cache.toString(), "--jdk", JDK.toString(), "Spliterator");

    for (Output output : List.of(first, second, third)) {
      assertThat(output.err()).isEmpty();
      assertThat(output.status()).isEqualTo(0);
    }
    long[] counts = countClasses();
    assertThat(first.lines().get(0)).isEqualTo("Classes of the JDK in " + JDK + ":");
    assertThat(first.lines().get(1)).matches(String.format(Locale.ROOT, "%,d of %,d classes match"
        + " '\\Q%s\\E': 1 package in 1 module; %,d bytes, [\\d,]+ methods", counts[1], counts[0],
        function, counts[2]));
    assertThat(first.lines().get(2)).isEqualTo("Packages with the most matches:");
    assertThat(first.lines().get(3))
        .isEqualTo(String.format(Locale.ROOT, "  %8d  java.util.function (java.base)", counts[1]));
    assertThat(first.tasks().get(0)).matches("index executed \\d+\\.\\d\\d s new");
    assertThat(first.tasks().get(1)).matches("query executed \\d+\\.\\d\\d s new");
    assertThat(first.tasks().get(2)).matches("Ran 2 tasks in \\d+\\.\\d\\d s: 2 executed, none"
        + " from the cache \\(.*: \\d+ entries, [\\d.]+ (KB|MB)\\)");

    assertThat(second.lines().get(1)).contains(" classes match 'Spliterator': ");
    assertThat(second.lines()).contains("Largest:");
    assertThat(second.tasks().get(0)).matches("index disk cache \\d+\\.\\d\\d s unchanged");
    assertThat(second.tasks().get(1))
        .matches("query executed \\d+\\.\\d\\d s input 'pattern' changed");
    assertThat(second.tasks().get(2)).matches("Ran 2 tasks in \\d+\\.\\d\\d s: 1 executed, 1"
        + " from the cache .*");

    assertThat(third.lines().subList(0, third.lines().size() - 3))
        .isEqualTo(second.lines().subList(0, second.lines().size() - 3));
    assertThat(third.tasks().get(0))
        .isEqualTo("index not run not needed: what reads it came from the cache");
    assertThat(third.tasks().get(1)).matches("query disk cache \\d+\\.\\d\\d s unchanged");
  }

  @Test
  void queriesInOneWeft_shareTheIndexInMemory() throws IOException {
    Map<String, String> first;
    Map<String, String> second;
    String report;
    try (Weft weft = Weft.builder().build()) {
      Flow flow = JdkClassesFlow.of(new JdkClasses());
      first = statuses(DatasetMain.query(weft, flow, JDK, "^java\\.lang\\.String$", 1));
      RunResult result = DatasetMain.query(weft, flow, JDK, "^java\\.util\\.ArrayList$", 5);
      second = statuses(result);
      report = result.get(JdkClassesFlow.QUERY);
    }

    assertThat(first).containsExactly("index", "EXECUTED new", "query", "EXECUTED new").inOrder();
    assertThat(second).containsExactly("index", "MEMORY_HIT unchanged",
        "query", "EXECUTED input 'pattern' changed").inOrder();
    long bytes;
    try (InputStream in = Object.class.getResourceAsStream("/java/util/ArrayList.class")) {
      bytes = in.readAllBytes().length;
    }
    assertThat(report).contains(String.format(Locale.ROOT, "%n  %,8d  java.util.ArrayList%n",
        bytes));
    // Each supertype of the one match counts once: they are listed by name.
    String supertypes = Stream.concat(Stream.of(ArrayList.class.getSuperclass()),
            Arrays.stream(ArrayList.class.getInterfaces()))
        .map(Class::getName)
        .sorted()
        .map(name -> String.format(Locale.ROOT, "%n         1  %s", name))
        .collect(Collectors.joining());
    assertThat(report).endsWith("Their most common supertypes:" + supertypes);
  }

  private static Map<String, String> statuses(RunResult result) {
    Map<String, String> statuses = new LinkedHashMap<>();
    for (TaskOutcome t : result.tasks()) {
      statuses.put(t.name(), t.status() + " " + t.reason());
    }
    return statuses;
  }

  @Test
  void classFileReader_agreesWithReflection() throws Exception {
    for (Class<?> type : List.of(ArrayList.class, Map.Entry.class,
        String.class, Thread.State.class, Override.class, java.util.HashMap.class,
        java.util.concurrent.ConcurrentHashMap.class, Record.class)) {
      byte[] bytes;
      try (InputStream in = Object.class.getResourceAsStream(
          "/" + type.getName().replace('.', '/') + ".class")) {
        bytes = in.readAllBytes();
      }

      ClassEntry entry = ClassFileReader.read("java.base", bytes);

      assertThat(entry.name()).isEqualTo(type.getName());
      assertThat(entry.bytes()).isEqualTo(bytes.length);
      // An interface's class file names Object as its superclass; reflection says it has none.
      assertThat(entry.superName()).isEqualTo(
          type.isInterface() ? "java.lang.Object" : type.getSuperclass().getName());
      assertThat(entry.interfaces()).containsExactlyElementsIn(
          Arrays.stream(type.getInterfaces()).map(Class::getName).toList()).inOrder();
      assertThat(Modifier.isInterface(entry.access())).isEqualTo(type.isInterface());
      assertThat(Modifier.isPublic(entry.access()))
          .isEqualTo(Modifier.isPublic(type.getModifiers()));
      assertThat(entry.fields()).isAtLeast(type.getDeclaredFields().length);
      assertThat(entry.methods()).isAtLeast(
          type.getDeclaredMethods().length + type.getDeclaredConstructors().length);
      assertThat(entry.packageName()).isEqualTo(type.getPackageName());
    }
  }

  @Test
  void notAJdk_saysSoAndExitsWith2() {
    Output output = main("--no-cache", "--jdk", cache.toString());

    assertThat(output.status()).isEqualTo(2);
    assertThat(output.err()).isEqualTo("error: " + cache.toAbsolutePath() + " is not a JDK of"
        + " Java 9 or later: it has no lib/modules; pass the directory the JDK is installed in\n");
  }

  @Test
  void badArguments_areUsageErrors() {
    Output pattern = main("--no-cache", "[unclosed");
    Output top = main("--no-cache", "Map", "none");
    Output both = main("--no-cache", "--cache-dir", cache.toString());

    assertThat(pattern.status()).isEqualTo(2);
    assertThat(pattern.err()).startsWith("error: pattern '[unclosed' is not a regular"
        + " expression: Unclosed character class\nusage: DatasetMain");
    assertThat(top.status()).isEqualTo(2);
    assertThat(top.err()).startsWith("error: top must be a whole number of 1 or more, not"
        + " 'none'\n");
    assertThat(both.status()).isEqualTo(2);
    assertThat(both.err()).startsWith("error: --no-cache and --cache-dir exclude each other\n");
  }

  @Test
  void defaults() throws Exception {
    assertThat(DatasetMain.parse(new String[0])).isEqualTo(new DatasetMain.Options(JDK,
        "HashMap", 5, Optional.of(Path.of(".weft", "cache"))));
  }
}
