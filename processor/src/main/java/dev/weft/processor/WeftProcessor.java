package dev.weft.processor;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.weft.Each;
import dev.weft.From;
import dev.weft.Input;
import dev.weft.Task;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.MoreTypes;
import dev.weft.processor.graph.TaskGraph;
import dev.weft.processor.graph.TaskGraphBuilder;
import dev.weft.processor.model.TaskClass;
import dev.weft.processor.read.LocalTaskScanner;
import dev.weft.processor.read.StrayAnnotationChecker;
import dev.weft.processor.read.TaskClassReader;
import dev.weft.processor.rules.GraphRule;
import dev.weft.processor.rules.GraphRules;
import dev.weft.processor.writer.FlowWriter;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Weft's annotation processor. For every class with {@code @Task} methods it
 * <ol>
 *   <li>reads the class and validates each task method on its own ({@link TaskClassReader});
 *   <li>builds the class's dependency graph ({@link TaskGraphBuilder});
 *   <li>checks the graph against every rule — cycles, missing dependencies, type mismatches,
 *       duplicate names… ({@link GraphRules});
 *   <li>and, when the class has no error, writes its {@code …Flow} class ({@link FlowWriter}).
 * </ol>
 *
 * <p>A class whose tasks use something javac cannot resolve yet — a type of a signature or one of
 * its supertypes, a supertype of the class, a constant in a Weft annotation's value — is deferred
 * to the next round, as another processor may generate it; if it never resolves, javac's own
 * "cannot find symbol" errors stand alone, without follow-up errors from Weft. One class's errors
 * never stop the others, and an exception in any step of the processor — reading a class, the
 * checks of stray annotations and of local classes — is reported at the class it was working on
 * instead of crashing javac.
 *
 * <p>The processor claims no annotation ({@code process} returns {@code false}), so other
 * processors may read Weft's annotations too.
 */
public final class WeftProcessor extends AbstractProcessor {
  private ErrorReporter reporter;
  private TaskClassReader reader;
  private TaskGraphBuilder graphBuilder;
  private ImmutableList<GraphRule> rules;
  private FlowWriter writer;
  private StrayAnnotationChecker strayAnnotations;
  private Optional<Trees> trees;

  /** Names of classes waiting for a later round, in the order they were first seen. */
  private final Set<String> deferred = new LinkedHashSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    MoreTypes types = new MoreTypes(env.getTypeUtils(), env.getElementUtils());
    reporter = new ErrorReporter(env.getMessager());
    reader = new TaskClassReader(reporter, types, env.getElementUtils());
    graphBuilder = new TaskGraphBuilder(types, env.getElementUtils());
    rules = GraphRules.all(reporter, types);
    writer = new FlowWriter(env.getFiler(), env.getElementUtils(), types, reporter);
    strayAnnotations = new StrayAnnotationChecker(reporter);
    trees = treesOf(env);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return ImmutableSet.of(
        Task.class.getCanonicalName(),
        Input.class.getCanonicalName(),
        From.class.getCanonicalName(),
        Each.class.getCanonicalName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Set<TypeElement> classes = new LinkedHashSet<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        classes.add(type);
      }
    }
    deferred.clear();
    for (Element method : round.getElementsAnnotatedWith(Task.class)) {
      if (method.getEnclosingElement() instanceof TypeElement type) {
        classes.add(type);
      }
    }
    for (Element parameter : StrayAnnotationChecker.annotatedParameters(round)) {
      guarded(enclosingClass(parameter), () -> strayAnnotations.check(parameter));
    }
    scanLocalClasses(round);

    if (round.processingOver()) {
      return false; // Still unresolved in the last round: javac reports those itself.
    }
    for (TypeElement type : classes) {
      guarded(type, () -> process(type));
    }
    return false;
  }

  private void process(TypeElement type) {
    if (reader.needsLaterRound(type)) {
      deferred.add(type.getQualifiedName().toString());
      return;
    }
    int errorsBefore = reporter.errorCount();
    Optional<TaskClass> read = reader.read(type);
    if (read.isEmpty()) {
      return;
    }
    TaskGraph graph = graphBuilder.build(read.get());
    for (GraphRule rule : rules) {
      rule.check(graph);
    }
    if (reporter.errorCount() == errorsBefore) {
      writer.write(graph);
    }
  }

  private void scanLocalClasses(RoundEnvironment round) {
    if (trees.isEmpty()) {
      return;
    }
    LocalTaskScanner scanner = new LocalTaskScanner(trees.get(), reporter);
    Set<CompilationUnitTree> seen = new HashSet<>();
    for (Element root : round.getRootElements()) {
      guarded(
          root,
          () -> {
            TreePath path = trees.get().getPath(root);
            if (path != null && seen.add(path.getCompilationUnit())) {
              scanner.scan(path.getCompilationUnit());
            }
          });
    }
  }

  /**
   * Runs one step of the processor, reporting a failure at {@code at} — the class it was
   * working on — instead of letting it reach javac, which would stop every other class too.
   */
  private void guarded(Element at, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      reporter.internalError(at, e);
    }
  }

  private static Element enclosingClass(Element element) {
    Element e = element;
    while (!(e instanceof TypeElement) && e.getEnclosingElement() != null) {
      e = e.getEnclosingElement();
    }
    return e;
  }

  /** The syntax trees, when the compiler is javac; other compilers skip the local-class check. */
  private static Optional<Trees> treesOf(ProcessingEnvironment env) {
    try {
      return Optional.of(Trees.instance(env));
    } catch (IllegalArgumentException notJavac) {
      return Optional.empty();
    }
  }
}
