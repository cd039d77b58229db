package dev.weft.examples.dataset;

import dev.weft.Input;
import dev.weft.Task;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An index of every class of a JDK, and queries answered from it, as a Weft pipeline.
 *
 * <p>The index is the expensive part: it reads each of the JDK's some 27,000 class files through
 * the {@code jrt:/} file system and parses it. It depends only on the JDK it reads, so it is
 * built once and then loaded from the cache — on a later run with another query too, as
 * {@code joblib.Memory} reloads an expensive function's result. A query is cheap, and executes
 * whenever its pattern is new.
 */
public class JdkClasses {
  /**
   * Every class of the JDK installed in {@code jdk} (a directory with {@code lib/modules}), sorted
   * by name; {@code module-info} classes are left out. The JDK is read through its own {@code
   * jrt:/} file system, so it need not be the one running this code. The key of this task holds
   * the fingerprint of {@code jdk}'s files, so a JDK updated in place is indexed again.
   */
  @Task
  public List<ClassEntry> index(@Input Path jdk) throws IOException {
    List<ClassEntry> classes = new ArrayList<>();
    Map<String, String> env = Map.of("java.home", jdk.toAbsolutePath().toString());
    try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), env);
        DirectoryStream<Path> modules = Files.newDirectoryStream(jrt.getPath("/modules"))) {
      for (Path module : modules) {
        String moduleName = module.getFileName().toString();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(module)) {
          files = walk.filter(p -> p.getFileName().toString().endsWith(".class"))
              .filter(p -> !p.getFileName().toString().equals("module-info.class"))
              .toList();
        }
        for (Path file : files) {
          try {
            classes.add(ClassFileReader.read(moduleName, Files.readAllBytes(file)));
          } catch (IOException e) {
            throw new IOException("cannot read class file " + file + ": " + e.getMessage(), e);
          }
        }
      }
    }
    classes.sort(Comparator.comparing(ClassEntry::name));
    return classes;
  }

  /**
   * The classes of {@code index} whose name contains a match of the regular expression {@code
   * pattern}: how many, in how many packages and modules, then at most {@code top} lines each of
   * the packages with the most of them, the largest of them, and their most common supertypes
   * ({@code java.lang.Object} aside).
   */
  @Task
  public String query(List<ClassEntry> index, @Input String pattern, @Input int top) {
    Pattern regex = Pattern.compile(pattern);
    List<ClassEntry> matches =
        index.stream().filter(c -> regex.matcher(c.name()).find()).toList();
    long packages = count(matches, ClassEntry::packageName);
    long modules = count(matches, ClassEntry::module);
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "%,d of %,d classes match '%s': %,d %s in %,d %s; %,d bytes, %,d methods%n",
        matches.size(), index.size(), pattern, packages, plural(packages, "package"), modules,
        plural(modules, "module"), matches.stream().mapToLong(ClassEntry::bytes).sum(),
        matches.stream().mapToLong(ClassEntry::methods).sum()));
    if (matches.isEmpty()) {
      return report.toString().stripTrailing();
    }
    Map<String, String> moduleOf = new TreeMap<>();
    matches.forEach(c -> moduleOf.put(c.packageName(), c.module()));
    report.append("Packages with the most matches:\n");
    mostCommon(matches.stream().map(ClassEntry::packageName), top).forEach((pkg, n) ->
        report.append(String.format(Locale.ROOT, "  %8d  %s (%s)%n", n, pkg, moduleOf.get(pkg))));
    report.append("Largest:\n");
    matches.stream()
        .sorted(Comparator.comparingInt(ClassEntry::bytes).reversed()
            .thenComparing(ClassEntry::name))
        .limit(top)
        .forEach(c -> report.append(
            String.format(Locale.ROOT, "  %,8d  %s%n", c.bytes(), c.name())));
    Map<String, Long> supertypes =
        mostCommon(matches.stream().flatMap(c -> c.supertypes().stream()), top);
    if (!supertypes.isEmpty()) {
      report.append("Their most common supertypes:\n");
      supertypes.forEach((type, n) ->
          report.append(String.format(Locale.ROOT, "  %8d  %s%n", n, type)));
    }
    return report.toString().stripTrailing();
  }

  private static long count(List<ClassEntry> classes, Function<ClassEntry, String> key) {
    return classes.stream().map(key).distinct().count();
  }

  private static String plural(long count, String noun) {
    return count == 1 ? noun : noun + "s";
  }

  /** The {@code top} most frequent values, most frequent first, ties by name; in that order. */
  private static Map<String, Long> mostCommon(Stream<String> values, int top) {
    return values.collect(Collectors.groupingBy(v -> v, Collectors.counting()))
        .entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
            LinkedHashMap::new));
  }
}
