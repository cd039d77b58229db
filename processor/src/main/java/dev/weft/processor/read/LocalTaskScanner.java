package dev.weft.processor.read;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Names;
import java.util.Set;

/**
 * Finds {@code @Task} methods in local and anonymous classes.
 *
 * <p>Annotation processors are never shown classes declared inside a method body or an
 * initializer, so such tasks would silently not exist. This scanner reads the syntax trees of
 * compilation units that import {@code dev.weft} and reports those methods. It matches the
 * annotation by name, as the trees are not attributed yet; a fully qualified
 * {@code @dev.weft.Task} matches too.
 *
 * <p>Limitation: javac runs the processor only when the compilation has a {@code @Task} (or other
 * Weft annotation) outside local classes, so a compilation whose only tasks are in local classes
 * is not scanned. Claiming {@code "*"} would lift it at the cost of running on every
 * compilation and weakening Gradle's incremental processing; a task in a local class is a rare
 * mistake that the first full build reports.
 */
public final class LocalTaskScanner {
  private static final Set<Tree.Kind> TYPE_KINDS =
      Set.of(
          Tree.Kind.CLASS,
          Tree.Kind.INTERFACE,
          Tree.Kind.ENUM,
          Tree.Kind.RECORD,
          Tree.Kind.ANNOTATION_TYPE,
          Tree.Kind.COMPILATION_UNIT);

  private final Trees trees;
  private final ErrorReporter reporter;

  public LocalTaskScanner(Trees trees, ErrorReporter reporter) {
    this.trees = trees;
    this.reporter = reporter;
  }

  /** Reports every task method of a local or anonymous class in {@code unit}. */
  public void scan(CompilationUnitTree unit) {
    boolean importsWeft =
        unit.getImports().stream().map(ImportTree::getQualifiedIdentifier).map(Object::toString)
            .anyMatch(name -> name.equals("dev.weft.Task") || name.equals("dev.weft.*"));
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree method, Void unused) {
        if (isTask(method, importsWeft) && isHidden(getCurrentPath().getParentPath())) {
          reporter.error(
              Diagnostic.TASK_CLASS,
              trees,
              getCurrentPath(),
              "task method %s is declared in %s class, which annotation processing never"
                  + " sees, so no flow would contain it. Move it to a top-level or static nested"
                  + " class.",
              Names.method(method.getName()),
              isAnonymous(getCurrentPath().getParentPath()) ? "an anonymous" : "a local");
        }
        return super.visitMethod(method, unused);
      }
    }.scan(unit, null);
  }

  private static boolean isTask(MethodTree method, boolean importsWeft) {
    for (AnnotationTree annotation : method.getModifiers().getAnnotations()) {
      String name = annotation.getAnnotationType().toString();
      if (name.equals("dev.weft.Task") || (importsWeft && name.equals("Task"))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the class at {@code classPath} is nested, at any depth, in something but classes. */
  private static boolean isHidden(TreePath classPath) {
    for (TreePath p = classPath.getParentPath(); p != null; p = p.getParentPath()) {
      if (!TYPE_KINDS.contains(p.getLeaf().getKind())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAnonymous(TreePath classPath) {
    return ((ClassTree) classPath.getLeaf()).getSimpleName().length() == 0;
  }
}
